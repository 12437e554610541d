/**
 * A k-d tree over points stored row-major in one Float64Array (n × dimensions), built by
 * median splits on the widest dimension, for k-nearest-neighbour queries in
 * O(log n)-ish time so LOF scales to 100k performances an event. Nodes live in typed
 * arrays; the far side of a split is pruned with the incremental cell distance of
 * Arya & Mount, which is tighter than the plain distance to the splitting plane.
 *
 * The build and the queries run in WebAssembly (wasm/kdTree.ts, compiled by
 * scripts/build-wasm.ts): the same algorithm with the same floating-point operations in the
 * same order as the TypeScript it replaced, so the same neighbours and distances to the bit.
 * Measured on 22,000 two-feature points, k = 20: 73 ms against 128 ms for the warm
 * TypeScript in Node, and none of the JIT's warm-up (in a compute worker the TypeScript tree
 * was compiled again and again while a run's first groups were judged). This file lays the
 * arrays out in the module's memory and copies the answers back into ordinary typed arrays.
 * LOF (localOutlierFactors) runs whole in one call, so the n × k table never leaves the
 * module: over the 44 groups of the 1M bench file on one Node thread, 1.23–1.40 s against
 * 1.39–1.68 s when its three rounds of search and its densities went through JavaScript.
 */
import { kdTreeWasm } from './kdTreeWasm.generated';
import { wasmInstance, WasmLayout } from './wasmInstance';

export interface KdTree {
  readonly points: Float64Array;
  readonly dimensions: number;
  readonly order: Int32Array; // point indices, grouped so each node covers order[start..end)
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly left: Int32Array; // −1 at a leaf
  readonly right: Int32Array;
  readonly splitDimension: Int32Array;
  readonly splitValue: Float64Array;
}

export interface NeighborTable {
  k: number;
  indices: Int32Array; // n × k, nearest first
  distances: Float64Array; // Euclidean, n × k, ascending
}

interface KdTreeModule {
  memory: WebAssembly.Memory;
  build(points: number, n: number, dims: number, leafSize: number, order: number, start: number, end: number, left: number, right: number, splitDimension: number, splitValue: number, stack: number): number;
  query(points: number, n: number, dims: number, k: number, order: number, start: number, end: number, left: number, right: number, splitDimension: number, splitValue: number,
    indices: number, distances: number, wanted: number, heapDistance: number, heapIndex: number, offsets: number, stackNode: number, stackDimension: number, stackDistance: number, stackGap: number): void;
  localOutlierFactor(points: number, n: number, dims: number, k: number, leafSize: number, wanted: number,
    order: number, start: number, end: number, left: number, right: number, splitDimension: number, splitValue: number, stack: number, capacity: number,
    indices: number, distances: number, heapDistance: number, heapIndex: number, offsets: number, stackNode: number, stackDimension: number, stackDistance: number, stackGap: number,
    ask: number, next: number, searched: number, needDensity: number, kDistance: number, density: number, factor: number): void;
}

/** The thread's one instance (wasmInstance.ts: made on first use, let go after a call that grew it past 64 MB). */
const kdTree = wasmInstance<KdTreeModule>('k-d tree', kdTreeWasm);

/** Byte offsets of the arrays of one tree and its queries in the module's memory (8-byte aligned). */
interface Layout {
  points: number; order: number; start: number; end: number; left: number; right: number; splitDimension: number; splitValue: number; stack: number;
  indices: number; distances: number; wanted: number; heapDistance: number; heapIndex: number; offsets: number;
  stackNode: number; stackDimension: number; stackDistance: number; stackGap: number;
}

/** Lays out a tree of n points (capacity nodes) and an n × k table, growing the memory to fit; more can be taken from `memory` after. */
function layout(module: KdTreeModule, n: number, dimensions: number, capacity: number, k: number): { at: Layout; memory: WasmLayout } {
  const memory = new WasmLayout(module.memory); // 0 stays unused: a null `wanted` is passed as 0
  const take = (bytes: number) => memory.take(bytes);
  const stackCapacity = 2 * (capacity + 1);
  const at: Layout = {
    points: take(n * dimensions * 8), order: take(n * 4), start: take(capacity * 4), end: take(capacity * 4), left: take(capacity * 4), right: take(capacity * 4),
    splitDimension: take(capacity * 4), splitValue: take(capacity * 8), stack: take(capacity * 4),
    indices: take(n * k * 4), distances: take(n * k * 8), wanted: take(n), heapDistance: take(k * 8), heapIndex: take(k * 4), offsets: take(dimensions * 8),
    stackNode: take(stackCapacity * 4), stackDimension: take(stackCapacity * 4), stackDistance: take(stackCapacity * 8), stackGap: take(stackCapacity * 8),
  };
  return { at, memory };
}

