/**
 * Local outlier factor (Breunig et al. 2000) exactly as scikit-learn's LocalOutlierFactor
 * computes it for its training points: k nearest other points (Euclidean, from a k-d
 * tree), reachability distance reach(a, b) = max(k-distance(b), d(a, b)), local
 * reachability density lrd(a) = 1 / (mean reach(a, ·) + 1e-10) — the 1e-10 is sklearn's
 * guard for duplicates — and LOF(a) = mean lrd of a's neighbours / lrd(a).
 * Returned as −negative_outlier_factor_, so 1 is ordinary and higher is more anomalous.
 */
import { localOutlierFactors } from './kdTree';

export interface LocalOutlierFactorResult {
  /** NaN for a point not wanted. */
  factor: Float64Array;
}

/**
 * `wanted`: the points whose factor is needed (all when absent; NaN for the others). A factor
 * needs the neighbours of its point, those neighbours' neighbours (their density) and the
 * k-distance of those (one more search each), so only those points are searched: about half
 * the work when the detector wants only the better half of an event. Each factor is the one
 * the search of every point gives, to the bit. The tree, its searches and the densities run
 * in one call of the k-d tree's WebAssembly module (kdTree.ts).
 */
export function localOutlierFactor(points: Float64Array, dimensions: number, neighbors: number, wanted?: Uint8Array): LocalOutlierFactorResult {
  const n = points.length / dimensions;
  if (!Number.isInteger(n) || n < 2) throw new Error(`invalid points: need at least 2 rows of ${dimensions}`);
  if (!(neighbors >= 1)) throw new Error(`invalid neighbors: ${neighbors}`);
  const k = Math.min(Math.floor(neighbors), n - 1); // sklearn caps n_neighbors at n − 1 too
  return { factor: localOutlierFactors(points, dimensions, k, wanted ?? null) };
}
