/**
 * The marks an event can hold, from how the sport defines its events: a mark faster, longer
 * or higher than anyone could achieve, or slower than a finisher of that distance is (or
 * below anything measurable), is a typing or unit error (`0.5` for a 100 m, `1e999`, a
 * marathon in minutes), not a performance. Bounds sit well outside the world records (noted
 * beside each) and allow for every age group, implement and hand-held watch, so a real
 * result is never refused; they were not fitted to any list of results.
 */
import { describeEvent, type EventInfo } from './events.ts';

export interface MarkRange {
  /** Seconds, metres or points, as parseMark gives them. */
  min: number;
  max: number;
}

/** Running and walking: the slowest pace of a finisher and the fastest anyone could hold. */
const slowestRunning = 1.2; // m/s: a 100 m in 83 s, a marathon in 9 h 46 min
const slowestWalking = 0.8; // m/s

/**
 * The fastest possible time over `metres`: 200 m in 17.5 s (WR 19.19) stretched by Riegel's
 * exponent 1.07, which stays below every world record by a fifth or more
 * (400 m: 36.8 s, WR 43.03; 1500 m: 150 s, WR 206.0; marathon: 5,340 s, WR 7,235).
 */
function fastestTime(metres: number): number {
  return metres <= 200 ? metres / 11.5 : 17.5 * (metres / 200) ** 1.07;
}

/** Field events in metres, combined events in points: [lowest measurable, beyond any record]. */
const fieldRanges: [string, number, number][] = [
  ['high-jump', 0.5, 2.8], // WR 2.45
  ['pole-vault', 1, 7], // WR 6.30
  ['long-jump', 1, 10], // WR 8.95
  ['triple-jump', 3, 20], // WR 18.29
  ['shot-put', 1, 27], // WR 23.56 (7.26 kg); youth and masters implements throw further
  ['discus-throw', 3, 90], // WR 74.35 men, 76.80 women
  ['hammer-throw', 3, 100], // WR 86.74
  ['javelin-throw', 3, 115], // WR 98.48; 104.80 with the pre-1986 javelin
  ['weight-throw', 2, 35], // indoor WR 25.86
  ['decathlon', 500, 10_000], // WR 9,126 points
  ['heptathlon', 500, 8_500], // WR 7,291
  ['pentathlon', 300, 6_500], // indoor WR 5,055
  ['octathlon', 300, 8_000],
];

/** Metres an event covers, read from its name; null for the field and combined events. */
function distanceOf(info: EventInfo): number | null {
  const name = info.name;
  if (name.startsWith('marathon')) return 42_195;
  if (name.startsWith('half-marathon')) return 21_097.5;
  if (name.startsWith('one-mile')) return 1_609.344;
  if (name.startsWith('two-miles')) return 3_218.688;
  if (name.startsWith('10-miles')) return 16_093.44;
  const metres = /^(\d+)-metres/.exec(name);
  if (metres) return Number(metres[1]);
  const kilometres = /^(\d+)-kilometres/.exec(name);
  return kilometres ? Number(kilometres[1]) * 1000 : null;
}

/** The range of marks an event can hold, or null for an event this does not know. */
export function plausibleRange(info: EventInfo): MarkRange | null {
  const distance = distanceOf(info);
  if (info.direction === 'lower' && distance !== null) {
    const slowest = info.kind === 'race-walks' ? slowestWalking : slowestRunning;
    return { min: fastestTime(distance), max: distance / slowest };
  }
  const field = fieldRanges.find(([name]) => info.name === name || info.name.startsWith(`${name}-`));
  return field ? { min: field[1], max: field[2] } : null;
}

/** The range of an event named as a result file names it, or null when either is unknown. */
export function plausibleRangeOf(event: string): MarkRange | null {
  const info = describeEvent(event);
  return info ? plausibleRange(info) : null;
}

/** Whether `value` (a parsed mark) can be a mark of an event of `range` (null: any finite mark). */
export function isPlausible(range: MarkRange | null, value: number): boolean {
  return Number.isFinite(value) && (range === null || (value >= range.min && value <= range.max));
}
