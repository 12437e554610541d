/**
 * The row of the evaluation table for one method: its threshold scores, its average
 * precision and the base rate beside them, overall or for each event; and for the ranking
 * as a whole ROC-AUC, precision at the top 50 and 200, and the AUC within strata of exposure
 * and era (rankingRow). Every method, the consensus and the baselines go through the same
 * functions, so the table compares like with like.
 */
import { averagePrecision } from './averagePrecision.ts';
import { baseRate, confusionCounts, thresholdScores, type ThresholdScores } from './confusion.ts';
import { precisionsAtK } from './precisionAtK.ts';
import { rocAuc, stratifiedRocAuc, type AucEstimate } from './rocAuc.ts';
import { mapped } from '../stats/mapped';

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
    const pick = (values: ArrayLike<number>): Float64Array => mapped(Float64Array, rowsOfGroup, (i) => values[i]);
    const row = evaluateMethod({ scores: pick(result.scores), flagged: pick(result.flagged) }, pick(labels));
    rows.push({ group: groupNames[g], ...row });
  });
  return rows;
}

export interface RankingStrata {
  exposure: { code: Int32Array; labels: string[] };
  era: { code: Int32Array; labels: string[] };
  both: { code: Int32Array; labels: string[] };
}

export interface RankingRow extends EvaluationRow {
  rocAuc: number;
  precisionAt50: number;
  precisionAt200: number;
  /** AUC over pairs with as many results (the same decile of exposure). */
  withinExposure: AucEstimate;
  /** AUC over pairs of the same era. */
  withinEra: AucEstimate;
  /** AUC over pairs sharing both: the exposure decile and the era. */
  withinBoth: AucEstimate;
  /** AUC within each era (stratum order of `strata.era.labels`). */
  eraAuc: number[];
}

/** Everything the evaluation table shows for one method's ranking. */
export function rankingRow(result: MethodResult, labels: ArrayLike<number>, strata: RankingStrata): RankingRow {
  const row = evaluateMethod(result, labels);
  const [at50, at200] = precisionsAtK(result.scores, labels, [50, 200]);
  const withinEra = stratifiedRocAuc(result.scores, labels, strata.era.code, strata.era.labels.length);
  return {
    ...row,
    rocAuc: rocAuc(result.scores, labels).auc,
    precisionAt50: at50,
    precisionAt200: at200,
    withinExposure: stripStrata(stratifiedRocAuc(result.scores, labels, strata.exposure.code, strata.exposure.labels.length)),
    withinEra: stripStrata(withinEra),
    withinBoth: stripStrata(stratifiedRocAuc(result.scores, labels, strata.both.code, strata.both.labels.length)),
    eraAuc: withinEra.strata.map((s) => s.auc),
  };
}

const stripStrata = ({ auc, standardError, positives, negatives }: AucEstimate): AucEstimate => ({ auc, standardError, positives, negatives });
