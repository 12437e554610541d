/**
 * Robust location and covariance by the minimum covariance determinant (Rousseeuw & Van
 * Driessen's FastMCD): random (p+1)-subsets, C-steps (keep the h rows closest under the
 * current estimate; the determinant never increases), the best candidates iterated to
 * convergence, then, as scikit-learn's MinCovDet, a consistency correction (median d² /
 * χ²_p(0.5)) and one reweighting step on the rows with d² below χ²_p(0.975).
 * For n > 1500 the trials run on a seeded subsample and the best candidates are finished
 * on all rows. A ridge of `ridge` on the diagonal keeps discrete features (counts, imputed
 * medians) from making the h-subset singular.
 */
import { chiSquareQuantile } from './chiSquare';
import { median, selectNth } from './robust';
import { createRandom } from './random';
import { cholesky, logDeterminantFromCholesky, mahalanobisSquared, subsetMoments } from './smallMatrix';

export interface MinimumCovarianceOptions { seed: number; trials?: number; ridge?: number }
export interface RobustCovariance { location: Float64Array; covariance: Float64Array; distances: Float64Array }

interface Candidate { location: Float64Array; factor: Float64Array; logDet: number }

export function minimumCovarianceDeterminant(points: Float64Array, p: number, options: MinimumCovarianceOptions): RobustCovariance {
  const n = points.length / p;
  const trials = options.trials ?? 30, ridge = options.ridge ?? 1e-3;
  if (!Number.isInteger(n) || n < p + 2) throw new Error(`invalid points: need at least ${p + 2} rows of ${p}`);
  if (!(trials >= 1) || !(ridge >= 0)) throw new Error(`invalid MCD options: trials ${trials}, ridge ${ridge}`);
  const random = createRandom(options.seed);
  const subsampleRows = n > 1500 ? random.shuffled(Array.from(new Int32Array(n).keys())).slice(0, 1500) : null;
  const subsample = subsampleRows ? gather(points, p, subsampleRows) : points;
  const m = subsample.length / p;
  const estimate = (pts: Float64Array, rows: Int32Array, count: number): Candidate | null => {
    const { location, covariance } = subsetMoments(pts, p, rows, count);
    for (let a = 0; a < p; a++) covariance[a * p + a] += ridge;
    const factor = cholesky(covariance, p);
    return factor && { location, factor, logDet: logDeterminantFromCholesky(factor, p) };
  };
  const cStep = (pts: Float64Array, start: Candidate, steps: number): Candidate => {
    const count = pts.length / p, h = Math.floor((count + p + 1) / 2);
    const d2 = new Float64Array(count);
    let current = start;
    for (let s = 0; s < steps; s++) {
      mahalanobisSquared(pts, p, current.location, current.factor, d2);
      const closest = closestRows(d2, h);
      const next = estimate(pts, closest, h);
      if (!next || next.logDet >= current.logDet - 1e-12) return next && next.logDet < current.logDet ? next : current;
      current = next;
    }
    return current;
  };
  const candidates: Candidate[] = [];
  const seedRows = new Int32Array(p + 1);
  for (let t = 0; t < trials; t++) {
    for (let i = 0; i <= p; i++) seedRows[i] = random.int(m);
    const start = estimate(subsample, seedRows, p + 1);
    if (start) candidates.push(cStep(subsample, start, 2));
  }
  if (candidates.length === 0) throw new Error('MCD: every random start was singular');
  candidates.sort((a, b) => a.logDet - b.logDet);
  let best = candidates.slice(0, 10).map((c) => cStep(subsample, c, 100)).sort((a, b) => a.logDet - b.logDet)[0];
  if (subsampleRows) best = cStep(points, best, 100);
  // Consistency correction and reweighting, as sklearn's MinCovDet.correct/reweight.
  const distances = mahalanobisSquared(points, p, best.location, best.factor, new Float64Array(n));
  const correction = median(distances) / chiSquareQuantile(0.5, p);
  const cutoff = chiSquareQuantile(0.975, p) * correction;
  const kept = new Int32Array(n);
  let keptCount = 0;
  for (let i = 0; i < n; i++) if (distances[i] < cutoff) kept[keptCount++] = i;
  const reweighted = (keptCount > p && estimate(points, kept, keptCount)) || best;
  const covariance = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j <= i; j++) {
    let sum = 0;
    for (let k = 0; k <= j; k++) sum += reweighted.factor[i * p + k] * reweighted.factor[j * p + k];
    covariance[i * p + j] = covariance[j * p + i] = sum;
  }
  mahalanobisSquared(points, p, reweighted.location, reweighted.factor, distances);
  return { location: reweighted.location, covariance, distances };
}

function gather(points: Float64Array, p: number, rows: number[]): Float64Array {
  const out = new Float64Array(rows.length * p);
  rows.forEach((row, i) => out.set(points.subarray(row * p, row * p + p), i * p));
  return out;
}

/** Indices of the h smallest distances (ties broken by index); the h-th smallest found by selection, not a sort. */
function closestRows(d2: Float64Array, h: number): Int32Array {
  const copy = Float64Array.from(d2);
  let finite = true;
  for (let i = 0; i < copy.length && finite; i++) finite = copy[i] === copy[i];
  if (finite) selectNth(copy, h - 1);
  else copy.sort(); // a NaN (a singular estimate) sorts last
  const limit = copy[h - 1];
  const rows = new Int32Array(h);
  let count = 0;
  for (let i = 0; i < d2.length && count < h; i++) if (d2[i] < limit) rows[count++] = i;
  for (let i = 0; i < d2.length && count < h; i++) if (d2[i] === limit) rows[count++] = i;
  return rows;
}
