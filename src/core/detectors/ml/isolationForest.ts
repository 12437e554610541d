/**
 * Isolation forest over the oriented features (features.ts) with every value below the
 * median raised to it, so only unusually good marks can be isolated: a performance whose
 * level or form few random splits separate from the rest. Scores as scikit-learn's
 * definition, s = 2^(−E[h(x)]/c(ψ)); 0.5 is ordinary, near 1 is isolated at once.
 */
import { averagePathLength, fitIsolationForest, isolationScores } from '../../stats/isolationForest';
import { betterSideOnly, multivariateFeatures, mostUnusualFeature } from '../features';
import { formatMark } from '../goodness';
import type { Detector } from '../types';

export const detector: Detector = {
  id: 'isolation-forest',
  label: 'Isolation forest',
  family: 'ml',
  pattern: 'A performance whose level for age and season and form against its own past few random splits set apart from the event, on the better side only.',
  parameters: {
    trees: { default: 100, min: 10, max: 1000, step: 1, label: 'Trees' },
    samples: { default: 256, min: 16, max: 4096, step: 1, label: 'Rows per tree (ψ)' },
    threshold: { default: 0.6, min: 0.5, max: 0.95, step: 0.01, label: 'Flag at an anomaly score of at least' },
  },
  detect(columns, params, seed) {
    const features = multivariateFeatures(columns);
    const n = columns.mark.length;
    if (n < 2) return { scores: new Float64Array(n), threshold: params.threshold };
    const points = betterSideOnly(features);
    const model = fitIsolationForest(points, features.dimensions, { trees: params.trees, samples: params.samples, seed });
    return { scores: isolationScores(model, points), threshold: params.threshold };
  },
  explain(columns, index, result, params) {
    const features = multivariateFeatures(columns);
    const score = result.scores[index];
    const sampleSize = Math.min(params.samples, columns.mark.length);
    const expected = averagePathLength(sampleSize);
    const depth = score > 0 ? -Math.log2(score) * expected : NaN;
    return `${formatMark(columns, columns.mark[index])} has anomaly score ${score.toFixed(3)} (flag at ${params.threshold}): random splits isolate it in ${depth.toFixed(1)} steps against ${expected.toFixed(1)} for a typical performance; its ${mostUnusualFeature(features, index)}.`;
  },
};
