/**
 * Confusion counts and the scores made of them, at a detector's threshold. Labels and
 * flags are 0/1 bytes per item (a performance or an athlete), so a million items cost a
 * megabyte each and cross to a worker without copying.
 *
 * Where a ratio has a zero denominator it is 0, as scikit-learn's `zero_division=0`:
 * a method that flags nothing has precision 0, not NaN, so a table can still sort.
 */

export interface ConfusionCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface ThresholdScores extends ConfusionCounts {
  precision: number;
  recall: number;
  f1: number;
}

function checkSameLength(what: string, a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) throw new Error(`${what}: lengths differ (${a.length} and ${b.length})`);
}

/** Counts of flagged/not against labelled/not. Nonzero means true in both arrays. */
export function confusionCounts(labels: ArrayLike<number>, flagged: ArrayLike<number>): ConfusionCounts {
  checkSameLength('confusionCounts', labels, flagged);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let i = 0; i < labels.length; i++) {
    if (flagged[i]) {
      if (labels[i]) tp++;
      else fp++;
    } else if (labels[i]) fn++;
    else tn++;
  }
  return { tp, fp, fn, tn };
}

/** Precision, recall and F1 from counts. */
export function thresholdScores(counts: ConfusionCounts): ThresholdScores {
  const { tp, fp, fn } = counts;
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  return { ...counts, precision, recall, f1 };
}

/** Flags = score ≥ threshold (higher is more anomalous); a NaN score is never flagged. */
export function flagsAtThreshold(scores: ArrayLike<number>, threshold: number): Uint8Array {
  if (Number.isNaN(threshold)) throw new Error('invalid threshold: NaN');
  const flagged = new Uint8Array(scores.length);
  for (let i = 0; i < scores.length; i++) flagged[i] = scores[i] >= threshold ? 1 : 0;
  return flagged;
}

/** Precision, recall and F1 of the scores cut at a threshold. */
export function scoresAtThreshold(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold: number): ThresholdScores {
  checkSameLength('scoresAtThreshold', scores, labels);
  return thresholdScores(confusionCounts(labels, flagsAtThreshold(scores, threshold)));
}

/** The share of items labelled positive: the precision of flagging at random. */
export function baseRate(labels: ArrayLike<number>): number {
  if (labels.length === 0) return NaN;
  let positives = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i]) positives++;
  return positives / labels.length;
}
