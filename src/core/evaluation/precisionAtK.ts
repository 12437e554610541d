/**
 * Precision among the k highest scores, the question an analyst with time for k files asks:
 * "of the first 50 I would open, how many were sanctioned?". Items tied at the cut enter in
 * proportion (the expected precision over the tie's orders), so the figure does not depend
 * on the input's order. Lift at k is that precision over the base rate: 1 is a random pick.
 * NaN scores rank last.
 */
import { mapped } from '../stats/mapped';
/** How many values of a descending-sorted array are > x, and ≥ x. */
function above(sorted: Float64Array, x: number): [greater: number, atLeast: number] {
  const search = (strict: boolean) => {
    let lo = 0, hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] > x || (!strict && sorted[mid] === x)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return [search(true), search(false)];
}

const descending = (values: number[] | Float64Array): Float64Array =>
  mapped(Float64Array, values, (v) => (Number.isNaN(v) ? -Infinity : v)).sort().reverse();

/** Precision at each k (ascending or not): the k-th highest score cuts, its ties enter in proportion. */
export function precisionsAtK(scores: ArrayLike<number>, labels: ArrayLike<number>, ks: readonly number[]): number[] {
  if (scores.length !== labels.length) throw new Error(`precisionAtK: lengths differ (${scores.length} scores, ${labels.length} labels)`);
  for (const k of ks) if (!(Number.isInteger(k) && k >= 1)) throw new Error(`invalid k: ${k}`);
  const n = scores.length;
  if (n === 0) return ks.map(() => NaN);
  const all = descending(Float64Array.from(scores as ArrayLike<number>));
  const positive: number[] = [];
  for (let i = 0; i < n; i++) if (labels[i]) positive.push(scores[i]);
  const positives = descending(positive);
  return ks.map((k) => {
    const take = Math.min(k, n);
    const cut = all[take - 1];
    const [greater, atLeast] = above(all, cut);
    const [positiveGreater, positiveAtLeast] = above(positives, cut);
    const expected = positiveGreater + ((positiveAtLeast - positiveGreater) * (take - greater)) / (atLeast - greater);
    return expected / take;
  });
}

export function precisionAtK(scores: ArrayLike<number>, labels: ArrayLike<number>, k: number): number {
  return precisionsAtK(scores, labels, [k])[0];
}

/** 10, 20, 50, 100, 200, 500 … and n: a log-spaced list of k for the lift chart. */
export function logSpacedKs(n: number, from = 10): number[] {
  const ks: number[] = [];
  for (let decade = from; decade <= n; decade *= 10) for (const step of [1, 2, 5]) if (decade * step <= n) ks.push(decade * step);
  if (n >= from && ks[ks.length - 1] !== n) ks.push(n);
  return ks;
}