export function buildKdTree(points: Float64Array, dimensions: number, leafSize = 16): KdTree {
  if (!(dimensions >= 1) || points.length % dimensions !== 0) throw new Error(`invalid dimensions: ${dimensions}`);
  if (!(leafSize >= 1)) throw new Error(`invalid leafSize: ${leafSize}`);
  const n = points.length / dimensions;
  const capacity = 4 * Math.ceil(n / leafSize) + 4;
  const module = kdTree.get();
  const { at } = layout(module, n, dimensions, capacity, 0);
  const memory = module.memory.buffer;
  new Float64Array(memory, at.points, n * dimensions).set(points);
  for (const offset of [at.start, at.end, at.splitDimension]) new Int32Array(memory, offset, capacity).fill(0);
  for (const offset of [at.left, at.right]) new Int32Array(memory, offset, capacity).fill(-1);
  new Float64Array(memory, at.splitValue, capacity).fill(0);
  module.build(at.points, n, dimensions, leafSize, at.order, at.start, at.end, at.left, at.right, at.splitDimension, at.splitValue, at.stack);
  const int32 = (offset: number, length: number) => new Int32Array(memory, offset, length).slice();
  const tree = {
    points, dimensions, order: int32(at.order, n), start: int32(at.start, capacity), end: int32(at.end, capacity), left: int32(at.left, capacity), right: int32(at.right, capacity),
    splitDimension: int32(at.splitDimension, capacity), splitValue: new Float64Array(memory, at.splitValue, capacity).slice(),
  };
  kdTree.release();
  return tree;
}

/**
 * The k nearest other points of every point (a point is never its own neighbour). Each query
 * descends to the nearer side first and visits the far side only if its cell can still hold
 * a point nearer than the k-th best so far; a point is taken only when strictly nearer than
 * the k-th best so far (scikit-learn's rule), into a max-heap, so which of several equally
 * distant points stays follows the order they are met in. The descent keeps its own stack
 * (no recursion, no allocation per node): a million queries make a hundred million node
 * visits and distances. The app's LOF searches inside localOutlierFactors; this and
 * buildKdTree let the tests hold the module's tree and search against brute force.
 */
export function allNearestNeighbors(tree: KdTree, k: number): NeighborTable {
  const { points, dimensions } = tree;
  const n = points.length / dimensions, capacity = tree.left.length;
  if (!(k >= 1 && k < n)) throw new Error(`invalid k: ${k} (needs 1 ≤ k < ${n})`);
  const module = kdTree.get();
  const { at } = layout(module, n, dimensions, capacity, k);
  const memory = module.memory.buffer;
  new Float64Array(memory, at.points, n * dimensions).set(points);
  new Int32Array(memory, at.order, n).set(tree.order);
  for (const [offset, values] of [[at.start, tree.start], [at.end, tree.end], [at.left, tree.left], [at.right, tree.right], [at.splitDimension, tree.splitDimension]] as const) new Int32Array(memory, offset, capacity).set(values);
  new Float64Array(memory, at.splitValue, capacity).set(tree.splitValue);
  new Float64Array(memory, at.offsets, dimensions).fill(0);
  module.query(at.points, n, dimensions, k, at.order, at.start, at.end, at.left, at.right, at.splitDimension, at.splitValue,
    at.indices, at.distances, 0, at.heapDistance, at.heapIndex, at.offsets, at.stackNode, at.stackDimension, at.stackDistance, at.stackGap);
  const table = { k, indices: new Int32Array(memory, at.indices, n * k).slice(), distances: new Float64Array(memory, at.distances, n * k).slice() };
  kdTree.release();
  return table;
}

/**
 * The local outlier factor of every wanted point (every point when `wanted` is null; NaN
 * elsewhere), as localOutlierFactor.ts defines it, computed in one call of the module: the
 * tree, its searches and the densities (wasm/kdTree.ts). k must lie in 1..n − 1.
 */
export function localOutlierFactors(points: Float64Array, dimensions: number, k: number, wanted: Uint8Array | null, leafSize = 16): Float64Array {
  const n = points.length / dimensions;
  if (!(k >= 1 && k < n)) throw new Error(`invalid k: ${k} (needs 1 ≤ k < ${n})`);
  if (wanted && wanted.length !== n) throw new Error(`invalid wanted: ${wanted.length} flags for ${n} points`);
  const capacity = 4 * Math.ceil(n / leafSize) + 4;
  const module = kdTree.get();
  const { at, memory } = layout(module, n, dimensions, capacity, k);
  const extra = { ask: memory.take(n), next: memory.take(n), searched: memory.take(n), needDensity: memory.take(n), kDistance: memory.take(n * 8), density: memory.take(n * 8), factor: memory.take(n * 8) };
  new Float64Array(module.memory.buffer, at.points, n * dimensions).set(points);
  if (wanted) new Uint8Array(module.memory.buffer, at.wanted, n).set(wanted);
  module.localOutlierFactor(at.points, n, dimensions, k, leafSize, wanted ? at.wanted : 0, at.order, at.start, at.end, at.left, at.right, at.splitDimension, at.splitValue, at.stack, capacity,
    at.indices, at.distances, at.heapDistance, at.heapIndex, at.offsets, at.stackNode, at.stackDimension, at.stackDistance, at.stackGap,
    extra.ask, extra.next, extra.searched, extra.needDensity, extra.kDistance, extra.density, extra.factor);
  const factor = memory.float64(extra.factor, n).slice();
  kdTree.release();
  return factor;
}
