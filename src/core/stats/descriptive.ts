/**
 * Descriptive statistics over numeric arrays. NaN values are the caller's business: these
 * functions do not skip them, so a NaN in gives NaN out rather than a silently wrong mean.
 */
export type Numbers = ArrayLike<number>;

export function mean(values: Numbers): number {
  if (values.length === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

/** Variance with `ddof` delta degrees of freedom (0 = population, as numpy's default). */
export function variance(values: Numbers, ddof: 0 | 1 = 0): number {
  const n = values.length;
  if (n - ddof <= 0) return NaN;
  const centre = mean(values);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - centre;
    sum += d * d;
  }
  return sum / (n - ddof);
}

export function standardDeviation(values: Numbers, ddof: 0 | 1 = 0): number {
  return Math.sqrt(variance(values, ddof));
}

/** Ascending sorted copy as a Float64Array (the input is never reordered). */
export function sortedCopy(values: Numbers): Float64Array {
  const copy = Float64Array.from(values as ArrayLike<number>);
  copy.sort();
  return copy;
}

/**
 * Quantile of already sorted values with linear interpolation between order statistics:
 * position (n − 1)·q, numpy's default method ("linear", Hyndman & Fan type 7).
 */
export function quantileSorted(sorted: Numbers, q: number): number {
  if (!(q >= 0 && q <= 1)) throw new Error(`invalid quantile: ${q}`);
  const n = sorted.length;
  if (n === 0) return NaN;
  const position = (n - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, n - 1);
  const fraction = position - lower;
  return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction;
}

export function quantile(values: Numbers, q: number): number {
  return quantileSorted(sortedCopy(values), q);
}

/** The values that are not NaN, as a new array. */
export function finiteValues(values: Numbers): Float64Array {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) count++;
  const out = new Float64Array(count);
  let j = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) out[j++] = values[i];
  return out;
}
