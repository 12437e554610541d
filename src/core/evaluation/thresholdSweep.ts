/**
 * Cumulative true and false positives at every distinct score, highest first: what
 * average precision and the precision–recall curve are both made of. Items with equal
 * scores enter together, as scikit-learn's `_binary_clf_curve` does, so tied scores
 * give one point, not an order that depends on the input.
 *
 * Positives' and negatives' scores are sorted apart with the typed-array sort (native,
 * much faster than sorting an index with a comparator) and merged.
 * NaN scores count as the lowest possible score.
 */
import { mapped } from '../stats/mapped';

export interface ThresholdSweep {
  /** Distinct scores, descending. */
  thresholds: Float64Array;
  /** True positives among items scoring ≥ thresholds[k]. */
  truePositives: Float64Array;
  /** False positives among items scoring ≥ thresholds[k]. */
  falsePositives: Float64Array;
  positives: number;
  negatives: number;
}

function descending(values: number[] | Float64Array): Float64Array {
  const sorted = mapped(Float64Array, values, (v) => (Number.isNaN(v) ? -Infinity : v)).sort();
  return sorted.reverse();
}

export function thresholdSweep(scores: ArrayLike<number>, labels: ArrayLike<number>): ThresholdSweep {
  if (scores.length !== labels.length) {
    throw new Error(`thresholdSweep: lengths differ (${scores.length} scores, ${labels.length} labels)`);
  }
  let positives = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i]) positives++;
  const pos = new Float64Array(positives);
  const neg = new Float64Array(labels.length - positives);
  let p = 0;
  let q = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i]) pos[p++] = scores[i];
    else neg[q++] = scores[i];
  }
  const positiveScores = descending(pos);
  const negativeScores = descending(neg);
  const n = labels.length;
  const thresholds = new Float64Array(n);
  const truePositives = new Float64Array(n);
  const falsePositives = new Float64Array(n);
  let k = 0;
  let i = 0;
  let j = 0;
  while (i < positiveScores.length || j < negativeScores.length) {
    const a = i < positiveScores.length ? positiveScores[i] : -Infinity;
    const b = j < negativeScores.length ? negativeScores[j] : -Infinity;
    const threshold = i < positiveScores.length && (j >= negativeScores.length || a >= b) ? a : b;
    while (i < positiveScores.length && positiveScores[i] === threshold) i++;
    while (j < negativeScores.length && negativeScores[j] === threshold) j++;
    thresholds[k] = threshold;
    truePositives[k] = i;
    falsePositives[k] = j;
    k++;
  }
  return {
    thresholds: thresholds.slice(0, k),
    truePositives: truePositives.slice(0, k),
    falsePositives: falsePositives.slice(0, k),
    positives,
    negatives: n - positives,
  };
}
