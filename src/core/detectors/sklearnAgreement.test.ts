/**
 * Our isolation forest and LOF against scikit-learn 1.2 on the committed fixture made by
 * scripts/sklearn-reference.py (2000 rows × 4 features, with duplicates and outliers).
 * The forest is random, so only the ordering is compared (Spearman); LOF is deterministic
 * and should agree to rounding.
 */
import { describe, expect, it } from 'vitest';
import reference from './fixtures/sklearn-reference.json';
import { fitIsolationForest, isolationScores } from '../stats/isolationForest';
import { localOutlierFactor } from '../stats/localOutlierFactor';

/** Spearman's rho, written out naively (ranks by sorting, average ranks on ties). */
function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const rank = (v: ArrayLike<number>): number[] => {
    const idx = Array.from({ length: v.length }, (_, i) => i).sort((x, y) => v[x] - v[y]);
    const r = new Array<number>(v.length);
    for (let i = 0; i < idx.length; ) {
      let j = i;
      while (j + 1 < idx.length && v[idx[j + 1]] === v[idx[i]]) j++;
      for (let t = i; t <= j; t++) r[idx[t]] = (i + j) / 2 + 1;
      i = j + 1;
    }
    return r;
  };
  const ra = rank(a), rb = rank(b);
  const m = (ra.length + 1) / 2;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < ra.length; i++) {
    sab += (ra[i] - m) * (rb[i] - m); saa += (ra[i] - m) ** 2; sbb += (rb[i] - m) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

const points = Float64Array.from(reference.features);
const dims = reference.dimensions;

describe('agreement with scikit-learn', () => {
  it('has the fixture the script promises', () => {
    expect(reference.rows).toBe(2000);
    expect(points.length).toBe(2000 * 4);
    expect(reference.isolationForest.length).toBe(2000);
  });

  it('isolation forest: Spearman ≥ 0.95 with IsolationForest.score_samples (negated), for three seeds', () => {
    for (const seed of [0, 1, 2]) {
      const model = fitIsolationForest(points, dims, { trees: 100, samples: 256, seed });
      const ours = isolationScores(model, points);
      const rho = spearman(ours, reference.isolationForest);
      console.log(`isolation forest seed ${seed}: Spearman ${rho.toFixed(4)}`);
      expect(rho).toBeGreaterThanOrEqual(0.95);
      // Same scale as sklearn, not just the same order: mean scores within 0.01.
      const meanOf = (v: ArrayLike<number>) => Array.from(v).reduce((s, x) => s + x, 0) / v.length;
      expect(Math.abs(meanOf(ours) - meanOf(reference.isolationForest))).toBeLessThan(0.01);
    }
  });

  it('local outlier factor: Spearman ≥ 0.99 and values equal to sklearn', () => {
    const { factor } = localOutlierFactor(points, dims, 20);
    const rho = spearman(factor, reference.localOutlierFactor);
    let maxDiff = 0;
    for (let i = 0; i < factor.length; i++) maxDiff = Math.max(maxDiff, Math.abs(factor[i] - reference.localOutlierFactor[i]));
    console.log(`LOF: Spearman ${rho.toFixed(6)}, max |ours − sklearn| ${maxDiff.toExponential(2)}`);
    expect(rho).toBeGreaterThanOrEqual(0.99);
    expect(maxDiff).toBeLessThan(1e-5);
  });
});
