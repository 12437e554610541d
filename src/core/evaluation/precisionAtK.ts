/**
 * Precision among the k highest scores, the question an analyst with time for k files asks:
 * "of the first 50 I would open, how many were sanctioned?". Items tied at the cut enter in
 * proportion (the expected precision over the tie's orders), so the figure does not depend
 * on the input's order. Lift at k is that precision over the base rate: 1 is a random pick.
 * NaN scores rank last.
 */
const key = (score: number): number => (Number.isNaN(score) ? -Infinity : score);

/** Precision at each k (ascending or not), from one sort. */
export function precisionsAtK(scores: ArrayLike<number>, labels: ArrayLike<number>, ks: readonly number[]): number[] {
  if (scores.length !== labels.length) throw new Error(`precisionAtK: lengths differ (${scores.length} scores, ${labels.length} labels)`);
  for (const k of ks) if (!(Number.isInteger(k) && k >= 1)) throw new Error(`invalid k: ${k}`);
  const n = scores.length;
  if (n === 0) return ks.map(() => NaN);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => key(scores[b]) - key(scores[a]));
  // Cumulative expected positives at each position, ties spread evenly over their run.
  const expected = new Float64Array(n + 1);
  for (let t = 0; t < n;) {
    let end = t + 1;
    while (end < n && key(scores[order[end]]) === key(scores[order[t]])) end++;
    let tied = 0;
    for (let u = t; u < end; u++) tied += labels[order[u]] ? 1 : 0;
    for (let u = t; u < end; u++) expected[u + 1] = expected[t] + (tied * (u + 1 - t)) / (end - t);
    t = end;
  }
  return ks.map((k) => expected[Math.min(k, n)] / Math.min(k, n));
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
