/**
 * The wanted fields of a scanned line as the readers of parseAction.ts take them. Values are
 * made from the bytes without decoding the line: whole numbers digit by digit; the feed's
 * event times (`2025-02-02T20:11:19.3Z`), clocks (`PT11M39.00S`) and scores (`"104"`) straight
 * to the numbers their readers would make of the text; the texts that repeat (game ids,
 * action types, names) from a small cache, so that most lines create no string at all.
 *
 * A converted value is the very number the reader would compute from the text (see the
 * tests), so an accepted line gives the same action as through JSON.parse. When a reader
 * refuses a line, the caller reads it again with JSON.parse, so the reason quotes the
 * line's own text.
 */
import type { Fields } from './actionRules.ts';
import { JsonFieldScanner, Span } from './jsonFieldScanner.ts';
import { ACTION_KEYS } from './parseAction.ts';

const decoder = new TextDecoder();
const TIME_KEYS = new Set(['timeActual', 'edited', 't']);
const SCORE_KEYS = new Set(['scoreHome', 'scoreAway', 'home', 'away']);
const CACHE_SIZE = 4096;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digitAt(b: Uint8Array, at: number): number {
  const d = b[at] - 0x30;
  return d >= 0 && d <= 9 ? d : -100_000;
}

/** `YYYY-MM-DDTHH:MM:SS(.f{1,3})?Z` between start and end (quotes excluded), or NaN for anything else. */
export function isoTimeOfBytes(b: Uint8Array, start: number, end: number): number {
  const length = end - start;
  if (length < 20 || length > 24 || length === 21 || b[end - 1] !== 0x5a) return NaN;
  if (b[start + 4] !== 0x2d || b[start + 7] !== 0x2d || b[start + 10] !== 0x54 || b[start + 13] !== 0x3a || b[start + 16] !== 0x3a) return NaN;
  const year = (digitAt(b, start) * 10 + digitAt(b, start + 1)) * 100 + digitAt(b, start + 2) * 10 + digitAt(b, start + 3);
  const month = digitAt(b, start + 5) * 10 + digitAt(b, start + 6);
  const day = digitAt(b, start + 8) * 10 + digitAt(b, start + 9);
  const hour = digitAt(b, start + 11) * 10 + digitAt(b, start + 12);
  const minute = digitAt(b, start + 14) * 10 + digitAt(b, start + 15);
  const second = digitAt(b, start + 17) * 10 + digitAt(b, start + 18);
  let millisecond = 0;
  if (length > 20) {
    if (b[start + 19] !== 0x2e) return NaN;
    for (let at = start + 20, scale = 100; at < end - 1; at++, scale /= 10) millisecond += digitAt(b, at) * scale;
  }
  // Only the plain cases; a leap day, hour 24 or a year before 100 go to the reader's own parse.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1] || hour < 0 || hour > 23 ||
    minute < 0 || minute > 59 || second < 0 || second > 59 || millisecond < 0) {
    return NaN;
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
}

/** `PT11M39.00S` → 699, computed as parseClock computes it, or NaN. */
export function clockOfBytes(b: Uint8Array, start: number, end: number): number {
  if (end - start < 6 || b[start] !== 0x50 || b[start + 1] !== 0x54 || b[end - 1] !== 0x53) return NaN;
  let i = start + 2;
  let minutes = 0;
  const minutesFrom = i;
  while (i < end && b[i] >= 0x30 && b[i] <= 0x39) minutes = minutes * 10 + (b[i++] - 0x30);
  if (i === minutesFrom || i - minutesFrom > 6 || b[i++] !== 0x4d) return NaN;
  let whole = 0;
  const wholeFrom = i;
  while (i < end && b[i] >= 0x30 && b[i] <= 0x39) whole = whole * 10 + (b[i++] - 0x30);
  if (i === wholeFrom || i - wholeFrom > 6) return NaN;
  let fraction = 0;
  let scale = 1;
  if (b[i] === 0x2e) {
    i++;
    const fractionFrom = i;
    while (i < end - 1 && b[i] >= 0x30 && b[i] <= 0x39) {
      fraction = fraction * 10 + (b[i++] - 0x30);
      scale *= 10;
    }
    if (i === fractionFrom || i - fractionFrom > 6) return NaN;
  }
  if (i !== end - 1) return NaN;
  // (whole·scale + fraction) / scale is the exact decimal rounded once, as Number("39.00") is.
  return minutes * 60 + (whole * scale + fraction) / scale;
}

