/**
 * ROC-AUC: the chance that a random positive outranks a random negative (ties count half),
 * by the rank sum (Mann–Whitney U), as scikit-learn's `roc_auc_score`. Stratified, it counts
 * only pairs within the same stratum (the same decile of exposure, the same era): the
 * chance that a sanctioned athlete outranks an unsanctioned one *with as many results* — what
 * a method knows beyond the stratifying variable. NaN scores rank lowest.
 */
import { averageRanks } from '../stats/ranks';
import { mapped } from '../stats/mapped';

export interface AucEstimate {
  auc: number;
  /** Standard error (Hanley & McNeil 1982; for strata, combined with the strata's pair weights). */
  standardError: number;
  positives: number;
  negatives: number;
}

/** Hanley–McNeil standard error of an AUC from its counts. */
function hanleyMcNeil(auc: number, positives: number, negatives: number): number {
  const q1 = auc / (2 - auc), q2 = (2 * auc * auc) / (1 + auc);
  const variance = (auc * (1 - auc) + (positives - 1) * (q1 - auc * auc) + (negatives - 1) * (q2 - auc * auc)) / (positives * negatives);
  return Math.sqrt(Math.max(variance, 0));
}

export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): AucEstimate {
  if (scores.length !== labels.length) throw new Error(`rocAuc: lengths differ (${scores.length} scores, ${labels.length} labels)`);
  const ranks = averageRanks(mapped(Float64Array, scores as ArrayLike<number>, (s) => (Number.isNaN(s) ? -Infinity : s)));
  let positives = 0, rankSum = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i]) { positives++; rankSum += ranks[i]; }
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return { auc: NaN, standardError: NaN, positives, negatives };
  const auc = (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
  return { auc, standardError: hanleyMcNeil(auc, positives, negatives), positives, negatives };
}

export interface StratifiedAuc extends AucEstimate {
  /** One AUC per stratum code (NaN where a stratum lacks positives or negatives). */
  strata: AucEstimate[];
}

/** AUC over pairs within the same stratum (`strata` holds a code 0..k−1 per item). */
export function stratifiedRocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>, strata: ArrayLike<number>, count: number): StratifiedAuc {
  if (strata.length !== labels.length) throw new Error(`stratifiedRocAuc: lengths differ (${strata.length} strata, ${labels.length} labels)`);
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < strata.length; i++) {
    const s = strata[i];
    if (!(Number.isInteger(s) && s >= 0 && s < count)) throw new Error(`invalid stratum at item ${i}: ${s}`);
    members[s].push(i);
  }
  const perStratum = members.map((rows) => rocAuc(rows.map((i) => scores[i]), rows.map((i) => labels[i])));
  let pairs = 0, wins = 0, variance = 0, positives = 0, negatives = 0;
  for (const estimate of perStratum) {
    positives += estimate.positives; negatives += estimate.negatives;
    if (Number.isNaN(estimate.auc)) continue;
    const weight = estimate.positives * estimate.negatives;
    pairs += weight;
    wins += estimate.auc * weight;
  }
  for (const estimate of perStratum) {
    if (Number.isNaN(estimate.auc)) continue;
    const weight = (estimate.positives * estimate.negatives) / pairs;
    variance += weight * weight * estimate.standardError ** 2;
  }
  return { auc: pairs > 0 ? wins / pairs : NaN, standardError: pairs > 0 ? Math.sqrt(variance) : NaN, positives, negatives, strata: perStratum };
}
