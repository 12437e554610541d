/**
 * Robust location and scale: the median and the median absolute deviation (MAD), which a
 * few extreme marks cannot drag the way they drag the mean and standard deviation.
 */
import { quantileSorted, sortedCopy, type Numbers } from './descriptive';

export function median(values: Numbers): number {
  return quantileSorted(sortedCopy(values), 0.5);
}

/** Raw MAD: median of |x − median(x)|, not scaled (multiply by 1.4826 for a normal sd). */
export function medianAbsoluteDeviation(values: Numbers, centre: number = median(values)): number {
  const deviations = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) deviations[i] = Math.abs(values[i] - centre);
  return median(deviations);
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
