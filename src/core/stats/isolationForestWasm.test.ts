/**
 * The forest in WebAssembly (wasm/isolationForest.ts) against plain TypeScript written here
 * as the reference: the same trees from the same seed, bit for bit, and the same path
 * lengths by walking and through the lookup tables, whatever the features' number, the ψ,
 * duplicates, rows clipped to one value (as the detector's better-side features are), rows
 * outside the fitted range, ±0, ±Infinity and NaN.
 */
import { describe, expect, it } from 'vitest';
import { averagePathLength, fitIsolationForest, isolationScores, summedPathLengths, type IsolationForestModel } from './isolationForest';
import { createRandom } from './random';

function rows(seed: number, n: number, p: number): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length: n * p }, (_, k) => {
    const v = random.normal();
    // A quarter of the values clipped to 0 and a tenth rounded: many duplicates and ties with cuts.
    return k % 4 === 0 ? Math.max(0, v) : k % 10 === 1 ? Math.round(v) : v;
  });
}

/** The forest as its definition reads, one tree at a time, recursively. */
function referenceFit(points: Float64Array, dims: number, trees: number, samples: number, seed: number): IsolationForestModel {
  const n = points.length / dims, sampleSize = Math.min(samples, n), nodesPerTree = 2 * sampleSize - 1;
  const maxDepth = Math.ceil(Math.log2(Math.max(sampleSize, 2)));
  const model = { dimensions: dims, sampleSize, nodesPerTree, feature: new Int32Array(trees * nodesPerTree).fill(-1), threshold: new Float64Array(trees * nodesPerTree), left: new Int32Array(trees * nodesPerTree) };
  const random = createRandom(seed);
  const pool = Array.from({ length: n }, (_, i) => i);
  for (let tree = 0; tree < trees; tree++) {
    const sample: number[] = [];
    for (let i = 0; i < sampleSize; i++) {
      const j = i + random.int(n - i);
      [pool[i], pool[j]] = [pool[j], pool[i]];
      sample.push(pool[i]);
    }
    const base = tree * nodesPerTree;
    let nodes = 1;
    // Depth first, the right child before the left, as the forest's stack takes them.
    const pending: { node: number; rows: number[]; depth: number }[] = [{ node: 0, rows: sample, depth: 0 }];
    while (pending.length > 0) {
      const { node, rows: here, depth } = pending.pop()!;
      const value = (row: number, d: number) => points[row * dims + d];
      // A feature's range over the node's rows; NaN takes no part (NaN always goes right).
      const finite = (d: number) => here.map((r) => value(r, d)).filter((v) => !Number.isNaN(v));
      const range = (d: number) => [Math.min(...finite(d)), Math.max(...finite(d))];
      const usable = depth < maxDepth && here.length > 1 ? Array.from({ length: dims }, (_, d) => d).filter((d) => range(d)[1] > range(d)[0]) : [];
      if (usable.length === 0) { model.threshold[base + node] = depth + averagePathLength(here.length); continue; }
      const d = usable[random.int(usable.length)];
      const [low, high] = range(d);
      let split = low + random.next() * (high - low);
      if (split >= high) split = low;
      // The partition swaps rows in place, so the children's order is the forest's own.
      const ordered = here.slice();
      let mid = 0;
      for (let i = 0; i < ordered.length; i++) if (value(ordered[i], d) <= split) { [ordered[i], ordered[mid]] = [ordered[mid], ordered[i]]; mid++; }
      model.feature[base + node] = d;
      model.threshold[base + node] = split;
      const left = nodes++, right = nodes++;
      model.left[base + node] = left;
      pending.push({ node: left, rows: ordered.slice(0, mid), depth: depth + 1 }, { node: right, rows: ordered.slice(mid), depth: depth + 1 });
    }
  }
  return model;
}

