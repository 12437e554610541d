/**
 * Local outlier factor over the standardised multivariate features: a performance whose
 * k nearest performances sit in a much denser neighbourhood than its own is an outlier.
 * Neighbours come from a k-d tree, so an event of 100k rows stays fast.
 */
import { localOutlierFactor } from '../../stats/localOutlierFactor';
import { multivariateFeatures, mostUnusualFeature } from '../features';
import { formatMark } from '../goodness';
import type { Detector } from '../types';

export const detector: Detector = {
  id: 'local-outlier-factor',
  label: 'Local outlier factor',
  family: 'ml',
  parameters: {
    neighbors: { default: 20, min: 2, max: 200, step: 1, label: 'Neighbours (k)' },
    threshold: { default: 1.5, min: 1, max: 20, step: 0.05, label: 'Flag at a LOF of at least' },
  },
  detect(columns, params) {
    const features = multivariateFeatures(columns);
    const n = columns.mark.length;
    if (features.dimensions === 0 || n < 3) return { scores: new Float64Array(n).fill(1), threshold: params.threshold };
    return { scores: localOutlierFactor(features.values, features.dimensions, params.neighbors).factor, threshold: params.threshold };
  },
  explain(columns, index, result, params) {
    const features = multivariateFeatures(columns);
    const k = Math.min(params.neighbors, columns.mark.length - 1);
    const factor = result.scores[index];
    return `${formatMark(columns, columns.mark[index])} has a local outlier factor of ${factor.toFixed(2)} (flag at ${params.threshold}): its ${k} nearest performances lie ${factor.toFixed(1)} times as densely among themselves as around it; its ${mostUnusualFeature(features, index)}.`;
  },
};
