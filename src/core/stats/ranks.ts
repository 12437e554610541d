/**
 * Ranks with ties given their average rank (1-based), as scipy.stats.rankdata's default.
 * Used by the copula model, score rankings and rank correlations.
 */
import type { Numbers } from './descriptive';

/** Indices that sort the values ascending (stable; NaN sorts last). */
export function argsort(values: Numbers): Int32Array {
  const order = new Int32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => {
    const va = values[a];
    const vb = values[b];
    if (va < vb) return -1;
    if (va > vb) return 1;
    const na = Number.isNaN(va);
    const nb = Number.isNaN(vb);
    if (na !== nb) return na ? 1 : -1;
    return a - b;
  });
  return order;
}

/** The first index of an ascending array whose value is ≥ x (or > x with `strict`). */
function bound(sorted: Float64Array, x: number, strict: boolean): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x || (strict && sorted[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Average ranks 1..n; NaN values get rank NaN and are not counted. The values are sorted
 * once as a typed array (native, far faster than sorting an index with a comparator) and
 * each value's rank is the middle of its run of ties, found by two binary searches.
 */
export function averageRanks(values: Numbers): Float64Array {
  const sorted = Float64Array.from(values as ArrayLike<number>).sort(); // NaN sorts last
  let m = sorted.length;
  while (m > 0 && Number.isNaN(sorted[m - 1])) m--;
  const finite = sorted.subarray(0, m);
  const ranks = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (Number.isNaN(value)) { ranks[i] = NaN; continue; }
    const first = bound(finite, value, false), after = bound(finite, value, true);
    ranks[i] = (first + 1 + after) / 2; // mean of the 1-based positions first+1 .. after
  }
  return ranks;
}
