import { describe, expect, it } from 'vitest';
import { ksStatistic, populationStabilityIndex, quantileEdges } from './distributionDrift';

describe('KS statistic (hand computed)', () => {
  it('is the largest gap between the empirical CDFs, ties stepped together', () => {
    // at 3: F_a = 3/3, F_b = 2/4
    expect(ksStatistic([1, 2, 3], [2, 3, 4, 5])).toBeCloseTo(0.5, 12);
    expect(ksStatistic([1, 2, 2, 3], [3, 2, 1, 2])).toBe(0);
    expect(ksStatistic([1, 2], [5, 6])).toBe(1);
  });
});

describe('PSI (hand computed)', () => {
  const reference = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

  it('bins at the reference quantiles', () => {
    // median of 1..10 by linear interpolation: 5.5
    expect(quantileEdges(Float64Array.from(reference), 2)).toEqual([5.5]);
    // current 1..8: shares 5/8 and 3/8 against 1/2 and 1/2
    const expected = (0.625 - 0.5) * Math.log(0.625 / 0.5) + (0.375 - 0.5) * Math.log(0.375 / 0.5);
    expect(populationStabilityIndex(reference, [1, 2, 3, 4, 5, 6, 7, 8], { bins: 2 })).toBeCloseTo(expected, 12);
    expect(populationStabilityIndex(reference, reference)).toBe(0);
  });

  it('stands in epsilon for an empty bin', () => {
    const expected = (1 - 0.5) * Math.log(1 / 0.5) + (1e-4 - 0.5) * Math.log(1e-4 / 0.5);
    expect(populationStabilityIndex(reference, [1, 2], { bins: 2 })).toBeCloseTo(expected, 12);
    expect(() => populationStabilityIndex(reference, [1], { bins: 1 })).toThrow('invalid bins: 1');
    expect(() => ksStatistic([], [1])).toThrow('reference is empty');
  });
});
