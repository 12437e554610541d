/** Descriptive, robust, ranks and standardisation on small inputs worked out by hand. */
import { describe, expect, it } from 'vitest';
import { mean, quantile, standardDeviation, variance } from './descriptive';
import { averageRanks } from './ranks';
import { median, medianAbsoluteDeviation, modifiedZScore } from './robust';
import { robustStandardize, standardize } from './standardize';

describe('descriptive', () => {
  it('mean, population and sample variance of 2, 4, 4, 4, 5, 5, 7, 9', () => {
    const v = [2, 4, 4, 4, 5, 5, 7, 9]; // mean 5, squared deviations sum 32
    expect(mean(v)).toBe(5);
    expect(variance(v)).toBe(4);
    expect(standardDeviation(v)).toBe(2);
    expect(variance(v, 1)).toBeCloseTo(32 / 7, 12);
  });
  it('quantiles interpolate linearly at (n − 1)q as numpy', () => {
    const v = [7, 1, 3, 5]; // sorted 1 3 5 7
    expect(quantile(v, 0.25)).toBe(2.5); // position 0.75: 1 + 0.75·2
    expect(quantile(v, 0.5)).toBe(4);
    expect(quantile(v, 0.9)).toBeCloseTo(6.4, 12); // position 2.7: 5 + 0.7·2
    expect(quantile(v, 1)).toBe(7);
    expect(() => quantile(v, 1.5)).toThrow('invalid quantile: 1.5');
  });
});

describe('robust', () => {
  it('median and MAD of 1, 2, 3, 4, 100', () => {
    expect(median([4, 1, 100, 3, 2])).toBe(3);
    expect(medianAbsoluteDeviation([1, 2, 3, 4, 100])).toBe(1); // |dev| 2 1 0 1 97
  });
  it('modified z falls back to the mean absolute deviation when the MAD is 0', () => {
    // 5, 5, 5, 8: median 5, MAD 0, mean |dev| 0.75; x = 8: 0.7979·3/0.75 = 3.1916.
    expect(modifiedZScore(8, [5, 5, 5, 8]).z).toBeCloseTo(3.1916, 10);
    expect(modifiedZScore(8, [5, 5, 5]).z).toBe(0);
  });
});

describe('ranks and standardisation', () => {
  it('gives ties their average rank and NaN no rank', () => {
    expect(Array.from(averageRanks([10, 20, 10, 30, NaN, 20]))).toEqual([1.5, 3.5, 1.5, 5, NaN, 3.5]);
  });
  it('standardises with the population sd, robustly with 1.4826 MAD', () => {
    expect(Array.from(standardize([1, 3]).values)).toEqual([-1, 1]);
    const robust = robustStandardize([1, 2, 3, 4, 100]);
    expect(robust.scale).toBeCloseTo(1.4826, 12);
    expect(robust.values[4]).toBeCloseTo(97 / 1.4826, 10);
  });
});

describe('median by selection', () => {
  it('is the sorted median to the bit: odd and even lengths, ties, ±0, infinities, NaN', async () => {
    const { quantileSorted, sortedCopy } = await import('./descriptive');
    const { createRandom } = await import('./random');
    for (const values of [[0, -0, 0], [-0, 0, -0], [0, -0], [-0, 0], [1, -0, 0, 2], [-0, 0, 0, -0, 0], [Infinity, 1, 2], [Infinity, Infinity, 1]]) {
      expect(Object.is(median(values), quantileSorted(sortedCopy(values), 0.5)), `${values}`).toBe(true);
    }
    const random = createRandom(3);
    const pool = [0, -0, Infinity, -Infinity, NaN, 1, -1, 2.5];
    for (let trial = 0; trial < 3_000; trial++) {
      const n = 1 + random.int(trial < 2_000 ? 12 : 400);
      const values = Float64Array.from({ length: n }, () => (random.next() < 0.3 ? pool[random.int(pool.length - (trial % 2 ? 0 : 3))] : Math.round(random.normal() * 3) / 2));
      const expected = quantileSorted(sortedCopy(values), 0.5);
      expect(Object.is(median(values), expected), `${Array.from(values)} → ${median(values)} vs ${expected}`).toBe(true);
    }
  });
});
