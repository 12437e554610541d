/**
 * Two of the three trivial baselines every detector must beat, scored like a detector.
 * Sanctioned athletes are often long-career elites, so merely counting results or taking an
 * athlete's best standing in their event already ranks them above the base rate; a detector
 * that does no better than these has found fame, not anomalies. The third, era (first and
 * last season), needs the labels and is cross-fitted (learnedCombination.ts).
 */
import { checkAthleteCodes } from './athleteLevel.ts';

/** Score per athlete: how many results they have. */
export function resultCountScores(athleteOf: ArrayLike<number>, athleteCount: number): Float64Array {
  checkAthleteCodes(athleteOf, athleteCount);
  const counts = new Float64Array(athleteCount);
  for (let i = 0; i < athleteOf.length; i++) counts[athleteOf[i]]++;
  return counts;
}

export interface BestZScores {
  /** Per performance: z within its group, signed so that better marks are positive. */
  performance: Float64Array;
  /** Per athlete: the highest of their performances' z (NaN if none). */
  athlete: Float64Array;
}

/**
 * z-score of each mark within its group (an event and sex), with the sample standard
 * deviation, turned so that a better mark is higher: for times (`higherIsBetter` 0 for
 * the group) the sign is flipped. NaN marks and groups of fewer than two marks or no
 * spread give NaN.
 */
export function bestZScores(input: {
  athleteOf: ArrayLike<number>;
  athleteCount: number;
  groupOf: ArrayLike<number>;
  /** 1 where a higher mark is better in that group, 0 where lower is. */
  higherIsBetter: ArrayLike<number>;
  marks: ArrayLike<number>;
}): BestZScores {
  const { athleteOf, athleteCount, groupOf, higherIsBetter, marks } = input;
  const n = athleteOf.length;
  if (groupOf.length !== n || marks.length !== n) {
    throw new Error(`bestZScores: lengths differ (${n} athletes, ${groupOf.length} groups, ${marks.length} marks)`);
  }
  checkAthleteCodes(athleteOf, athleteCount);
  const groups = higherIsBetter.length;
  const count = new Float64Array(groups);
  const sum = new Float64Array(groups);
  for (let i = 0; i < n; i++) {
    const g = groupOf[i];
    if (!(g >= 0 && g < groups)) throw new Error(`invalid group code at row ${i}: ${g}`);
    if (Number.isNaN(marks[i])) continue;
    count[g]++;
    sum[g] += marks[i];
  }
  const mean = sum.map((s, g) => s / count[g]);
  const squares = new Float64Array(groups);
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(marks[i])) continue;
    const d = marks[i] - mean[groupOf[i]];
    squares[groupOf[i]] += d * d;
  }
  const sd = squares.map((s, g) => (count[g] > 1 ? Math.sqrt(s / (count[g] - 1)) : NaN));
  const performance = new Float64Array(n);
  const athlete = new Float64Array(athleteCount).fill(NaN);
  for (let i = 0; i < n; i++) {
    const g = groupOf[i];
    const z = sd[g] > 0 ? ((marks[i] - mean[g]) / sd[g]) * (higherIsBetter[g] ? 1 : -1) : NaN;
    performance[i] = z;
    const a = athleteOf[i];
    if (!Number.isNaN(z) && !(z <= athlete[a])) athlete[a] = z;
  }
  return { performance, athlete };
}
