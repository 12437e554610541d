/**
 * The feature matrix of the multivariate detectors: goodness of the mark, improvement over
 * the previous season best, age, number of previous results and wind. Missing values
 * (no previous season, unknown age, no wind reading) are imputed with the column's median —
 * a neutral value, so a missing reading cannot look anomalous — and a column that is then
 * constant (no wind in a throw) is left out. Columns are standardised (mean, sd).
 */
import { finiteValues, mean, standardDeviation } from '../stats/descriptive';
import { median } from '../stats/robust';
import { goodnessOf } from './goodness';
import type { EventColumns } from './types';

export interface FeatureMatrix {
  values: Float64Array; // n × dimensions, standardised, row-major
  dimensions: number;
  names: string[]; // of the columns kept
  raw: Float64Array[]; // the kept columns after imputation, before standardising
  imputed: number[]; // how many values of each kept column were imputed
  centre: Float64Array;
  scale: Float64Array;
}

export function multivariateFeatures(columns: EventColumns): FeatureMatrix {
  const candidates: [string, Float64Array][] = [
    ['mark', goodnessOf(columns)],
    ['improvement', columns.improvement],
    ['age', columns.age],
    ['previous results', columns.priorCount],
    ['wind', columns.wind],
  ];
  const n = columns.mark.length;
  const names: string[] = [], raw: Float64Array[] = [], imputed: number[] = [], centres: number[] = [], scales: number[] = [];
  for (const [name, column] of candidates) {
    const known = finiteValues(column);
    const fill = known.length > 0 ? median(known) : 0;
    const filled = new Float64Array(n);
    for (let i = 0; i < n; i++) filled[i] = Number.isFinite(column[i]) ? column[i] : fill;
    const scale = standardDeviation(filled);
    if (!(scale > 0)) continue;
    names.push(name); raw.push(filled); imputed.push(n - known.length);
    centres.push(mean(filled)); scales.push(scale);
  }
  const dimensions = names.length;
  const values = new Float64Array(n * dimensions);
  for (let d = 0; d < dimensions; d++) {
    for (let i = 0; i < n; i++) values[i * dimensions + d] = (raw[d][i] - centres[d]) / scales[d];
  }
  return { values, dimensions, names, raw, imputed, centre: Float64Array.from(centres), scale: Float64Array.from(scales) };
}

/** "improvement +2.10 (4.3 sd above the event mean)": the feature that stands out most for a row. */
export function mostUnusualFeature(features: FeatureMatrix, index: number): string {
  if (features.dimensions === 0) return 'no feature varies in this event';
  let best = 0;
  for (let d = 1; d < features.dimensions; d++) {
    if (Math.abs(features.values[index * features.dimensions + d]) > Math.abs(features.values[index * features.dimensions + best])) best = d;
  }
  const z = features.values[index * features.dimensions + best];
  const name = features.names[best];
  const value = features.raw[best][index];
  const shown = name === 'mark' ? 'mark' : `${name} ${value.toFixed(2)}`;
  const note = features.imputed[best] > 0 ? `, ${features.imputed[best]} missing ${name} values set to the median` : '';
  return `${shown} is ${Math.abs(z).toFixed(1)} sd ${z >= 0 ? 'above' : 'below'} the event mean${note}`;
}
