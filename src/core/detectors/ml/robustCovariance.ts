/**
 * Robust covariance: squared Mahalanobis distance of each performance's standardised
 * features from a minimum covariance determinant estimate (FastMCD, seeded), which the
 * anomalies themselves cannot inflate. Flags beyond the χ² quantile of the chosen tail.
 */
import { chiSquareQuantile } from '../../stats/chiSquare';
import { minimumCovarianceDeterminant } from '../../stats/minimumCovarianceDeterminant';
import { multivariateFeatures, mostUnusualFeature } from '../features';
import { formatMark } from '../goodness';
import type { Detector } from '../types';

export const detector: Detector = {
  id: 'robust-covariance',
  label: 'Robust covariance (MCD Mahalanobis distance)',
  family: 'ml',
  parameters: {
    significance: { default: 0.001, min: 1e-9, max: 0.1, label: 'Flag when the χ² tail probability is at most' },
    trials: { default: 30, min: 5, max: 500, step: 1, label: 'Random starts (FastMCD)' },
  },
  detect(columns, params, seed) {
    const features = multivariateFeatures(columns);
    const n = columns.mark.length, p = features.dimensions;
    if (p === 0 || n < p + 2) return { scores: new Float64Array(n), threshold: Infinity };
    const estimate = minimumCovarianceDeterminant(features.values, p, { seed, trials: params.trials });
    return { scores: estimate.distances, threshold: chiSquareQuantile(1 - params.significance, p) };
  },
  explain(columns, index, result, params) {
    const features = multivariateFeatures(columns);
    return `${formatMark(columns, columns.mark[index])} lies at squared robust Mahalanobis distance ${result.scores[index].toFixed(1)} over ${features.dimensions} features (${features.names.join(', ')}), against a χ² cut-off of ${result.threshold.toFixed(1)} for a tail of ${params.significance}; its ${mostUnusualFeature(features, index)}.`;
  },
};
