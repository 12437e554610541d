/**
 * The row of the evaluation table for one method: its threshold scores, its average
 * precision, and the base rate beside them, overall or for each event. Every method,
 * the consensus and the baselines go through the same function, so the table compares
 * like with like.
 */
import { averagePrecision } from './averagePrecision.ts';
import { baseRate, confusionCounts, thresholdScores, type ThresholdScores } from './confusion.ts';

export interface EvaluationRow extends ThresholdScores {
  /** Items scored (performances or athletes). */
  n: number;
  positives: number;
  baseRate: number;
  averagePrecision: number;
  /** averagePrecision / baseRate: how many times better than ranking at random. */
  lift: number;
}

export interface MethodResult {
  /** Higher is more anomalous; NaN ranks last. */
  scores: ArrayLike<number>;
  /** 0/1 per item: flagged at the method's threshold. */
  flagged: ArrayLike<number>;
}

export function evaluateMethod(result: MethodResult, labels: ArrayLike<number>): EvaluationRow {
  const { scores, flagged } = result;
  if (scores.length !== labels.length || flagged.length !== labels.length) {
    throw new Error(`evaluateMethod: lengths differ (${scores.length} scores, ${flagged.length} flags, ${labels.length} labels)`);
  }
  const counts = confusionCounts(labels, flagged);
  const rate = baseRate(labels);
  const ap = averagePrecision(scores, labels);
  return {
    ...thresholdScores(counts),
    n: labels.length,
    positives: counts.tp + counts.fn,
    baseRate: rate,
    averagePrecision: ap,
    lift: rate > 0 ? ap / rate : NaN,
  };
}

export interface GroupRow extends EvaluationRow {
  group: string;
}

/**
 * One row per group (an event, or event and sex): `groupOf` holds a code per item into
 * `groupNames`. Groups without items are left out.
 */
export function evaluateByGroup(
  result: MethodResult,
  labels: ArrayLike<number>,
  groupOf: ArrayLike<number>,
  groupNames: readonly string[],
): GroupRow[] {
  if (groupOf.length !== labels.length) {
    throw new Error(`evaluateByGroup: lengths differ (${groupOf.length} groups, ${labels.length} labels)`);
  }
  const members: number[][] = groupNames.map(() => []);
  for (let i = 0; i < groupOf.length; i++) {
    const g = groupOf[i];
    if (!(g >= 0 && g < groupNames.length)) throw new Error(`invalid group code at row ${i}: ${g}`);
    members[g].push(i);
  }
  const rows: GroupRow[] = [];
  members.forEach((rowsOfGroup, g) => {
    if (rowsOfGroup.length === 0) return;
    const pick = (values: ArrayLike<number>): Float64Array => Float64Array.from(rowsOfGroup, (i) => values[i]);
    const row = evaluateMethod({ scores: pick(result.scores), flagged: pick(result.flagged) }, pick(labels));
    rows.push({ group: groupNames[g], ...row });
  });
  return rows;
}
