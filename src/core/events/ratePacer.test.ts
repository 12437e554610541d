import { describe, expect, it } from 'vitest';
import { lineDueMs, linesDue } from './ratePacer.ts';

describe('ratePacer', () => {
  it('at 4 events a second: one line at once, then one every 250 ms', () => {
    expect([0, 249, 250, 999, 1000].map((ms) => linesDue(4, ms))).toEqual([1, 1, 2, 4, 5]);
    expect([0, 1, 4].map((i) => lineDueMs(4, i))).toEqual([0, 250, 1000]);
  });

  it('agrees with itself: line i is due exactly at lineDueMs(i), not before', () => {
    for (const rate of [3, 1000, 45_000]) {
      for (const index of [1, 7, 999]) {
        const at = lineDueMs(rate, index);
        expect(linesDue(rate, at)).toBe(index + 1);
        expect(linesDue(rate, at - 0.01)).toBe(index);
      }
    }
  });

  it('refuses a rate that is not positive and an index that is not whole', () => {
    expect(() => linesDue(0, 10)).toThrow('invalid events per second: 0');
    expect(() => lineDueMs(-5, 1)).toThrow('invalid events per second: -5');
    expect(() => lineDueMs(5, 1.5)).toThrow('invalid line index: 1.5');
    expect(linesDue(5, -1)).toBe(0);
  });
});
