/**
 * What a plausible value of each stream field is: its type and its range, with the reason
 * behind the range. A value outside them makes its line a reject with that reason; it is
 * never counted. The ranges are the sport's and the schema's, not tuned to any file:
 * - ids and sequence numbers are stored as 32-bit whole numbers (INTEGER in actions_raw), so
 *   anything beyond 2,147,483,647 (1e20, 2^53 + 1, 1e300) would change on the way to SQL;
 * - a basketball game has 4 periods and rarely more than a few overtimes (the NBA record is
 *   6, period 10): periods 1 to 20 allow any real game and refuse 1e15;
 * - the clock counts down from 12:00 in the NBA (quarters of 12 minutes, overtimes of 5);
 *   the generic schema allows periods of up to an hour for other sports;
 * - event times start with the first professional game (BAA, 1 November 1946) for the NBA
 *   feed, 1900 for the generic schema, and end a day after the moment the line arrived
 *   (clocks in other time zones, never the year 275760);
 * - the most points an NBA team has scored in a game is 186: the feed's scores go to 300;
 *   the generic schema to 9,999;
 * - texts are short words and names: a 1 MB player name is a broken line, not a player.
 */
export class LineProblem extends Error {}

export type Fields = Record<string, unknown>;

export const INT32_MAX = 2_147_483_647;
const DAY_MS = 86_400_000;

export interface ShapeLimits {
  /** Largest clock value in seconds (time left in the period). */
  clockSeconds: number;
  /** Earliest plausible event time, epoch ms. */
  earliestMs: number;
  /** Largest score of one side. */
  score: number;
}

export const nbaLimits: Readonly<ShapeLimits> = Object.freeze({ clockSeconds: 720, earliestMs: Date.UTC(1946, 10, 1), score: 300 });
export const genericLimits: Readonly<ShapeLimits> = Object.freeze({ clockSeconds: 3600, earliestMs: Date.UTC(1900, 0, 1), score: 9999 });

export const MAX_PERIOD = 20;
/** Longest text of each kind, in characters. */
export const TEXT_LIMITS = { id: 32, word: 40, subType: 64, tricode: 8, name: 80, qualifiers: 20 } as const;

/** A value as the line had it, short enough for a message. */
export function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

const grouped = (value: number): string => value.toLocaleString('en');

export function required(fields: Fields, name: string): unknown {
  const value = fields[name];
  if (value === undefined || value === null) throw new LineProblem(`missing field ${name}`);
  return value;
}

/** A whole number within [min, max]; absent is 0 when optional. */
export function wholeNumber(fields: Fields, name: string, min: number, max: number, optional = false): number {
  const value = optional ? (fields[name] ?? 0) : required(fields, name);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new LineProblem(`${name} must be a whole number from ${grouped(min)} to ${grouped(max)}, got ${shown(value)}`);
  }
  return value;
}

/** An id: 0 (none) to the largest 32-bit whole number. */
export function id(fields: Fields, name: string, optional = false): number {
  return wholeNumber(fields, name, 0, INT32_MAX, optional);
}

export function text(fields: Fields, name: string, maxLength: number, optional = false): string {
  const value = optional ? (fields[name] ?? '') : required(fields, name);
  const textValue = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof textValue !== 'string') throw new LineProblem(`${name} must be text, got ${shown(value)}`);
  if (textValue.length > maxLength) throw new LineProblem(`${name} must be at most ${maxLength} characters, got ${grouped(textValue.length)}`);
  return textValue;
}

/** Scores come as strings in the feed ("104") and as numbers in the generic schema. */
export function score(fields: Fields, name: string, max: number): number {
  const value = required(fields, name);
  const number = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 0 || number > max) {
    throw new LineProblem(`${name} must be a score from 0 to ${grouped(max)}, got ${shown(value)}`);
  }
  return number;
}

export function period(fields: Fields): number {
  return wholeNumber(fields, 'period', 1, MAX_PERIOD);
}

/** ISO text or epoch milliseconds, between the shape's earliest time and a day after arrival. */
export function time(fields: Fields, name: string, limits: ShapeLimits, receivedAtMs: number, parse: (text: string) => number, fallback?: number): number {
  const value = fallback !== undefined ? (fields[name] ?? fallback) : required(fields, name);
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? parse(value) : NaN;
  if (!Number.isFinite(ms)) throw new LineProblem(`${name} must be an ISO time like 2025-02-02T20:11:19.3Z, got ${shown(value)}`);
  if (ms < limits.earliestMs || ms > receivedAtMs + DAY_MS) {
    const from = new Date(limits.earliestMs).toISOString().slice(0, 10);
    throw new LineProblem(`${name} must be a time from ${from} to a day after the line arrived, got ${shown(value)}`);
  }
  return ms;
}

/** Seconds left in the period: a number or the feed's `PT11M39.00S`, from 0 to the shape's longest period. */
export function clock(fields: Fields, name: string, limits: ShapeLimits, parseClock: (text: string) => number | null): number {
  const value = required(fields, name);
  const seconds = typeof value === 'number' ? value : typeof value === 'string' ? parseClock(value) : null;
  if (seconds === null || !Number.isFinite(seconds)) throw new LineProblem(`${name} must be a clock like PT11M39.00S, got ${shown(value)}`);
  if (seconds < 0 || seconds > limits.clockSeconds) {
    throw new LineProblem(`${name} must be from 0 to ${limits.clockSeconds / 60} minutes left in the period, got ${shown(value)}`);
  }
  return seconds;
}
