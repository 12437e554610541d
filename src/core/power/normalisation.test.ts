import { describe, expect, it } from 'vitest';
import { median, modifiedZScores, normalise, zScores } from './normalisation';
import { quadrantOf } from './quadrants';
import { formatSegmentNumber, parseSegmentNumber, segmentNumberAt } from './segmentNumber';

describe('normalisation', () => {
  it('z-scores with the sample sd', () => {
    expect(zScores([1, 2, 3])).toEqual([-1, 0, 1]);
    expect(zScores([5, NaN, 5])).toEqual([0, NaN, 0]);
  });

  it('modified z-scores: 0.6745 (v − median) / MAD, robust to one outlier', () => {
    // median 3, absolute deviations 2, 1, 0, 1, 97 → MAD 1
    const scores = modifiedZScores([1, 2, 3, 4, 100]);
    expect(scores[4]).toBeCloseTo(0.6745 * 97, 10);
    expect(scores[0]).toBeCloseTo(-1.349, 10);
    // MAD 0 (three equal values): falls back to mean absolute deviation 12/5 × 1.253314
    expect(modifiedZScores([10, 10, 10, 4, 16])[4]).toBeCloseTo(6 / (1.253314 * 2.4), 10);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('absolute leaves values and refuses unknown methods', () => {
    expect(normalise([3, 1], 'absolute')).toEqual([3, 1]);
    expect(() => normalise([1], 'percent' as never)).toThrow('invalid normalisation: percent');
  });
});

describe('quadrants and segment numbers', () => {
  it('names the four quadrants', () => {
    expect(quadrantOf(-1, -1)).toBe('efficient');
    expect(quadrantOf(-1, 1)).toBe('powerful');
    expect(quadrantOf(1, 1)).toBe('wasteful');
    expect(quadrantOf(1, -1)).toBe('conserving');
    expect(quadrantOf(120, 300, { x: 100, y: 250 })).toBe('wasteful');
    expect(quadrantOf(NaN, 1)).toBeNull();
  });

  it('parses and formats lap.segment', () => {
    expect(parseSegmentNumber('12.3')).toEqual({ lap: 12, segment: 3 });
    expect(formatSegmentNumber({ lap: 2, segment: 10 })).toBe('2.10');
    expect(segmentNumberAt(7, 5)).toBe('2.3');
    expect(() => parseSegmentNumber('1-3')).toThrow('invalid segment number: "1-3"');
    expect(() => parseSegmentNumber('0.1')).toThrow('count from 1');
  });
});
