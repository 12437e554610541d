/**
 * Isolation forest (Liu, Ting & Zhou 2008) with scikit-learn's definitions: each tree is
 * grown on ψ = min(samples, n) rows drawn without replacement, splits a uniformly chosen
 * non-constant feature at a uniform threshold in [min, max) (x ≤ threshold goes left),
 * stops at depth ceil(log2 ψ) or one row, and a leaf holding m training rows adds c(m) to
 * its depth. Score s(x) = 2^(−E[h(x)]/c(ψ)) = −score_samples: about 0.5 ordinary, → 1 anomalous.
 * All trees live in flat typed arrays.
 *
 * The fit and the path lengths run in WebAssembly (wasm/isolationForest.ts, compiled by
 * scripts/build-wasm.ts; why, and how the lookup tables work, is said there): the same
 * random numbers and floating-point operations in the same order as the TypeScript it
 * replaced, so the same trees and scores to the bit. This file lays the arrays out in the
 * module's memory, computes what needs a logarithm (c(m), the depth limit, the final
 * power of two) and copies the answers back into ordinary typed arrays.
 */
import { isolationForestWasm } from './isolationForestWasm.generated';
import { wasmInstance, WasmLayout } from './wasmInstance';

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

interface ForestModule {
  memory: WebAssembly.Memory;
  fit(points: number, n: number, dims: number, trees: number, sampleSize: number, maxDepth: number, seed: number, leafLength: number,
    feature: number, threshold: number, left: number, pool: number, rows: number, candidates: number, lows: number, highs: number,
    stackNode: number, stackStart: number, stackEnd: number, stackDepth: number): void;
  walk(points: number, n: number, dims: number, trees: number, nodesPerTree: number, feature: number, threshold: number, left: number, totals: number): void;
  cuts(trees: number, nodesPerTree: number, dims: number, feature: number, threshold: number, ownValues: number, ownStart: number,
    stride: number, offset: number, allValues: number, allStart: number, maxCells: number): number;
  fillTables(trees: number, nodesPerTree: number, dims: number, feature: number, threshold: number, left: number, ownValues: number, ownStart: number,
    stride: number, offset: number, allValues: number, allStart: number, below: number, cells: number, stackNode: number, bounds: number, at: number): void;
  score(points: number, n: number, dims: number, trees: number, nodesPerTree: number, threshold: number, allValues: number, allStart: number, stride: number, offset: number,
    below: number, cells: number, position: number, distinct: number, slot: number, capacity: number, rowOf: number, sums: number, totals: number): void;
}

const forest = wasmInstance<ForestModule>('isolation forest', isolationForestWasm);

/** All trees' table cells together, at most (8 MB of leaf numbers); a larger forest is walked instead. */
const MAX_CELLS = 1 << 22;

export function fitIsolationForest(points: Float64Array, dimensions: number, options: IsolationForestOptions): IsolationForestModel {
  const n = points.length / dimensions;
  const { trees, samples, seed } = options;
  if (!Number.isInteger(n) || n < 1) throw new Error(`invalid points: need rows of ${dimensions}`);
  if (!(trees >= 1)) throw new Error(`invalid trees: ${trees}`);
  if (!(samples >= 2)) throw new Error(`invalid samples: ${samples}`);
  const sampleSize = Math.min(Math.floor(samples), n);
  const maxDepth = Math.ceil(Math.log2(Math.max(sampleSize, 2)));
  const nodesPerTree = 2 * sampleSize - 1, nodes = trees * nodesPerTree;
  const leafLength = new Float64Array(sampleSize + 1);
  for (let m = 0; m <= sampleSize; m++) leafLength[m] = averagePathLength(m);
  const module = forest.get();
  const memory = new WasmLayout(module.memory);
  const at = {
    points: memory.putFloat64(points), leafLength: memory.putFloat64(leafLength),
    feature: memory.take(nodes * 4), threshold: memory.take(nodes * 8), left: memory.take(nodes * 4),
    pool: memory.take(n * 4), rows: memory.take(sampleSize * 4), candidates: memory.take(dimensions * 4), lows: memory.take(dimensions * 8), highs: memory.take(dimensions * 8),
    stackNode: memory.take(nodesPerTree * 4), stackStart: memory.take(nodesPerTree * 4), stackEnd: memory.take(nodesPerTree * 4), stackDepth: memory.take(nodesPerTree * 4),
  };
  // The seed as createRandom (random.ts) takes it: 0 becomes the golden ratio's bits.
  module.fit(at.points, n, dimensions, trees, sampleSize, maxDepth, (seed >>> 0) || 0x9e3779b9, at.leafLength, at.feature, at.threshold, at.left,
    at.pool, at.rows, at.candidates, at.lows, at.highs, at.stackNode, at.stackStart, at.stackEnd, at.stackDepth);
  const model = {
    dimensions, sampleSize, nodesPerTree,
    feature: memory.int32(at.feature, nodes).slice(), threshold: memory.float64(at.threshold, nodes).slice(), left: memory.int32(at.left, nodes).slice(),
  };
  forest.release();
  return model;
}

