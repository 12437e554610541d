import { describe, expect, it } from 'vitest';
import { createRandom } from '../stats/random';
import { fitLogistic, predictLogistic } from '../stats/logisticRegression';
import { rocAuc, stratifiedRocAuc } from './rocAuc';
import { logSpacedKs, precisionAtK, precisionsAtK } from './precisionAtK';
import { crossStrata, eras, exposureDeciles } from './strata';
import { groupedFolds } from './folds';
import { crossFit, eraFeatures, rankNormalScores } from './learnedCombination';
import { evaluateMethods, largestTermsOf } from './methodEvaluation';

/** Naive AUC: every (positive, negative) pair, ties half. */
function naiveAuc(scores: number[], labels: number[]): number {
  let wins = 0, pairs = 0;
  scores.forEach((s, i) => {
    if (!labels[i]) return;
    scores.forEach((t, j) => {
      if (labels[j]) return;
      pairs++;
      wins += s > t ? 1 : s === t ? 0.5 : 0;
    });
  });
  return wins / pairs;
}

describe('ROC-AUC', () => {
  it("matches scikit-learn's documented example and a naive count with ties", () => {
    // sklearn: roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.75
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]).auc).toBeCloseTo(0.75, 12);
    const random = createRandom(5);
    for (let trial = 0; trial < 30; trial++) {
      const n = 10 + random.int(50);
      const scores = Array.from({ length: n }, () => random.int(8));
      const labels = Array.from({ length: n }, (_, i) => (i === 0 ? 1 : i === 1 ? 0 : random.next() < 0.3 ? 1 : 0));
      expect(rocAuc(scores, labels).auc).toBeCloseTo(naiveAuc(scores, labels), 12);
    }
    expect(rocAuc([1, 2], [1, 1]).auc).toBeNaN();
  });

  it('within strata counts only pairs that share a stratum', () => {
    // Stratum 0: positive 5 vs negatives 1, 9 → 1 of 2 pairs won. Stratum 1: positive 2 vs negative 3 → lost.
    // Pooled within strata: 1 of 3 pairs = 0.3333; across strata the positive 5 would also beat 3.
    const scores = [5, 1, 9, 2, 3], labels = [1, 0, 0, 1, 0], strata = [0, 0, 0, 1, 1];
    const result = stratifiedRocAuc(scores, labels, strata, 2);
    expect(result.auc).toBeCloseTo(1 / 3, 12);
    expect(result.strata.map((s) => s.auc)).toEqual([0.5, 0]);
    expect(rocAuc(scores, labels).auc).toBeCloseTo(3 / 6, 12);
    expect(result.standardError).toBeGreaterThan(0);
  });

  it('a score that only measures the stratifier is a coin within it', () => {
    const random = createRandom(9);
    const exposure = Array.from({ length: 4000 }, () => 1 + random.int(60));
    const labels = exposure.map((e) => (random.next() < e / 70 ? 1 : 0));
    const deciles = exposureDeciles(exposure);
    expect(rocAuc(exposure, labels).auc).toBeGreaterThan(0.7);
    expect(stratifiedRocAuc(exposure, labels, deciles.code, deciles.labels.length).auc).toBeLessThan(0.6);
  });
});

describe('precision at k', () => {
  it('counts the top k, ties at the cut in proportion', () => {
    // Sorted: 0.9 (1), 0.8 (0), then 0.5 tied ×4 with 2 positives: P@4 = (1 + 0 + 2 × 2/4) / 4 = 0.5.
    const scores = [0.5, 0.9, 0.5, 0.8, 0.5, 0.5, 0.1], labels = [1, 1, 0, 0, 1, 0, 1];
    expect(precisionAtK(scores, labels, 1)).toBe(1);
    expect(precisionAtK(scores, labels, 2)).toBe(0.5);
    expect(precisionAtK(scores, labels, 4)).toBeCloseTo(0.5, 12);
    expect(precisionsAtK(scores, labels, [6, 100])).toEqual([0.5, 4 / 7]);
    expect(() => precisionAtK(scores, labels, 0)).toThrow('invalid k: 0');
    expect(logSpacedKs(1234)).toEqual([10, 20, 50, 100, 200, 500, 1000, 1234]);
  });
});

describe('strata', () => {
  it('keeps equal counts in one decile and names eras by decade', () => {
    const deciles = exposureDeciles([1, 1, 1, 1, 1, 2, 3, 4, 5, 6]);
    expect(new Set(Array.from(deciles.code.slice(0, 5))).size).toBe(1);
    expect(deciles.labels[0]).toBe('1 result');
    const era = eras([1968, 1975, 2004, 2009, 2021]);
    expect(era.labels).toEqual(['before 1970', '1970s', '2000s', '2020s']);
    expect(Array.from(era.code)).toEqual([0, 1, 2, 2, 3]);
    expect(crossStrata(deciles, { code: Int32Array.from({ length: 10 }, (_, i) => i % 2), labels: ['a', 'b'] }).labels[0]).toBe('1 result, a');
  });
});

