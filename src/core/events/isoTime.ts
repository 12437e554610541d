/**
 * Event times as the live feed writes them (`2025-02-02T20:11:19.3Z`), read without
 * Date.parse: the digits are taken from their fixed places and handed to Date.UTC, which
 * costs a fraction of parsing text. The answer is Date.parse's to the millisecond; any
 * other spelling (an offset instead of Z, more than three decimals, a day past the end
 * of its month, hour 24) goes to Date.parse itself, so the two never disagree.
 */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digit(text: string, at: number): number {
  const code = text.charCodeAt(at) - 48;
  return code >= 0 && code <= 9 ? code : -100_000;
}

function twoDigits(text: string, at: number): number {
  return digit(text, at) * 10 + digit(text, at + 1);
}

/** Epoch milliseconds of an ISO 8601 time, or NaN as Date.parse gives it. */
export function isoTimeMs(text: string): number {
  const length = text.length;
  // YYYY-MM-DDTHH:MM:SSZ is 20 characters; with .f, .ff or .fff up to 24.
  if (length < 20 || length > 24 || text.charCodeAt(length - 1) !== 90 /* Z */) return Date.parse(text);
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':') return Date.parse(text);
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  let millisecond = 0;
  if (length > 20) {
    if (text[19] !== '.' || length === 21) return Date.parse(text);
    // .3 is 300 ms, .35 is 350 ms, .357 is 357 ms.
    for (let at = 20, scale = 100; at < length - 1; at++, scale /= 10) millisecond += digit(text, at) * scale;
  }
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1] || hour < 0 || hour > 23 ||
    minute < 0 || minute > 59 || second < 0 || second > 59 || millisecond < 0) {
    return Date.parse(text);
  }
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return Date.parse(text);
  // Date.UTC reads years 0–99 as 1900–1999; those are not plausible feed times anyway.
  if (year < 100) return Date.parse(text);
  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
}
