/**
 * Robust location and scale: the median and the median absolute deviation (MAD), which a
 * few extreme marks cannot drag the way they drag the mean and standard deviation.
 */
import { quantileSorted, type Numbers } from './descriptive';

/**
 * The middle order statistics found by selection rather than a full sort (linear time: the
 * detectors take dozens of medians of whole events), combined exactly as quantileSorted
 * combines them, so the result is the sorted version's to the bit (a −0 the selection may
 * take for a +0 leaves no trace: −0 + 0 is +0). With a NaN the sort itself decides.
 */
export function median(values: Numbers): number {
  const n = values.length;
  if (n === 0) return NaN;
  const copy = scratch(0, n);
  for (let i = 0; i < n; i++) copy[i] = values[i];
  return medianInPlace(copy, n);
}

/**
 * The scratch buffers median and MAD select in: a detector takes thousands of small medians
 * (one per athlete's window: 15,000 new arrays for a group of 25,000 results), and a new typed
 * array costs far more in a browser worker than in Node (a backing store allocated, zeroed,
 * tracked and swept). With them the modified z-score over 1M rows went from 504 to 239 ms on
 * one Node thread, and in the workers, with the task arena beside them, from 1.8 s to 0.5 s
 * (bench results-browser). A thread runs one median at a time and nothing here calls back
 * out, so one pair per thread is enough.
 */
const scratches = [new Float64Array(1024), new Float64Array(1024)];
function scratch(which: 0 | 1, n: number): Float64Array {
  // On a buffer of its own: kept between tasks, it must never be a view on a task's arena (src/platform/pool/taskArena.ts).
  if (scratches[which].length < n) scratches[which] = new Float64Array(new ArrayBuffer(8 * Math.max(n, 2 * scratches[which].length)));
  return scratches[which];
}

/** The median of values[0, n), rearranging them. */
function medianInPlace(copy: Float64Array, n: number): number {
  for (let i = 0; i < n; i++) if (copy[i] !== copy[i]) return quantileSorted(copy.slice(0, n).sort(), 0.5);
  const lower = (n - 1) >> 1, fraction = (n - 1) / 2 - lower;
  selectNth(copy, lower, n);
  const below = copy[lower];
  let above = below;
  if (n > 1) {
    above = Infinity;
    for (let i = lower + 1; i < n; i++) if (copy[i] < above) above = copy[i];
  }
  return below + (above - below) * fraction;
}

/** Rearranges values[0, n) (no NaN) so that values[k] is the k-th smallest, none after it smaller (Hoare's selection, middle-of-three pivots). */
export function selectNth(values: Float64Array, k: number, n = values.length): void {
  let lo = 0, hi = n - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Middle of three as the pivot, which also guards both scans.
    if (values[mid] < values[lo]) swap(values, mid, lo);
    if (values[hi] < values[lo]) swap(values, hi, lo);
    if (values[hi] < values[mid]) swap(values, hi, mid);
    const pivot = values[mid];
    let i = lo, j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) { swap(values, i, j); i++; j--; }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function swap(values: Float64Array, a: number, b: number): void {
  const t = values[a]; values[a] = values[b]; values[b] = t;
}

/** Raw MAD: median of |x − median(x)|, not scaled (multiply by 1.4826 for a normal sd). */
export function medianAbsoluteDeviation(values: Numbers, centre: number = median(values)): number {
  const n = values.length;
  if (n === 0) return NaN;
  const deviations = scratch(1, n);
  for (let i = 0; i < n; i++) deviations[i] = Math.abs(values[i] - centre);
  return medianInPlace(deviations, n);
}

/** Mean absolute deviation around a centre; the fallback scale when the MAD is zero. */
export function meanAbsoluteDeviation(values: Numbers, centre: number): number {
  if (values.length === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.abs(values[i] - centre);
  return sum / values.length;
}

/** What a modified z-score needs of its sample, computed once when many values are judged against one sample. */
export interface RobustSpread {
  median: number;
  /** Raw MAD. */
  mad: number;
  /** Mean absolute deviation around the median: the scale when the MAD is zero. */
  meanAd: number;
}

export function robustSpread(sample: Numbers): RobustSpread {
  const centre = median(sample);
  const mad = medianAbsoluteDeviation(sample, centre);
  return { median: centre, mad, meanAd: mad > 0 ? NaN : meanAbsoluteDeviation(sample, centre) };
}

/**
 * Iglewicz and Hoaglin's modified z-score of x against a sample: 0.6745·(x − median)/MAD.
 * When more than half the sample is identical the MAD is zero; then, as IBM SPSS and
 * Iglewicz–Hoaglin suggest, 0.7979·(x − median)/meanAD is used. Zero spread gives 0.
 */
export function modifiedZScore(x: number, sample: Numbers | RobustSpread): { z: number; median: number; scale: number } {
  const { median: centre, mad, meanAd } = 'mad' in sample ? sample : robustSpread(sample);
  if (mad > 0) return { z: (0.6745 * (x - centre)) / mad, median: centre, scale: mad / 0.6745 };
  if (meanAd > 0) return { z: (0.7979 * (x - centre)) / meanAd, median: centre, scale: meanAd / 0.7979 };
  return { z: 0, median: centre, scale: 0 };
}