/** Each row's path lengths summed over the trees in order, walking each tree from its root. */
function referenceWalk(model: IsolationForestModel, points: Float64Array): Float64Array {
  const { dimensions: dims, nodesPerTree, feature, threshold, left } = model;
  const trees = feature.length / nodesPerTree;
  return Float64Array.from({ length: points.length / dims }, (_, row) => {
    let total = 0;
    for (let base = 0; base < trees * nodesPerTree; base += nodesPerTree) {
      let node = 0;
      while (feature[base + node] >= 0) node = points[row * dims + feature[base + node]] <= threshold[base + node] ? left[base + node] : left[base + node] + 1;
      total += threshold[base + node];
    }
    return total;
  });
}

const differing = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let count = Math.abs(a.length - b.length);
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (!Object.is(a[i], b[i])) count++;
  return count;
};

describe('isolation forest in WebAssembly', () => {
  it.each([
    [1, 2, 50, 0], [1, 256, 3_000, 5], [2, 16, 2_000, 1], [2, 256, 5_000, 3], [3, 64, 700, 9], [6, 1_000, 300, 2],
  ])('grows the reference\u2019s trees to the bit (%i features, \u03c8 %i, %i rows, seed %i)', (p, samples, n, seed) => {
    const points = rows(p * 100 + samples, n, p);
    points[3] = NaN; points[p * 5] = -0; points[p * 6] = Infinity;
    const ours = fitIsolationForest(points, p, { trees: 25, samples, seed }), reference = referenceFit(points, p, 25, samples, seed);
    expect(ours.sampleSize).toBe(reference.sampleSize);
    expect(differing(ours.feature, reference.feature)).toBe(0);
    expect(differing(ours.left, reference.left)).toBe(0);
    expect(differing(ours.threshold, reference.threshold)).toBe(0);
    // Not one tree repeated: the random numbers run on across trees.
    expect(differing(ours.threshold.subarray(0, ours.nodesPerTree), ours.threshold.subarray(ours.nodesPerTree, 2 * ours.nodesPerTree))).toBeGreaterThan(0);
  });

  it.each([
    [1, 256, 3_000], [2, 256, 5_000], [2, 16, 2_000], [3, 64, 2_000], [2, 1024, 4_000],
  ])('walks and looks up the reference walk\u2019s path length exactly (%i features, \u03c8 %i, %i rows)', (p, samples, n) => {
    const fitted = rows(p * 100 + samples, n, p);
    const model = fitIsolationForest(fitted, p, { trees: 40, samples, seed: 3 });
    // New rows too: beyond the fitted range, exactly on a cut, NaN.
    const scored = Float64Array.from([...fitted, ...rows(9, 500, p).map((v) => v * 3)]);
    scored[p * 7] = model.threshold[0];
    scored[p * 11 + p - 1] = NaN;
    const reference = referenceWalk(model, scored);
    const walked = summedPathLengths(model, scored, 'walk')!, looked = summedPathLengths(model, scored, 'tables');
    expect(looked).not.toBeNull();
    expect(walked.length).toBe(n + 500);
    expect(differing(walked, reference)).toBe(0);
    expect(differing(looked!, reference)).toBe(0);
  });

  it('walks when the tables would outgrow their budget (many features at a large \u03c8)', () => {
    const model = fitIsolationForest(rows(4, 5_000, 6), 6, { trees: 50, samples: 4096, seed: 1 });
    const points = rows(5, 200, 6);
    expect(summedPathLengths(model, points, 'tables')).toBeNull();
    const normaliser = 50 * averagePathLength(4096);
    expect(Array.from(isolationScores(model, points))).toEqual(Array.from(referenceWalk(model, points), (t) => Math.pow(2, -t / normaliser)));
  });

  it('scores a large event, then a small one, each as the reference walk does (memory grown, then let go)', () => {
    const large = rows(6, 1_200_000, 2), small = rows(7, 4_000, 2);
    for (const points of [large, small]) {
      const model = fitIsolationForest(points, 2, { trees: 10, samples: 256, seed: 2 });
      const scores = isolationScores(model, points);
      const normaliser = 10 * averagePathLength(256);
      expect(differing(scores, Array.from(referenceWalk(model, points), (t) => Math.pow(2, -t / normaliser)))).toBe(0);
    }
  }, 60_000);
});
