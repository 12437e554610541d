import { describe, expect, it } from 'vitest';
import { LatencyWindow } from './latencyWindow.ts';
import { createRandom } from '../stats/random.ts';

/** Nearest rank over the expanded list: sort, take the ceil(p/100 · n)-th. */
function naive(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

describe('LatencyWindow', () => {
  it('gives nearest-rank percentiles of 1..100 by hand', () => {
    const window = new LatencyWindow(100);
    for (let v = 100; v >= 1; v--) window.add(v);
    expect(window.percentiles([50, 95, 99, 100])).toEqual([50, 95, 99, 100]);
  });

  it('agrees with a naive sort when samples carry weights', () => {
    const random = createRandom(5);
    const window = new LatencyWindow(500);
    const expanded: number[] = [];
    for (let i = 0; i < 300; i++) {
      const value = Math.round(random.next() * 1000);
      const weight = 1 + random.int(5);
      window.add(value, weight);
      for (let w = 0; w < weight; w++) expanded.push(value);
    }
    for (const p of [50, 90, 95, 99]) expect(window.percentiles([p])[0]).toBe(naive(expanded, p));
  });

  it('keeps only the newest samples and refuses nonsense', () => {
    const window = new LatencyWindow(3);
    [1000, 1, 2, 3].forEach((v) => window.add(v));
    expect(window.percentiles([100])).toEqual([3]);
    expect(new LatencyWindow(2).percentiles([50])[0]).toBeNaN();
    expect(() => window.add(NaN)).toThrow('invalid latency: NaN');
    expect(() => window.percentiles([0])).toThrow('invalid percentile: 0');
  });
});
