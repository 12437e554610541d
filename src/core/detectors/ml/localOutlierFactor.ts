/**
 * Local outlier factor over the oriented features (features.ts): a performance whose k
 * nearest performances sit in a much denser neighbourhood than its own. LOF is two-sided by
 * nature, so a performance on the worse side of typical (its features sum below 0) keeps
 * the ordinary factor 1: only unusually good marks count. Neighbours come from a k-d tree.
 */
import { localOutlierFactor } from '../../stats/localOutlierFactor';
import { multivariateFeatures, mostUnusualFeature, onBetterSide } from '../features';
import { formatMark } from '../goodness';
import type { Detector } from '../types';

export const detector: Detector = {
  id: 'local-outlier-factor',
  label: 'Local outlier factor',
  family: 'ml',
  pattern: 'A performance far from its nearest neighbours in level for age and season and in form, on the better side of typical.',
  parameters: {
    neighbors: { default: 20, min: 2, max: 200, step: 1, label: 'Neighbours (k)' },
    threshold: { default: 1.5, min: 1, max: 20, step: 0.05, label: 'Flag at a LOF of at least' },
  },
  detect(columns, params) {
    const features = multivariateFeatures(columns);
    const n = columns.mark.length;
    if (n < 3) return { scores: new Float64Array(n).fill(1), threshold: params.threshold };
    // Only the better side is judged, so only its factors (and what they need) are computed.
    const better = new Uint8Array(n);
    for (let i = 0; i < n; i++) better[i] = onBetterSide(features, i) ? 1 : 0;
    const { factor } = localOutlierFactor(features.values, features.dimensions, params.neighbors, better);
    for (let i = 0; i < n; i++) if (!better[i]) factor[i] = 1;
    return { scores: factor, threshold: params.threshold };
  },
  explain(columns, index, result, params) {
    const features = multivariateFeatures(columns);
    const k = Math.min(params.neighbors, columns.mark.length - 1);
    const factor = result.scores[index];
    if (!onBetterSide(features, index)) return `${formatMark(columns, columns.mark[index])} is not judged: it lies on the worse side of typical for this event.`;
    return `${formatMark(columns, columns.mark[index])} has a local outlier factor of ${factor.toFixed(2)} (flag at ${params.threshold}): its ${k} nearest performances lie ${factor.toFixed(1)} times as densely among themselves as around it; its ${mostUnusualFeature(features, index)}.`;
  },
};
