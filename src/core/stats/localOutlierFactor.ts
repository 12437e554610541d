/**
 * Local outlier factor (Breunig et al. 2000) exactly as scikit-learn's LocalOutlierFactor
 * computes it for its training points: k nearest other points (Euclidean, from a k-d
 * tree), reachability distance reach(a, b) = max(k-distance(b), d(a, b)), local
 * reachability density lrd(a) = 1 / (mean reach(a, ·) + 1e-10) — the 1e-10 is sklearn's
 * guard for duplicates — and LOF(a) = mean lrd of a's neighbours / lrd(a).
 * Returned as −negative_outlier_factor_, so 1 is ordinary and higher is more anomalous.
 */
import { allNearestNeighbors, buildKdTree, type NeighborTable } from './kdTree';

export interface LocalOutlierFactorResult {
  factor: Float64Array;
  neighbors: NeighborTable;
}

export function localOutlierFactor(points: Float64Array, dimensions: number, neighbors: number): LocalOutlierFactorResult {
  const n = points.length / dimensions;
  if (!Number.isInteger(n) || n < 2) throw new Error(`invalid points: need at least 2 rows of ${dimensions}`);
  if (!(neighbors >= 1)) throw new Error(`invalid neighbors: ${neighbors}`);
  const k = Math.min(Math.floor(neighbors), n - 1); // sklearn caps n_neighbors at n − 1 too
  const table = allNearestNeighbors(buildKdTree(points, dimensions), k);
  const { indices, distances } = table;
  const kDistance = new Float64Array(n);
  for (let i = 0; i < n; i++) kDistance[i] = distances[i * k + k - 1];
  const density = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < k; j++) {
      const neighbor = indices[i * k + j];
      sum += Math.max(kDistance[neighbor], distances[i * k + j]);
    }
    density[i] = 1 / (sum / k + 1e-10);
  }
  const factor = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < k; j++) sum += density[indices[i * k + j]];
    factor[i] = sum / k / density[i];
  }
  return { factor, neighbors: table };
}
