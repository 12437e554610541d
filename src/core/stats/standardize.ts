/**
 * Standardisation: (x − mean)/sd, or robustly (x − median)/(1.4826·MAD), so features in
 * seconds, years and counts can share one distance.
 */
import { mean, standardDeviation, type Numbers } from './descriptive';
import { median, medianAbsoluteDeviation } from './robust';

export interface Standardized {
  values: Float64Array;
  centre: number;
  scale: number;
}

/** z-scores with the population sd; a constant column becomes all zeros (scale 0). */
export function standardize(values: Numbers): Standardized {
  const centre = mean(values);
  const scale = standardDeviation(values, 0);
  return { values: rescale(values, centre, scale), centre, scale };
}

/** Robust z: 1.4826·MAD estimates the sd of normal data; falls back to the sd when MAD = 0. */
export function robustStandardize(values: Numbers): Standardized {
  const centre = median(values);
  let scale = 1.4826 * medianAbsoluteDeviation(values, centre);
  if (!(scale > 0)) scale = standardDeviation(values, 0);
  return { values: rescale(values, centre, scale), centre, scale };
}

function rescale(values: Numbers, centre: number, scale: number): Float64Array {
  const out = new Float64Array(values.length);
  if (!(scale > 0)) return out;
  for (let i = 0; i < values.length; i++) out[i] = (values[i] - centre) / scale;
  return out;
}
