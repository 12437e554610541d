/**
 * Has a score distribution drifted from a reference (streaming scores against the batch
 * recomputation, today against last week)?
 * - ksStatistic: the two-sample Kolmogorov–Smirnov D, the largest gap between the two
 *   empirical CDFs (0 identical, 1 disjoint);
 * - populationStabilityIndex: PSI = Σ (a_i − e_i) ln(a_i / e_i) over bins cut at the
 *   reference's quantiles, e_i the reference's share and a_i the current share of bin i; an
 *   empty bin's share is replaced by `epsilon` so the logarithm stays finite. Common reading:
 *   below 0.1 stable, 0.1–0.25 some shift, above 0.25 a real shift.
 */
import type { Numbers } from './descriptive';

function sortedFinite(values: Numbers, name: string): Float64Array {
  const sorted = Float64Array.from(values);
  if (sorted.length === 0) throw new Error(`${name} is empty`);
  for (const value of sorted) if (!Number.isFinite(value)) throw new Error(`${name} holds a value that is not finite: ${value}`);
  return sorted.sort();
}

export function ksStatistic(reference: Numbers, current: Numbers): number {
  const a = sortedFinite(reference, 'reference');
  const b = sortedFinite(current, 'current');
  let i = 0;
  let j = 0;
  let gap = 0;
  while (i < a.length && j < b.length) {
    // Step past every copy of the smaller value in both samples, then compare the CDFs.
    const value = Math.min(a[i], b[j]);
    while (i < a.length && a[i] === value) i++;
    while (j < b.length && b[j] === value) j++;
    gap = Math.max(gap, Math.abs(i / a.length - j / b.length));
  }
  return gap;
}

export interface PsiOptions {
  /** Number of quantile bins of the reference (10). */
  bins?: number;
  /** Share that stands in for an empty bin (1e-4). */
  epsilon?: number;
}

/** Inner cut points at the reference's k/bins quantiles (linear interpolation), deduplicated. */
export function quantileEdges(sortedReference: Float64Array, bins: number): number[] {
  const edges: number[] = [];
  const n = sortedReference.length;
  for (let k = 1; k < bins; k++) {
    const position = ((n - 1) * k) / bins;
    const low = Math.floor(position);
    const high = Math.min(n - 1, low + 1);
    const edge = sortedReference[low] + (sortedReference[high] - sortedReference[low]) * (position - low);
    if (edges.length === 0 || edge > edges[edges.length - 1]) edges.push(edge);
  }
  return edges;
}

/** Bin i holds values in (edge[i−1], edge[i]]; the first and last bins are open-ended. */
function binShares(values: Float64Array, edges: number[], epsilon: number): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (const value of values) {
    let bin = 0;
    while (bin < edges.length && value > edges[bin]) bin++;
    counts[bin] += 1;
  }
  return counts.map((count) => Math.max(count / values.length, epsilon));
}

export function populationStabilityIndex(reference: Numbers, current: Numbers, options: PsiOptions = {}): number {
  const bins = options.bins ?? 10;
  const epsilon = options.epsilon ?? 1e-4;
  if (!Number.isInteger(bins) || bins < 2) throw new Error(`invalid bins: ${bins}`);
  if (!(epsilon > 0 && epsilon < 1)) throw new Error(`invalid epsilon: ${epsilon}`);
  const expected = sortedFinite(reference, 'reference');
  const actual = sortedFinite(current, 'current');
  const edges = quantileEdges(expected, bins);
  const expectedShares = binShares(expected, edges, epsilon);
  const actualShares = binShares(actual, edges, epsilon);
  let psi = 0;
  for (let i = 0; i < expectedShares.length; i++) {
    psi += (actualShares[i] - expectedShares[i]) * Math.log(actualShares[i] / expectedShares[i]);
  }
  return psi;
}
