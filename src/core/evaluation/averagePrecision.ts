/**
 * Average precision and the precision–recall curve, with scikit-learn's definitions
 * (`average_precision_score`, `precision_recall_curve`): AP = Σ (R_n − R_{n−1}) P_n
 * over the distinct thresholds from the highest down, no interpolation. It is the
 * ranking quality of a detector's scores without choosing a threshold, and it is
 * compared with the base rate, which is what a random ranking scores.
 */
import { thresholdSweep } from './thresholdSweep.ts';

/** NaN when there is no positive (scikit-learn warns and the number means nothing). */
export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const sweep = thresholdSweep(scores, labels);
  if (sweep.positives === 0) return NaN;
  let ap = 0;
  let previousRecall = 0;
  for (let k = 0; k < sweep.thresholds.length; k++) {
    const tp = sweep.truePositives[k];
    const recall = tp / sweep.positives;
    const precision = tp / (tp + sweep.falsePositives[k]);
    ap += (recall - previousRecall) * precision;
    previousRecall = recall;
  }
  return ap;
}

export interface PrecisionRecallCurve {
  /** Per point, from the highest threshold down: recall rises, precision wanders. */
  precision: Float64Array;
  recall: Float64Array;
  /** The score at or above which items are flagged for that point. */
  thresholds: Float64Array;
}

export interface CurveOptions {
  /**
   * At most this many points (default: all). A chart of a million points says no more
   * than one of a thousand; the points kept are evenly spaced in recall, plus the last.
   */
  maxPoints?: number;
}

/** The precision–recall curve, one point per distinct score (fewer with maxPoints). */
export function precisionRecallCurve(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  options: CurveOptions = {},
): PrecisionRecallCurve {
  const maxPoints = options.maxPoints ?? Infinity;
  if (!(maxPoints >= 2)) throw new Error(`invalid maxPoints: ${maxPoints}`);
  const sweep = thresholdSweep(scores, labels);
  const m = sweep.thresholds.length;
  const keep: number[] = [];
  if (m <= maxPoints) for (let k = 0; k < m; k++) keep.push(k);
  else {
    let nextRecall = 0;
    const step = 1 / (maxPoints - 1);
    for (let k = 0; k < m; k++) {
      const recall = sweep.positives === 0 ? 0 : sweep.truePositives[k] / sweep.positives;
      if (recall >= nextRecall || k === m - 1) {
        keep.push(k);
        while (nextRecall <= recall) nextRecall += step;
      }
    }
  }
  const precision = new Float64Array(keep.length);
  const recall = new Float64Array(keep.length);
  const thresholds = new Float64Array(keep.length);
  keep.forEach((k, i) => {
    const tp = sweep.truePositives[k];
    precision[i] = tp / (tp + sweep.falsePositives[k]);
    recall[i] = sweep.positives === 0 ? NaN : tp / sweep.positives;
    thresholds[i] = sweep.thresholds[k];
  });
  return { precision, recall, thresholds };
}
