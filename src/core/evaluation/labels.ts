/**
 * Ground truth from a sanctions list. At the athlete level an athlete is positive when
 * a sanction was matched to them. At the performance level only the performances in the
 * years up to and during the sanction are positive: a sanction is not proof that every
 * mark was doped, and marks made years after a ban served are not what it speaks of.
 */
import { checkAthleteCodes } from './athleteLevel.ts';

/** Seasons, inclusive, whose performances count as positive. */
export interface SanctionPeriod {
  from: number;
  to: number;
}

export interface PeriodOptions {
  /** How many seasons before the first violation year count (default Infinity: all). */
  yearsBefore?: number;
  /** Count the seasons of the ban after the last violation year (default true). */
  throughBan?: boolean;
}

/**
 * The seasons a sanction labels. Without a violation year every season counts: the
 * athlete was sanctioned and the list does not say when.
 */
export function sanctionPeriod(
  sanction: { violationYears: readonly number[]; banYears: number | null },
  options: PeriodOptions = {},
): SanctionPeriod {
  const yearsBefore = options.yearsBefore ?? Infinity;
  if (!(yearsBefore >= 0)) throw new Error(`invalid yearsBefore: ${yearsBefore}`);
  if (sanction.violationYears.length === 0) return { from: -Infinity, to: Infinity };
  const first = Math.min(...sanction.violationYears);
  const last = Math.max(...sanction.violationYears);
  const ban = options.throughBan === false ? 0 : Math.ceil(sanction.banYears ?? 0);
  return { from: first - yearsBefore, to: last + ban };
}

/** 1 for every athlete code in `sanctioned`. */
export function athleteLabels(athleteCount: number, sanctioned: Iterable<number>): Uint8Array {
  const labels = new Uint8Array(athleteCount);
  for (const a of sanctioned) {
    if (!(Number.isInteger(a) && a >= 0 && a < athleteCount)) throw new Error(`invalid athlete code: ${a}`);
    labels[a] = 1;
  }
  return labels;
}

/** 1 for each performance whose season lies in one of its athlete's sanction periods. */
export function performanceLabels(
  athleteOf: ArrayLike<number>,
  season: ArrayLike<number>,
  athleteCount: number,
  periods: ReadonlyMap<number, readonly SanctionPeriod[]>,
): Uint8Array {
  if (season.length !== athleteOf.length) {
    throw new Error(`performanceLabels: lengths differ (${athleteOf.length} athletes, ${season.length} seasons)`);
  }
  checkAthleteCodes(athleteOf, athleteCount);
  const labels = new Uint8Array(athleteOf.length);
  for (let i = 0; i < athleteOf.length; i++) {
    const list = periods.get(athleteOf[i]);
    if (list === undefined) continue;
    const s = season[i];
    for (const period of list) {
      if (s >= period.from && s <= period.to) {
        labels[i] = 1;
        break;
      }
    }
  }
  return labels;
}