describe('logistic regression', () => {
  it('recovers the coefficients that made the data, per sd', () => {
    const random = createRandom(21);
    const n = 20_000;
    const x1 = Float64Array.from({ length: n }, () => random.normal());
    const x2 = Float64Array.from({ length: n }, () => 2 * random.normal());
    const labels = Uint8Array.from(x1, (v, i) => (random.next() < 1 / (1 + Math.exp(-(-1 + 1.5 * v - 0.5 * x2[i]))) ? 1 : 0));
    const rows = Array.from({ length: n }, (_, i) => i);
    const model = fitLogistic(['x1', 'x2'], [x1, x2], labels, rows, { c: 1e6 });
    // Per sd: x1 has sd 1 → 1.5; x2 has sd 2 → −0.5 × 2 = −1.0.
    expect(model.coefficients[0]).toBeCloseTo(1.5, 1);
    expect(model.coefficients[1]).toBeCloseTo(-1.0, 1);
    const p = predictLogistic(model, [x1, x2], [0]);
    expect(p[0]).toBeGreaterThan(0);
    expect(p[0]).toBeLessThan(1);
    // A strong penalty shrinks every coefficient toward 0.
    const shrunk = fitLogistic(['x1', 'x2'], [x1, x2], labels, rows, { c: 1e-4 });
    expect(Math.abs(shrunk.coefficients[0])).toBeLessThan(Math.abs(model.coefficients[0]) / 2);
  });
});

describe('logistic regression, column by column', () => {
  // The textbook Newton step, row by row: the fit before it was reorganised for speed.
  function rowByRowFit(columns: Float64Array[], labels: Uint8Array, rows: number[], c: number) {
    const d = columns.length, p = d + 1, m = rows.length;
    const mean = columns.map((col) => rows.reduce((s, r) => s + col[r], 0) / m);
    const sd = columns.map((col, j) => Math.sqrt(rows.reduce((s, r) => s + (col[r] - mean[j]) ** 2, 0) / m) || 1);
    const x = rows.map((r) => [1, ...columns.map((col, j) => (col[r] - mean[j]) / sd[j])]);
    const beta = new Float64Array(p);
    for (let iteration = 0; iteration < 50; iteration++) {
      const gradient = new Float64Array(p), hessian = new Float64Array(p * p);
      x.forEach((row, t) => {
        let eta = 0;
        for (let j = 0; j < p; j++) eta += row[j] * beta[j];
        const mu = eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
        const w = Math.max(mu * (1 - mu), 1e-12), residual = labels[rows[t]] - mu;
        for (let j = 0; j < p; j++) {
          gradient[j] += row[j] * residual;
          for (let k = 0; k <= j; k++) hessian[j * p + k] += w * row[j] * row[k];
        }
      });
      for (let j = 0; j < p; j++) for (let k = j + 1; k < p; k++) hessian[j * p + k] = hessian[k * p + j];
      for (let j = 1; j < p; j++) { gradient[j] -= beta[j] / c; hessian[j * p + j] += 1 / c; }
      hessian[0] += 1e-9;
      // Gaussian elimination: a solver of its own, so the check shares nothing with the fit.
      const a = Array.from({ length: p }, (_, i) => [...hessian.slice(i * p, i * p + p), gradient[i]]);
      for (let i = 0; i < p; i++) for (let r = i + 1; r < p; r++) { const f = a[r][i] / a[i][i]; for (let k = i; k <= p; k++) a[r][k] -= f * a[i][k]; }
      const step = new Float64Array(p);
      for (let i = p - 1; i >= 0; i--) { let v = a[i][p]; for (let k = i + 1; k < p; k++) v -= a[i][k] * step[k]; step[i] = v / a[i][i]; }
      let largest = 0;
      for (let j = 0; j < p; j++) { beta[j] += step[j]; largest = Math.max(largest, Math.abs(step[j])); }
      if (largest < 1e-6) break;
    }
    return beta;
  }

  it('fits what the row-by-row Newton step fits, with seven features and a rare label', () => {
    const random = createRandom(33);
    const n = 3000;
    const columns = Array.from({ length: 7 }, (_, j) => Float64Array.from({ length: n }, () => (j === 6 ? (random.next() < 0.2 ? 1 : 0) : random.normal() * (j + 1))));
    const labels = Uint8Array.from({ length: n }, (_, i) => (random.next() < 1 / (1 + Math.exp(3 - columns[0][i] + 0.3 * columns[2][i] - columns[6][i])) ? 1 : 0));
    const rows = Array.from({ length: n }, (_, i) => i).filter((i) => i % 5 !== 2);
    const model = fitLogistic(columns.map((_, j) => `x${j}`), columns, labels, rows, { c: 1 });
    const reference = rowByRowFit(columns, labels, rows, 1);
    expect(model.intercept).toBeCloseTo(reference[0], 9);
    model.coefficients.forEach((b, j) => expect(b, `x${j}`).toBeCloseTo(reference[j + 1], 9));
    expect(Math.abs(model.coefficients[0])).toBeGreaterThan(0.5);
  });
});

