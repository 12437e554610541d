/**
 * The features of the multivariate detectors, oriented so that higher is always more
 * suspicious: the mark's level for its age and season (performanceContext.ts, in still
 * air) and its form (how far above the athlete's own mean of earlier results; 0 on a first
 * day, whose arrival shows in its level). Exposure (the number of results) and wind are not
 * features: one is what the evaluation controls for, the other is taken off the mark.
 * Each column is centred on its median and scaled by its robust sd (1.4826 MAD).
 */
import { median, medianAbsoluteDeviation } from '../stats/robust';
import { perEvent } from './memo';
import { performanceContext } from './performanceContext';
import type { EventColumns } from './types';
import { mapped } from '../stats/mapped';

export interface FeatureMatrix {
  /** n × dimensions, row-major, centred on the median and in robust sd. */
  values: Float64Array;
  dimensions: number;
  names: string[];
}

const featureNames = ['level for age and season', "form against the athlete's earlier results"];

/** The features of an event, computed once per event's columns (memo.ts). */
export const multivariateFeatures = perEvent(featuresOf);

function featuresOf(columns: EventColumns): FeatureMatrix {
  const context = performanceContext(columns);
  const n = columns.mark.length;
  const form = mapped(Float64Array, context.priorMean, (mean, i) => (Number.isFinite(mean) ? (context.goodness[i] - mean) / context.scale : 0));
  const raw = [context.level, form];
  const values = new Float64Array(n * raw.length);
  raw.forEach((column, d) => {
    const centre = n > 0 ? median(column) : 0;
    const mad = n > 0 ? 1.4826 * medianAbsoluteDeviation(column, centre) : 0;
    const scale = mad > 0 ? mad : 1;
    for (let i = 0; i < n; i++) values[i * raw.length + d] = (column[i] - centre) / scale;
  });
  return { values, dimensions: raw.length, names: featureNames };
}

/** The features with every value below the median set to the median: being worse than typical cannot isolate a mark. */
export function betterSideOnly(features: FeatureMatrix): Float64Array {
  return mapped(Float64Array, features.values, (v) => Math.max(0, v));
}

/** Whether a performance lies on the better side of typical overall (its features sum above 0). */
export function onBetterSide(features: FeatureMatrix, index: number): boolean {
  let sum = 0;
  for (let d = 0; d < features.dimensions; d++) sum += features.values[index * features.dimensions + d];
  return sum > 0;
}

/** "its level for age and season is 3.1 sd above the event's typical": the feature that stands out most for a row. */
export function mostUnusualFeature(features: FeatureMatrix, index: number): string {
  if (features.dimensions === 0) return 'no feature varies in this event';
  let best = 0;
  for (let d = 1; d < features.dimensions; d++) {
    if (features.values[index * features.dimensions + d] > features.values[index * features.dimensions + best]) best = d;
  }
  const z = features.values[index * features.dimensions + best];
  return `${features.names[best]} is ${Math.abs(z).toFixed(1)} sd ${z >= 0 ? 'above' : 'below'} the event's typical`;
}
