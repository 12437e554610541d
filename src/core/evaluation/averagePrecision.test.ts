import { describe, expect, it } from 'vitest';
import { averagePrecision, precisionRecallCurve } from './averagePrecision.ts';
import { createRandom } from '../stats/random.ts';

/** Naive reference: for each distinct threshold, count by a full pass (O(n·t)). */
function naiveAveragePrecision(scores: number[], labels: number[]): number {
  const thresholds = [...new Set(scores)].sort((a, b) => b - a);
  const positives = labels.filter((l) => l === 1).length;
  let ap = 0;
  let previousRecall = 0;
  for (const t of thresholds) {
    let tp = 0;
    let fp = 0;
    scores.forEach((s, i) => {
      if (s >= t) labels[i] ? tp++ : fp++;
    });
    ap += (tp / positives - previousRecall) * (tp / (tp + fp));
    previousRecall = tp / positives;
  }
  return ap;
}

describe('averagePrecision', () => {
  it('matches scikit-learn on its documented example', () => {
    // sklearn docs: average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.8333…
    // by hand: 0.5·1 + 0·0.5 + 0.5·(2/3) + 0·0.5
    expect(averagePrecision([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(5 / 6, 12);
  });
  it('enters tied scores together, as scikit-learn does', () => {
    // one threshold 0.5 takes two positives and one negative: recall 1 at precision 2/3
    expect(averagePrecision([0.5, 0.5, 0.5, 0.2], [1, 0, 1, 0])).toBeCloseTo(2 / 3, 12);
    // by hand: 1/3·1 + 0·1/2 + 1/3·2/4 + 1/3·3/5 = 0.7
    expect(averagePrecision([0.9, 0.2, 0.8, 0.3, 0.3], [1, 1, 0, 0, 1])).toBeCloseTo(0.7, 12);
    // every score tied: precision is the base rate everywhere
    expect(averagePrecision([1, 1, 1, 1, 1], [1, 0, 0, 0, 1])).toBeCloseTo(0.4, 12);
  });
  it('is 1 for a perfect ranking, NaN without positives, NaN scores rank last', () => {
    expect(averagePrecision([3, 2, 1, 0], [1, 1, 0, 0])).toBe(1);
    expect(averagePrecision([3, 2], [0, 0])).toBeNaN();
    // NaN ranked last: positive at 0.9 then negative 0.1 then positive NaN → 0.5·1 + 0.5·2/3
    expect(averagePrecision([0.9, NaN, 0.1], [1, 1, 0])).toBeCloseTo(0.5 + 1 / 3, 12);
  });
  it('agrees with the naive reference on random vectors with ties', () => {
    const random = createRandom(11);
    for (let trial = 0; trial < 50; trial++) {
      const n = 5 + random.int(60);
      const scores = Array.from({ length: n }, () => random.int(12) / 4);
      const labels = Array.from({ length: n }, () => (random.next() < 0.3 ? 1 : 0));
      if (!labels.includes(1)) labels[0] = 1;
      expect(averagePrecision(scores, labels)).toBeCloseTo(naiveAveragePrecision(scores, labels), 12);
    }
  });
});

describe('precisionRecallCurve', () => {
  it('gives scikit-learn points from the highest threshold down', () => {
    // sklearn: precision [0.5, 0.667, 0.5, 1, 1], recall [1, 1, 0.5, 0.5, 0], thresholds [0.1, 0.35, 0.4, 0.8]
    const curve = precisionRecallCurve([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]);
    expect(Array.from(curve.thresholds)).toEqual([0.8, 0.4, 0.35, 0.1]);
    expect(Array.from(curve.recall)).toEqual([0.5, 0.5, 1, 1]);
    expect(Array.from(curve.precision).map((p) => p.toFixed(4))).toEqual(['1.0000', '0.5000', '0.6667', '0.5000']);
  });
  it('thins a long curve to at most maxPoints, keeping the end', () => {
    const random = createRandom(3);
    const n = 20_000;
    const scores = Array.from({ length: n }, () => random.next());
    const labels = scores.map((s) => (random.next() < s * 0.2 ? 1 : 0));
    const curve = precisionRecallCurve(scores, labels, { maxPoints: 50 });
    expect(curve.recall.length).toBeLessThanOrEqual(50);
    expect(curve.recall.length).toBeGreaterThan(40);
    expect(curve.recall[curve.recall.length - 1]).toBe(1);
    expect(() => precisionRecallCurve([1], [1], { maxPoints: 1 })).toThrow('invalid maxPoints: 1');
  });
});
