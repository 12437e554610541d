import { describe, expect, it } from 'vitest';
import { kendallTau, spearman } from './rankCorrelation';

describe('rank correlations (hand computed)', () => {
  const x = [1, 2, 3, 4, 5];
  const y = [5, 6, 7, 8, 7];

  it('spearman uses average ranks for ties', () => {
    // ranks of y: 1, 2, 3.5, 5, 3.5; centred products sum to 8; Σdx² = 10, Σdy² = 9.5
    expect(spearman(x, y)).toBeCloseTo(8 / Math.sqrt(95), 12);
    expect(spearman(x, [50, 40, 30, 20, 10])).toBeCloseTo(-1, 12);
  });

  it('kendall tau-b corrects for ties', () => {
    // 10 pairs: 8 concordant, 1 discordant (4,5), 1 tied in y (3,5): 7 / √(10 · 9)
    expect(kendallTau(x, y)).toBeCloseTo(7 / Math.sqrt(90), 12);
    expect(kendallTau([1, 1, 2], [1, 2, 3])).toBeCloseTo(2 / Math.sqrt(2 * 3), 12);
  });

  it('is undefined without an order to compare, and refuses unpaired lists', () => {
    expect(spearman([1, 2, 3], [4, 4, 4])).toBeNaN();
    expect(kendallTau([1], [2])).toBeNaN();
    expect(() => spearman([1, 2], [1])).toThrow('rank correlation needs paired lists, got 2 and 1 values');
  });
});
