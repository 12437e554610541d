/**
 * Isolation forest (Liu, Ting & Zhou 2008) with scikit-learn's definitions: each tree is
 * grown on ψ = min(samples, n) rows drawn without replacement, splits a uniformly chosen
 * non-constant feature at a uniform threshold in [min, max) (x ≤ threshold goes left),
 * stops at depth ceil(log2 ψ) or one row, and a leaf holding m training rows adds c(m) to
 * its depth. Score s(x) = 2^(−E[h(x)]/c(ψ)) = −score_samples: about 0.5 ordinary, → 1 anomalous.
 * All trees live in flat typed arrays, so scoring 100k rows is a tight loop.
 */
import { forestTables, tablePathLengths } from './isolationTables';
import { createRandom } from './random';

const EULER_GAMMA = 0.5772156649015329;

/** c(n) = 2H(n − 1) − 2(n − 1)/n with H(i) = ln i + γ; c(2) = 1, c(n ≤ 1) = 0. */
export function averagePathLength(n: number): number {
  if (n <= 1) return 0;
  if (n === 2) return 1;
  return 2 * (Math.log(n - 1) + EULER_GAMMA) - (2 * (n - 1)) / n;
}

export interface IsolationForestOptions { trees: number; samples: number; seed: number }

export interface IsolationForestModel {
  dimensions: number;
  sampleSize: number;
  nodesPerTree: number;
  feature: Int32Array; // −1 marks a leaf
  threshold: Float64Array; // split value, or at a leaf the path length depth + c(m)
  left: Int32Array; // index within the tree of the left child; the right child is left + 1
}

export function fitIsolationForest(points: Float64Array, dimensions: number, options: IsolationForestOptions): IsolationForestModel {
  const n = points.length / dimensions;
  const { trees, samples, seed } = options;
  if (!Number.isInteger(n) || n < 1) throw new Error(`invalid points: need rows of ${dimensions}`);
  if (!(trees >= 1)) throw new Error(`invalid trees: ${trees}`);
  if (!(samples >= 2)) throw new Error(`invalid samples: ${samples}`);
  const sampleSize = Math.min(Math.floor(samples), n);
  const maxDepth = Math.ceil(Math.log2(Math.max(sampleSize, 2)));
  const nodesPerTree = 2 * sampleSize - 1;
  const feature = new Int32Array(trees * nodesPerTree).fill(-1);
  const threshold = new Float64Array(trees * nodesPerTree);
  const leftChild = new Int32Array(trees * nodesPerTree);
  const random = createRandom(seed);
  const pool = new Int32Array(n);
  const rows = new Int32Array(sampleSize);
  const candidates = new Int32Array(dimensions);
  const lows = new Float64Array(dimensions), highs = new Float64Array(dimensions);
  const stackNode = new Int32Array(nodesPerTree), stackStart = new Int32Array(nodesPerTree);
  const stackEnd = new Int32Array(nodesPerTree), stackDepth = new Int32Array(nodesPerTree);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let tree = 0; tree < trees; tree++) {
    // Partial Fisher–Yates: the first ψ entries of the pool are a sample without replacement.
    for (let i = 0; i < sampleSize; i++) {
      const j = i + random.int(n - i);
      const t = pool[i]; pool[i] = pool[j]; pool[j] = t;
      rows[i] = pool[i];
    }
    const base = tree * nodesPerTree;
    let nodeCount = 1, top = 0;
    stackNode[0] = 0; stackStart[0] = 0; stackEnd[0] = sampleSize; stackDepth[0] = 0; top = 1;
    while (top > 0) {
      top--;
      const node = stackNode[top], lo = stackStart[top], hi = stackEnd[top], depth = stackDepth[top];
      let usable = 0;
      if (depth < maxDepth && hi - lo > 1) {
        lows.fill(Infinity); highs.fill(-Infinity);
        for (let i = lo; i < hi; i++) {
          for (let d = 0, b = rows[i] * dimensions; d < dimensions; d++) {
            const v = points[b + d];
            if (v < lows[d]) lows[d] = v;
            if (v > highs[d]) highs[d] = v;
          }
        }
        for (let d = 0; d < dimensions; d++) if (highs[d] > lows[d]) candidates[usable++] = d;
      }
      if (usable === 0) {
        threshold[base + node] = depth + averagePathLength(hi - lo);
        continue;
      }
      const d = candidates[random.int(usable)];
      let split = lows[d] + random.next() * (highs[d] - lows[d]);
      if (split >= highs[d]) split = lows[d];
      let mid = lo; // partition rows[lo..hi) so that x ≤ split comes first
      for (let i = lo; i < hi; i++) {
        if (points[rows[i] * dimensions + d] <= split) { const t = rows[i]; rows[i] = rows[mid]; rows[mid] = t; mid++; }
      }
      feature[base + node] = d;
      threshold[base + node] = split;
      const left = nodeCount++, right = nodeCount++;
      leftChild[base + node] = left;
      stackNode[top] = left; stackStart[top] = lo; stackEnd[top] = mid; stackDepth[top] = depth + 1; top++;
      stackNode[top] = right; stackStart[top] = mid; stackEnd[top] = hi; stackDepth[top] = depth + 1; top++;
    }
  }
  return { dimensions, sampleSize, nodesPerTree, feature, threshold, left: leftChild };
}

/**
 * Anomaly score s(x) of every row of `points` (same dimensions as the fit): through the
 * trees' lookup tables (isolationTables.ts) when there are rows enough to pay for them, else
 * by walking each tree; both add the same path lengths in the same order.
 */
export function isolationScores(model: IsolationForestModel, points: Float64Array): Float64Array {
  const n = points.length / model.dimensions;
  const trees = model.feature.length / model.nodesPerTree;
  const normaliser = trees * averagePathLength(model.sampleSize);
  // A walk costs each row about log2 ψ steps per tree; the tables cost about ψ per tree to build.
  const tables = n * Math.log2(model.sampleSize) >= trees * model.sampleSize ? forestTables(model) : null;
  const totals = tables ? tablePathLengths(tables, points) : walkedPathLengths(model, points);
  return totals.map((total) => Math.pow(2, -total / normaliser));
}

/** Each row's path lengths summed over the trees in order, by walking every tree from its root. */
export function walkedPathLengths(model: IsolationForestModel, points: Float64Array): Float64Array {
  const { dimensions, nodesPerTree, feature, threshold, left: child } = model;
  const trees = feature.length / nodesPerTree;
  const n = points.length / dimensions;
  const totals = new Float64Array(n);
  for (let row = 0; row < n; row++) {
    let total = 0;
    const b = row * dimensions;
    for (let tree = 0, base = 0; tree < trees; tree++, base += nodesPerTree) {
      let node = 0;
      while (feature[base + node] >= 0) {
        const left = child[base + node];
        node = points[b + feature[base + node]] <= threshold[base + node] ? left : left + 1;
      }
      total += threshold[base + node];
    }
    totals[row] = total;
  }
  return totals;
}