describe('folds grouped by athlete', () => {
  it('keeps every item of a group in one fold and deals positive groups evenly', () => {
    const groups = Int32Array.from({ length: 1000 }, (_, i) => Math.floor(i / 4));
    const labels = Uint8Array.from(groups, (g) => (g % 10 === 0 ? 1 : 0));
    const folds = groupedFolds(groups, labels, 5, 3);
    for (let g = 0; g < 250; g++) expect(new Set(Array.from(folds.slice(4 * g, 4 * g + 4))).size).toBe(1);
    const positivesPerFold = [0, 1, 2, 3, 4].map((k) => labels.filter((l, i) => l && folds[i] === k).length);
    expect(Math.max(...positivesPerFold) - Math.min(...positivesPerFold)).toBeLessThanOrEqual(4);
    expect(Array.from(groupedFolds(groups, labels, 5, 3))).toEqual(Array.from(folds));
  });

  it('scores out of fold: a memorising feature gains nothing it did not learn from others', () => {
    const random = createRandom(4);
    const n = 3000;
    const labels = Uint8Array.from({ length: n }, () => (random.next() < 0.1 ? 1 : 0));
    // A feature equal to the label plus noise only for one athlete each: out of fold it cannot be learned.
    const id = Float64Array.from({ length: n }, (_, i) => i);
    const fitted = crossFit([{ name: 'id', values: id }], labels, Int32Array.from(id), { folds: 5, seed: 1 });
    expect(rocAuc(fitted.outOfFold, labels).auc).toBeLessThan(0.6);
  });
});

describe('the whole evaluation', () => {
  it('puts detectors, baselines and the supervised combination in rows of their own, with words', () => {
    const random = createRandom(8);
    const n = 4000;
    const results = Float64Array.from({ length: n }, () => 1 + random.int(40));
    const last = Float64Array.from({ length: n }, () => 1980 + random.int(45));
    const first = Float64Array.from(last, (l) => l - random.int(8));
    const signal = Float64Array.from({ length: n }, () => random.normal());
    const labels = Uint8Array.from(signal, (s, i) => (random.next() < 1 / (1 + Math.exp(-(-4 + 1.2 * s + results[i] / 30))) ? 1 : 0));
    const noise = Float64Array.from({ length: n }, () => random.normal());
    const { report, learned } = evaluateMethods({
      level: 'athlete', labels, group: Int32Array.from({ length: n }, (_, i) => i), athleteIds: Int32Array.from({ length: n }, (_, i) => 100 + i),
      results, firstSeason: first, lastSeason: last, bestZ: noise, learned: true, seed: 1,
      methods: [
        { id: 'signal', label: 'Signal', kind: 'detector', scores: signal, flagged: Uint8Array.from(signal, (s) => (s > 2 ? 1 : 0)) },
        { id: 'noise', label: 'Noise', kind: 'detector', scores: noise, flagged: new Uint8Array(n) },
      ],
    });
    expect(report.rows.map((r) => `${r.method}:${r.kind}`)).toEqual([
      'signal:detector', 'noise:detector', 'baseline-results:baseline', 'baseline-best-z:baseline', 'baseline-era:baseline', 'learned:supervised',
    ]);
    const row = (id: string) => report.rows.find((r) => r.method === id)!;
    expect(row('signal').withinExposure.auc).toBeGreaterThan(0.7);
    expect(Math.abs(row('noise').withinExposure.auc - 0.5)).toBeLessThan(0.06);
    expect(row('learned').averagePrecision).toBeGreaterThan(row('signal').averagePrecision * 0.95);
    const best = Math.max(row('baseline-results').averagePrecision, row('baseline-best-z').averagePrecision, row('baseline-era').averagePrecision);
    expect(row('signal').apOverBaseline).toBeCloseTo(row('signal').averagePrecision / best, 12);
    expect(report.words[0]).toMatch(/^Beyond exposure: Signal \(0\.\d\d\) rank sanctioned athletes/);
    expect(report.words[0]).toContain('Noise does not');
    expect(report.words.at(-1)).toMatch(/^The learned combination is supervised/);
    expect(report.learned!.coefficients.map((c) => c.name)).toContain('number of results (log)');
    expect(report.lift[0].points[0].k).toBe(10);
    expect(learned!.rank.length).toBe(n);
    const top = learned!.rank.indexOf(1);
    expect(largestTermsOf(learned!, top)[0].name).toMatch(/Signal|number of results/);
  });

  it('names the era by the decades of first and last season, against the most common', () => {
    const features = eraFeatures({ results: [1, 1, 1], firstSeason: [1995, 2001, 2003], lastSeason: [2004, 2008, 2012] });
    expect(features.map((f) => f.name)).toEqual(['first season in the 1990s', 'last season in the 2010s']);
    expect(Array.from(rankNormalScores([3, NaN, 1]))[1]).toBeLessThan(Array.from(rankNormalScores([3, NaN, 1]))[2]);
  });
});
