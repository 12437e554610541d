/**
 * Ranks with ties given their average rank (1-based), as scipy.stats.rankdata's default.
 * Used by the copula model, score rankings and rank correlations.
 */
import type { Numbers } from './descriptive';
import { sortOrder } from './sortOrder';

/** Indices that sort the values ascending (stable; NaN sorts last). */
export function argsort(values: Numbers): Int32Array {
  return sortOrder(values);
}

/**
 * Average ranks 1..n; NaN values get rank NaN and are not counted. The values are put in
 * order once (sortOrder.ts, linear time) and each run of equal values gets the middle of its
 * positions.
 */
export function averageRanks(values: Numbers): Float64Array {
  const order = sortOrder(values);
  const ranks = new Float64Array(values.length);
  let finite = order.length;
  while (finite > 0 && Number.isNaN(values[order[finite - 1]])) ranks[order[--finite]] = NaN;
  for (let first = 0; first < finite;) {
    const value = values[order[first]];
    let after = first + 1;
    while (after < finite && values[order[after]] === value) after++;
    const rank = (first + 1 + after) / 2; // mean of the 1-based positions first+1 .. after
    for (let t = first; t < after; t++) ranks[order[t]] = rank;
    first = after;
  }
  return ranks;
}
