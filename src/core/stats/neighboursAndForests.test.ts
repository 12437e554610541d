/** k-d tree against brute force, c(n) against its definition, and MCD against planted contamination. */
import { describe, expect, it } from 'vitest';
import { averagePathLength, fitIsolationForest, isolationScores } from './isolationForest';
import { allNearestNeighbors, buildKdTree } from './kdTree';
import { minimumCovarianceDeterminant } from './minimumCovarianceDeterminant';
import { createRandom } from './random';

function cloud(seed: number, n: number, p: number, rounding = 0): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length: n * p }, () => (rounding ? Math.round(random.normal() * rounding) / rounding : random.normal()));
}

describe('k-d tree', () => {
  it('finds the same k nearest distances as brute force, duplicates included', () => {
    const p = 3, n = 600, k = 7;
    const points = cloud(5, n, p, 4); // rounded to quarters: many ties and duplicates
    const table = allNearestNeighbors(buildKdTree(points, p, 8), k);
    for (let i = 0; i < n; i++) {
      const brute: number[] = [];
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        let d2 = 0;
        for (let d = 0; d < p; d++) d2 += (points[i * p + d] - points[j * p + d]) ** 2;
        brute.push(Math.sqrt(d2));
      }
      brute.sort((a, b) => a - b);
      for (let t = 0; t < k; t++) expect(table.distances[i * k + t]).toBeCloseTo(brute[t], 12);
      expect(Array.from(table.indices.slice(i * k, i * k + k))).not.toContain(i);
    }
  });
  it('rejects k that is not below n', () => {
    expect(() => allNearestNeighbors(buildKdTree(cloud(1, 5, 2), 2), 5)).toThrow('invalid k: 5 (needs 1 ≤ k < 5)');
  });
});

describe('isolation forest', () => {
  it('uses the exact c(n) = 2(ln(n − 1) + γ) − 2(n − 1)/n', () => {
    expect(averagePathLength(1)).toBe(0);
    expect(averagePathLength(2)).toBe(1);
    expect(averagePathLength(256)).toBeCloseTo(2 * (Math.log(255) + 0.5772156649015329) - 510 / 256, 14); // 10.2448
    expect(averagePathLength(256)).toBeCloseTo(10.244770920, 8);
  });
  it('gives every row a score in (0, 1), the same for a seed, and a far point near 1', () => {
    const points = cloud(2, 1000, 2);
    points[0] = 9; points[1] = 9;
    const a = isolationScores(fitIsolationForest(points, 2, { trees: 50, samples: 128, seed: 4 }), points);
    const b = isolationScores(fitIsolationForest(points, 2, { trees: 50, samples: 128, seed: 4 }), points);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(a[0]).toBeGreaterThan(0.7);
    expect(Math.max(...a.slice(1))).toBeLessThan(a[0] + 1e-12);
  });
});

describe('minimum covariance determinant', () => {
  it('recovers the clean location and scale despite 20 % far contamination', () => {
    const p = 2, n = 2000;
    const points = cloud(9, n, p);
    for (let i = 0; i < 400; i++) { points[i * p] += 8; points[i * p + 1] += 8; }
    const { location, covariance, distances } = minimumCovarianceDeterminant(points, p, { seed: 1, ridge: 0 });
    expect(Math.abs(location[0])).toBeLessThan(0.15);
    expect(Math.abs(location[1])).toBeLessThan(0.15);
    expect(covariance[0]).toBeGreaterThan(0.8);
    expect(covariance[0]).toBeLessThan(1.25);
    // The contaminated rows lie at d² ≈ 128 against a χ²₂ 0.999 cut-off of 13.8.
    let far = 0;
    for (let i = 0; i < 400; i++) if (distances[i] > 13.8) far++;
    expect(far).toBeGreaterThan(390);
  });
});

describe('local outlier factor', () => {
  it('is the definition applied to the k-d tree\u2019s neighbour table, to the bit, ties and duplicates included', async () => {
    const { localOutlierFactor } = await import('./localOutlierFactor');
    for (const [p, k, rounding] of [[2, 20, 8], [3, 5, 4], [1, 12, 0]] as const) {
      const n = 2_000;
      const points = cloud(p * 10 + k, n, p, rounding);
      const { indices, distances } = allNearestNeighbors(buildKdTree(points, p), k);
      const kDistance = Float64Array.from({ length: n }, (_, i) => distances[i * k + k - 1]);
      const density = Float64Array.from({ length: n }, (_, i) => {
        let sum = 0;
        for (let j = 0; j < k; j++) sum += Math.max(kDistance[indices[i * k + j]], distances[i * k + j]);
        return 1 / (sum / k + 1e-10);
      });
      const expected = Float64Array.from({ length: n }, (_, i) => {
        let sum = 0;
        for (let j = 0; j < k; j++) sum += density[indices[i * k + j]];
        return sum / k / density[i];
      });
      const { factor } = localOutlierFactor(points, p, k);
      let differing = 0;
      for (let i = 0; i < n; i++) if (!Object.is(factor[i], expected[i])) differing++;
      expect(differing).toBe(0);
    }
  });
});

describe('local outlier factor for some points only', () => {
  it('gives the wanted points the factor of the full computation to the bit, and the others none', async () => {
    const { localOutlierFactor } = await import('./localOutlierFactor');
    const points = cloud(8, 3_000, 2, 8); // rounded: duplicates and ties among the neighbours
    const all = localOutlierFactor(points, 2, 20).factor;
    const wanted = Uint8Array.from({ length: 3_000 }, (_, i) => (points[2 * i] + points[2 * i + 1] > 0.5 ? 1 : 0));
    const some = localOutlierFactor(points, 2, 20, wanted).factor;
    let same = 0;
    for (let i = 0; i < 3_000; i++) {
      if (wanted[i]) { expect(Object.is(some[i], all[i]), `row ${i}`).toBe(true); same++; } else expect(some[i]).toBeNaN();
    }
    expect(same).toBeGreaterThan(500);
  });

  it('refuses a wanted mask of another length than the points', async () => {
    const { localOutlierFactor } = await import('./localOutlierFactor');
    expect(() => localOutlierFactor(cloud(2, 100, 2), 2, 5, new Uint8Array(99))).toThrow('invalid wanted: 99 flags for 100 points');
  });
});