/**
 * Each row's path lengths summed over the trees in tree order (the score's exponent before
 * normalising): by walking every tree from its root, or through the trees' lookup tables,
 * which give every row the same sum; null when the tables would outgrow MAX_CELLS (many
 * features, or a large ψ).
 */
export function summedPathLengths(model: IsolationForestModel, points: Float64Array, how: 'walk' | 'tables'): Float64Array | null {
  const { dimensions: dims, nodesPerTree } = model;
  const n = points.length / dims, nodes = model.feature.length, trees = nodes / nodesPerTree;
  const module = forest.get();
  const memory = new WasmLayout(module.memory);
  const at = { points: memory.putFloat64(points), feature: memory.putInt32(model.feature), threshold: memory.putFloat64(model.threshold), left: memory.putInt32(model.left), totals: memory.take(n * 8) };
  try {
    if (how === 'walk') {
      module.walk(at.points, n, dims, trees, nodesPerTree, at.feature, at.threshold, at.left, at.totals);
      return memory.float64(at.totals, n).slice();
    }
    const shape = {
      ownValues: memory.take(nodes * 8), ownStart: memory.take((trees * dims + 1) * 4), stride: memory.take(trees * dims * 4), offset: memory.take((trees + 1) * 4),
      allValues: memory.take(nodes * 8), allStart: memory.take((dims + 1) * 4),
    };
    const cells = module.cuts(trees, nodesPerTree, dims, at.feature, at.threshold, shape.ownValues, shape.ownStart, shape.stride, shape.offset, shape.allValues, shape.allStart, MAX_CELLS);
    if (cells < 0) return null;
    const allCuts = memory.int32(shape.allStart, dims + 1)[dims];
    const capacity = 2 ** Math.ceil(Math.log2(2 * n + 2));
    const tables = {
      below: memory.take(trees * (allCuts + dims) * 2), cells: memory.take(cells * 2),
      stackNode: memory.take(nodesPerTree * 4), bounds: memory.take(nodesPerTree * 2 * dims * 4), at: memory.take(dims * 4),
      position: memory.take(dims * n * 4), distinct: memory.take(dims * n * 4), slot: memory.take(capacity * 4), rowOf: memory.take(n * 4), sums: memory.take(n * 8),
    };
    module.fillTables(trees, nodesPerTree, dims, at.feature, at.threshold, at.left, shape.ownValues, shape.ownStart, shape.stride, shape.offset, shape.allValues, shape.allStart,
      tables.below, tables.cells, tables.stackNode, tables.bounds, tables.at);
    module.score(at.points, n, dims, trees, nodesPerTree, at.threshold, shape.allValues, shape.allStart, shape.stride, shape.offset, tables.below, tables.cells,
      tables.position, tables.distinct, tables.slot, capacity, tables.rowOf, tables.sums, at.totals);
    return memory.float64(at.totals, n).slice();
  } finally {
    forest.release();
  }
}

/**
 * Anomaly score s(x) of every row of `points` (same dimensions as the fit): through the
 * trees' lookup tables when there are rows enough to pay for them, else by walking each
 * tree; both add the same path lengths in the same order.
 */
export function isolationScores(model: IsolationForestModel, points: Float64Array): Float64Array {
  const n = points.length / model.dimensions;
  const trees = model.feature.length / model.nodesPerTree;
  const normaliser = trees * averagePathLength(model.sampleSize);
  // A walk costs each row about log2 ψ dependent steps per tree; a tree's tables cost a fill of
  // up to (ψ/2)^features cells, cheap sequential writes. The rule (tables from about 3,200 rows
  // at ψ = 256) is the TypeScript forest's, kept as it was, not tuned again.
  const useTables = n * Math.log2(model.sampleSize) >= trees * model.sampleSize;
  const totals = (useTables ? summedPathLengths(model, points, 'tables') : null) ?? summedPathLengths(model, points, 'walk')!;
  for (let i = 0; i < n; i++) totals[i] = Math.pow(2, -totals[i] / normaliser);
  return totals;
}
