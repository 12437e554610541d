/**
 * Local outlier factor (Breunig et al. 2000) exactly as scikit-learn's LocalOutlierFactor
 * computes it for its training points: k nearest other points (Euclidean, from a k-d
 * tree), reachability distance reach(a, b) = max(k-distance(b), d(a, b)), local
 * reachability density lrd(a) = 1 / (mean reach(a, ·) + 1e-10) — the 1e-10 is sklearn's
 * guard for duplicates — and LOF(a) = mean lrd of a's neighbours / lrd(a).
 * Returned as −negative_outlier_factor_, so 1 is ordinary and higher is more anomalous.
 */
import { allNearestNeighbors, buildKdTree, emptyNeighborTable, nearestNeighborsInto, type NeighborTable } from './kdTree';

export interface LocalOutlierFactorResult {
  /** NaN for a point not wanted. */
  factor: Float64Array;
  /** Rows of points whose neighbours were not needed are left empty (index −1). */
  neighbors: NeighborTable;
}

/**
 * `wanted`: the points whose factor is needed (all when absent). A factor needs the
 * neighbours of its point, those neighbours' neighbours (their density) and the k-distance
 * of those (one more search each), so only those points are searched: about half the work
 * when the detector wants only the better half of an event. Each factor is the one the
 * search of every point gives, to the bit.
 */
export function localOutlierFactor(points: Float64Array, dimensions: number, neighbors: number, wanted?: Uint8Array): LocalOutlierFactorResult {
  const n = points.length / dimensions;
  if (!Number.isInteger(n) || n < 2) throw new Error(`invalid points: need at least 2 rows of ${dimensions}`);
  if (!(neighbors >= 1)) throw new Error(`invalid neighbors: ${neighbors}`);
  const k = Math.min(Math.floor(neighbors), n - 1); // sklearn caps n_neighbors at n − 1 too
  const tree = buildKdTree(points, dimensions);
  let table: NeighborTable;
  // needDensity: the wanted points and their neighbours; searched: every point whose row is answered.
  let needDensity: Uint8Array | null = null;
  if (!wanted) {
    table = allNearestNeighbors(tree, k);
  } else {
    table = emptyNeighborTable(n, k);
    const searched = new Uint8Array(n);
    needDensity = new Uint8Array(n);
    let ask = Uint8Array.from(wanted);
    for (let level = 0; level < 3; level++) {
      for (let i = 0; i < n; i++) if (ask[i]) { if (searched[i]) ask[i] = 0; else searched[i] = 1; }
      nearestNeighborsInto(tree, table, ask);
      if (level < 2) for (let i = 0; i < n; i++) if (ask[i]) needDensity[i] = 1;
      // Next: the neighbours of the points just searched that are not searched yet.
      const next = new Uint8Array(n);
      for (let i = 0; i < n; i++) if (ask[i]) for (let j = 0; j < k; j++) next[table.indices[i * k + j]] = 1;
      ask = next;
    }
  }
  const { indices, distances } = table;
  const kDistance = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) if (indices[i * k] >= 0) kDistance[i] = distances[i * k + k - 1];
  const density = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    if (needDensity && !needDensity[i]) continue;
    let sum = 0;
    for (let j = 0; j < k; j++) {
      const neighbor = indices[i * k + j];
      sum += Math.max(kDistance[neighbor], distances[i * k + j]);
    }
    density[i] = 1 / (sum / k + 1e-10);
  }
  const factor = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    if (wanted && !wanted[i]) continue;
    let sum = 0;
    for (let j = 0; j < k; j++) sum += density[indices[i * k + j]];
    factor[i] = sum / k / density[i];
  }
  return { factor, neighbors: table };
}
