/**
 * Putting riders on one scale. Within a group (the riders of one segment, or one course
 * segment over the whole session), each value becomes:
 * - 'zScore': (v − mean) / sd, sd with n − 1;
 * - 'modifiedZScore': 0.6745 (v − median) / MAD (Iglewicz & Hoaglin 1993), robust to the
 *   one rider who crashed or stopped; when MAD is 0 (half the group identical) it falls back
 *   to (v − median) / (1.253314 × mean absolute deviation), the usual convention;
 * - 'absolute': the value itself.
 * NaN values stay NaN and are left out of the statistics. A group whose spread is 0 maps to 0.
 */
export type Normalisation = 'zScore' | 'modifiedZScore' | 'absolute';

export const NORMALISATIONS: readonly Normalisation[] = ['zScore', 'modifiedZScore', 'absolute'];

export function median(values: readonly number[]): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return NaN;
  return n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

export function zScores(values: readonly number[]): number[] {
  const finite = values.filter((v) => !Number.isNaN(v));
  const n = finite.length;
  const mean = finite.reduce((a, v) => a + v, 0) / n;
  const sd = n > 1 ? Math.sqrt(finite.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1)) : 0;
  return values.map((v) => (Number.isNaN(v) ? NaN : sd > 0 ? (v - mean) / sd : 0));
}

export function modifiedZScores(values: readonly number[]): number[] {
  const centre = median(values);
  const deviations = values.filter((v) => !Number.isNaN(v)).map((v) => Math.abs(v - centre));
  const mad = median(deviations);
  if (mad > 0) return values.map((v) => (Number.isNaN(v) ? NaN : (0.6745 * (v - centre)) / mad));
  const meanAbsolute = deviations.reduce((a, v) => a + v, 0) / deviations.length;
  return values.map((v) => (Number.isNaN(v) ? NaN : meanAbsolute > 0 ? (v - centre) / (1.253314 * meanAbsolute) : 0));
}

export function normalise(values: readonly number[], method: Normalisation): number[] {
  switch (method) {
    case 'zScore':
      return zScores(values);
    case 'modifiedZScore':
      return modifiedZScores(values);
    case 'absolute':
      return values.slice();
    default:
      throw new Error(`invalid normalisation: ${String(method)}`);
  }
}
