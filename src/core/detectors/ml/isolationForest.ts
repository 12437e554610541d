/**
 * Isolation forest over the multivariate features (see features.ts): anomalous
 * performances are isolated by fewer random splits. Scores as scikit-learn's definition,
 * s = 2^(−E[h(x)]/c(ψ)); 0.5 is ordinary, near 1 is isolated at once.
 */
import { averagePathLength, fitIsolationForest, isolationScores } from '../../stats/isolationForest';
import { multivariateFeatures, mostUnusualFeature } from '../features';
import { formatMark } from '../goodness';
import type { Detector } from '../types';

export const detector: Detector = {
  id: 'isolation-forest',
  label: 'Isolation forest',
  family: 'ml',
  parameters: {
    trees: { default: 100, min: 10, max: 1000, step: 1, label: 'Trees' },
    samples: { default: 256, min: 16, max: 4096, step: 1, label: 'Rows per tree (ψ)' },
    threshold: { default: 0.6, min: 0.5, max: 0.95, step: 0.01, label: 'Flag at an anomaly score of at least' },
  },
  detect(columns, params, seed) {
    const features = multivariateFeatures(columns);
    const n = columns.mark.length;
    if (features.dimensions === 0 || n < 2) return { scores: new Float64Array(n), threshold: params.threshold };
    const model = fitIsolationForest(features.values, features.dimensions, { trees: params.trees, samples: params.samples, seed });
    return { scores: isolationScores(model, features.values), threshold: params.threshold };
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
