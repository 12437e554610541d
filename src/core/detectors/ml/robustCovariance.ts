/**
 * Robust covariance: the oriented features' minimum covariance determinant estimate
 * (FastMCD, seeded), which the anomalies themselves cannot inflate, and each performance's
 * squared Mahalanobis distance from its centre counting only deviations toward better
 * (a coordinate below the centre counts as at the centre). Flags beyond the χ² quantile of
 * the chosen tail, conservative for the one-sided distance.
 */
import { chiSquareQuantile } from '../../stats/chiSquare';
import { minimumCovarianceDeterminant } from '../../stats/minimumCovarianceDeterminant';
import { cholesky, mahalanobisSquared } from '../../stats/smallMatrix';
import { multivariateFeatures, mostUnusualFeature } from '../features';
import { formatMark } from '../goodness';
import { significanceParameter } from '../significance';
import type { Detector } from '../types';
import { mapped } from '../../stats/mapped';

export const detector: Detector = {
  id: 'robust-covariance',
  label: 'Robust covariance (MCD Mahalanobis distance)',
  family: 'ml',
  pattern: "A performance whose level for age and season and form lie far beyond the bulk of the event's performances (robust Mahalanobis distance), toward better.",
  parameters: {
    significance: significanceParameter(0.001, 'Flag when the χ² tail probability is at most'),
    trials: { default: 30, min: 5, max: 500, step: 1, label: 'Random starts (FastMCD)' },
  },
  detect(columns, params, seed) {
    const features = multivariateFeatures(columns);
    const n = columns.mark.length, p = features.dimensions;
    if (n < p + 2) return { scores: new Float64Array(n), threshold: Infinity };
    const estimate = minimumCovarianceDeterminant(features.values, p, { seed, trials: params.trials });
    const factor = cholesky(estimate.covariance, p);
    const threshold = chiSquareQuantile(1 - params.significance, p);
    if (factor === null) return { scores: new Float64Array(n), threshold };
    // Each coordinate below the centre is moved to it: a deviation toward worse adds nothing.
    const toward = mapped(Float64Array, features.values, (v, k) => Math.max(v, estimate.location[k % p]));
    return { scores: mahalanobisSquared(toward, p, estimate.location, factor, new Float64Array(n)), threshold };
  },
  explain(columns, index, result, params) {
    const features = multivariateFeatures(columns);
    return `${formatMark(columns, columns.mark[index])} lies at squared robust Mahalanobis distance ${result.scores[index].toFixed(1)} toward better over ${features.dimensions} features (${features.names.join(', ')}), against a χ² cut-off of ${result.threshold.toFixed(1)} for a tail of ${params.significance}; its ${mostUnusualFeature(features, index)}.`;
  },
};
