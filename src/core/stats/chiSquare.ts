/**
 * Chi-square quantiles by the Wilson–Hilferty cube-root normal approximation
 * (relative error about 1e-3 for 3 or more degrees of freedom, enough for thresholds on
 * squared Mahalanobis distances, which is all Trackside needs them for).
 */
import { normalQuantile } from './normal';

export function chiSquareQuantile(p: number, degreesOfFreedom: number): number {
  if (!(degreesOfFreedom > 0)) throw new Error(`invalid degrees of freedom: ${degreesOfFreedom}`);
  const z = normalQuantile(p);
  const a = 2 / (9 * degreesOfFreedom);
  const cube = 1 - a + z * Math.sqrt(a);
  return cube <= 0 ? 0 : degreesOfFreedom * cube * cube * cube;
}
