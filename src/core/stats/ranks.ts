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

/** Average ranks 1..n; NaN values get rank NaN and are not counted. */
export function averageRanks(values: Numbers): Float64Array {
  const n = values.length;
  const order = argsort(values);
  const ranks = new Float64Array(n);
  let i = 0;
  while (i < n) {
    const value = values[order[i]];
    if (Number.isNaN(value)) {
      for (; i < n; i++) ranks[order[i]] = NaN;
      break;
    }
    let j = i + 1;
    while (j < n && values[order[j]] === value) j++;
    const rank = (i + 1 + j) / 2; // mean of the 1-based positions i+1 .. j
    for (let t = i; t < j; t++) ranks[order[t]] = rank;
    i = j;
  }
  return ranks;
}
