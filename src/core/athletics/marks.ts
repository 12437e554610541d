/**
 * Marks as published in result lists, turned into numbers: seconds for times
 * (`10.49`, `1:45.32`, `2:03:59`), metres for jumps and throws (`8.95`, `6,45`),
 * points for combined events (`8126`). Suffixes that qualify a mark (`h` hand-timed,
 * `A` altitude, `w` wind-aided, `i` indoor, `+` split in a longer race, `#`/`*`
 * not ratified) are kept as a bit field, because a detector may want to treat a hand
 * time or an altitude mark apart, and the analyst wants to see them.
 *
 * The column parser scans character codes instead of running regular expressions:
 * a result file has millions of marks and this runs on every one of them.
 */

/** Bits of the flag byte that accompanies every parsed mark. */
export const MarkFlag = {
  handTimed: 1,
  altitude: 2,
  windAided: 4,
  indoor: 8,
  intermediate: 16,
  notRatified: 32,
} as const;
export type MarkFlagName = keyof typeof MarkFlag;

/**
 * Why a row carries no mark. `invalid` is text that is neither a mark nor a known code;
 * `implausible` a mark its event cannot hold (plausibleMarks.ts: only the event tells).
 */
export type MarkExclusion = 'blank' | 'DNF' | 'DNS' | 'DQ' | 'NM' | 'NH' | 'invalid' | 'implausible';
export const markExclusions: readonly MarkExclusion[] = ['blank', 'DNF', 'DNS', 'DQ', 'NM', 'NH', 'invalid', 'implausible'];

export type ParsedMark =
  | { ok: true; value: number; flags: number }
  | { ok: false; reason: MarkExclusion };

const statusCodes: Record<string, MarkExclusion> = {
  DNF: 'DNF', DNS: 'DNS', DQ: 'DQ', DSQ: 'DQ', NM: 'NM', NH: 'NH', NT: 'NM',
  '-': 'blank', '—': 'blank', '–': 'blank',
};

const suffixFlags: Record<string, number> = {
  h: MarkFlag.handTimed, A: MarkFlag.altitude, a: MarkFlag.altitude, w: MarkFlag.windAided,
  W: MarkFlag.windAided, i: MarkFlag.indoor, '+': MarkFlag.intermediate,
  '#': MarkFlag.notRatified, '*': MarkFlag.notRatified,
};

/**
 * Parse one mark. `1:45.32` is m:ss.xx, `2:03:59` is h:mm:ss (two colons always mean
 * hours first); minutes and seconds after a colon must be below 60. A decimal comma
 * is accepted (`6,45`), except that a comma followed by exactly three digits and
 * nothing else is a thousands separator (`8,126` decathlon points).
 */
export function parseMark(text: string | null | undefined): ParsedMark {
  if (text === null || text === undefined) return { ok: false, reason: 'blank' };
  let end = text.length;
  let start = 0;
  while (start < end && text.charCodeAt(start) <= 32) start++;
  while (end > start && text.charCodeAt(end - 1) <= 32) end--;
  if (start === end) return { ok: false, reason: 'blank' };
  const trimmedEnd = end;

  let flags = 0;
  while (end > start) {
    const flag = suffixFlags[text[end - 1]];
    if (flag === undefined) break;
    flags |= flag;
    end--;
    while (end > start && text.charCodeAt(end - 1) === 32) end--;
  }
  if (start === end) return invalidOrCode(text, start, trimmedEnd);

  let total = 0; // value of the fields before the last colon, in the unit of that field
  let colons = 0;
  let field = 0;
  let fieldDigits = 0;
  let fraction = 0;
  let fractionScale = 1;
  let inFraction = false;
  let separator = '';
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      if (inFraction) {
        fractionScale *= 10;
        fraction = fraction * 10 + (code - 48);
      } else {
        field = field * 10 + (code - 48);
        fieldDigits++;
      }
    } else if (code === 58 && !inFraction) {
      // ':' closes a field; every field after the first is minutes or seconds (< 60)
      if (fieldDigits === 0 || colons === 2 || (colons > 0 && (field >= 60 || fieldDigits !== 2))) {
        return invalidOrCode(text, start, trimmedEnd);
      }
      total = total * 60 + field;
      colons++;
      field = 0;
      fieldDigits = 0;
    } else if ((code === 46 || code === 44) && !inFraction) {
      inFraction = true;
      separator = code === 44 ? ',' : '.';
    } else {
      return invalidOrCode(text, start, trimmedEnd);
    }
  }
  if (fieldDigits === 0) return { ok: false, reason: 'invalid' };
  if (colons > 0 && (field >= 60 || fieldDigits !== 2)) return { ok: false, reason: 'invalid' };
  if (inFraction && fractionScale === 1) return { ok: false, reason: 'invalid' };
  let last = field + fraction / fractionScale;
  if (separator === ',' && colons === 0 && fractionScale === 1000) last = field * 1000 + fraction;
  return { ok: true, value: total * 60 + last, flags };
}

function invalidOrCode(text: string, start: number, end: number): ParsedMark {
  const code = statusCodes[text.slice(start, end).toUpperCase()];
  return { ok: false, reason: code ?? 'invalid' };
}

export interface MarkColumn {
  /** The mark in seconds, metres or points; NaN where the row has none. */
  value: Float64Array;
  /** MarkFlag bits per row (0 where the row has no mark). */
  flags: Uint8Array;
  /** Rows without a mark, counted by reason. */
  excluded: Record<MarkExclusion, number>;
  /** The first few row indices whose text could not be read, to show the analyst. */
  invalidRows: number[];
}

export interface MarkColumnOptions {
  /** How many invalid row indices to keep (default 20). */
  maxInvalidRows?: number;
}

/** Parse a whole column of marks; the input is not changed. */
export function parseMarkColumn(
  texts: ArrayLike<string | null | undefined>,
  options: MarkColumnOptions = {},
): MarkColumn {
  const maxInvalidRows = options.maxInvalidRows ?? 20;
  if (!Number.isInteger(maxInvalidRows) || maxInvalidRows < 0) {
    throw new Error(`invalid maxInvalidRows: ${maxInvalidRows}`);
  }
  const n = texts.length;
  const value = new Float64Array(n);
  const flags = new Uint8Array(n);
  const excluded: Record<MarkExclusion, number> = {
    blank: 0, DNF: 0, DNS: 0, DQ: 0, NM: 0, NH: 0, invalid: 0, implausible: 0,
  };
  const invalidRows: number[] = [];
  for (let i = 0; i < n; i++) {
    const parsed = parseMark(texts[i]);
    if (parsed.ok) {
      value[i] = parsed.value;
      flags[i] = parsed.flags;
    } else {
      value[i] = NaN;
      excluded[parsed.reason]++;
      if (parsed.reason === 'invalid' && invalidRows.length < maxInvalidRows) invalidRows.push(i);
    }
  }
  return { value, flags, excluded, invalidRows };
}

/** The names of the flags set in a flag byte, for display. */
export function markFlagNames(flags: number): MarkFlagName[] {
  return (Object.keys(MarkFlag) as MarkFlagName[]).filter((name) => (flags & MarkFlag[name]) !== 0);
}