export class ScannedFields {
  #scanner = new JsonFieldScanner(ACTION_KEYS);
  readonly spans = this.#scanner.createSpans();
  #bytes: Uint8Array = new Uint8Array(0);
  #cache: (string | undefined)[] = new Array<string | undefined>(CACHE_SIZE);
  #times = ACTION_KEYS.map((key) => TIME_KEYS.has(key));
  #scores = ACTION_KEYS.map((key) => SCORE_KEYS.has(key));
  #clock = ACTION_KEYS.indexOf('clock');
  #values: unknown[] = new Array<unknown>(ACTION_KEYS.length).fill(undefined);

  /** Scans the line starting at `start` (reading at most to `end`): where it ends, or −1 when JSON.parse must read it. */
  scan(b: Uint8Array, start: number, end: number): number {
    this.#bytes = b;
    return this.#scanner.scan(b, start, end, this.spans);
  }

  /** What the last scanned line holds under a key (Span.Absent when nothing). */
  kind(slot: number): number {
    return this.spans[slot * 3 + 2];
  }

  /** The last scanned line's number under a key of kind Span.Number. */
  number(slot: number): number {
    return numberOfBytes(this.#bytes, this.spans[slot * 3], this.spans[slot * 3 + 1]);
  }

  /** The last scanned line's text under a key of kind Span.Text. */
  text(slot: number): string {
    return this.#text(this.#bytes, this.spans[slot * 3] + 1, this.spans[slot * 3 + 1] - 1);
  }

  /** Its text's length in bytes (the characters of an ASCII text). */
  textBytes(slot: number): number {
    return this.spans[slot * 3 + 1] - this.spans[slot * 3] - 2;
  }

  /** Its text as a whole number when it is 1 to 6 digits (a feed score, "104"), NaN otherwise. */
  digits(slot: number): number {
    const from = this.spans[slot * 3] + 1;
    const to = this.spans[slot * 3 + 1] - 1;
    if (to <= from || to - from > 6) return NaN;
    let value = 0;
    for (let at = from; at < to; at++) {
      const d = this.#bytes[at] - 0x30;
      if (d < 0 || d > 9) return NaN;
      value = value * 10 + d;
    }
    return value;
  }

  /** Its text as a feed time in ms (NaN when not the plain form). */
  time(slot: number): number {
    return isoTimeOfBytes(this.#bytes, this.spans[slot * 3] + 1, this.spans[slot * 3 + 1] - 1);
  }

  /** Its text as a feed clock in seconds (NaN when not the plain form). */
  clock(slot: number): number {
    return clockOfBytes(this.#bytes, this.spans[slot * 3] + 1, this.spans[slot * 3 + 1] - 1);
  }

  /** Its list of texts. */
  words(slot: number): string[] {
    return this.#words(this.#bytes, this.spans[slot * 3], this.spans[slot * 3 + 1]);
  }

  /** The fields of the last scanned line, for the readers of parseAction.ts; null when JSON.parse must read it. */
  fields(): Fields | null {
    const spans = this.spans;
    const b = this.#bytes;
    const values = this.#values;
    values.fill(undefined);
    for (let slot = 0; slot < ACTION_KEYS.length; slot++) {
      const kind = spans[slot * 3 + 2];
      if (kind === Span.Absent) continue;
      if (kind === Span.Complex) return null;
      values[slot] = this.#value(b, spans[slot * 3], spans[slot * 3 + 1], kind, slot);
    }
    const v = values;
    // One shape for every line, so the readers' property loads stay monomorphic.
    return {
      gameId: v[0], actionNumber: v[1], orderNumber: v[2], period: v[3], clock: v[4], timeActual: v[5], edited: v[6],
      actionType: v[7], subType: v[8], qualifiers: v[9], teamId: v[10], teamTricode: v[11], personId: v[12],
      playerNameI: v[13], assistPersonId: v[14], stealPersonId: v[15], blockPersonId: v[16], shotResult: v[17],
      scoreHome: v[18], scoreAway: v[19], game: v[20], seq: v[21], t: v[22], type: v[23], sub: v[24], team: v[25],
      player: v[26], name: v[27], made: v[28], assist: v[29], home: v[30], away: v[31],
    };
  }

  #value(b: Uint8Array, start: number, end: number, kind: number, slot: number): unknown {
    if (kind === Span.Number) return numberOfBytes(b, start, end);
    if (kind === Span.True) return true;
    if (kind === Span.False) return false;
    if (kind === Span.Null) return null;
    if (kind === Span.Words) return this.#words(b, start, end);
    // A text: the quotes are at start and end − 1.
    const from = start + 1;
    const to = end - 1;
    if (this.#times[slot]) {
      const ms = isoTimeOfBytes(b, from, to);
      if (!Number.isNaN(ms)) return ms;
    } else if (slot === this.#clock) {
      const seconds = clockOfBytes(b, from, to);
      if (!Number.isNaN(seconds)) return seconds;
    } else if (this.#scores[slot] && to > from && to - from <= 6) {
      let score = 0;
      let at = from;
      while (at < to && b[at] >= 0x30 && b[at] <= 0x39) score = score * 10 + (b[at++] - 0x30);
      if (at === to) return score;
    }
    return this.#text(b, from, to);
  }

  #words(b: Uint8Array, start: number, end: number): string[] {
    const words: string[] = [];
    for (let at = b.indexOf(0x22, start); at >= 0 && at < end; ) {
      const close = b.indexOf(0x22, at + 1);
      words.push(this.#text(b, at + 1, close));
      at = b.indexOf(0x22, close + 1);
    }
    return words;
  }

  /** A text from a direct-mapped cache keyed by a hash of its bytes; non-ASCII texts are decoded. */
  #text(b: Uint8Array, start: number, end: number): string {
    let hash = 0x811c9dc5;
    let high = 0;
    for (let i = start; i < end; i++) {
      high |= b[i];
      hash = Math.imul(hash ^ b[i], 0x01000193);
    }
    if (high >= 0x80) return decoder.decode(b.subarray(start, end));
    const at = (hash >>> 8) & (CACHE_SIZE - 1);
    const cached = this.#cache[at];
    if (cached !== undefined && cached.length === end - start) {
      let same = true;
      for (let k = 0; k < cached.length && same; k++) same = cached.charCodeAt(k) === b[start + k];
      if (same) return cached;
    }
    const made = end - start > 1024 ? decoder.decode(b.subarray(start, end)) : String.fromCharCode.apply(null, b.subarray(start, end) as unknown as number[]);
    this.#cache[at] = made;
    return made;
  }
}

/** A JSON number as JSON.parse makes it: up to 15 digits added up exactly, the rest through Number. */
function numberOfBytes(b: Uint8Array, start: number, end: number): number {
  const negative = b[start] === 0x2d;
  const from = negative ? start + 1 : start;
  if (end - from <= 15) {
    let value = 0;
    let at = from;
    for (; at < end && b[at] >= 0x30 && b[at] <= 0x39; at++) value = value * 10 + (b[at] - 0x30);
    if (at === end) return negative ? -value : value;
  }
  return Number(String.fromCharCode.apply(null, b.subarray(start, end) as unknown as number[]));
}
