/**
 * Rank correlations between two score lists over the same items (x[i] and y[i] belong to
 * item i): do the streaming and the batch layer put the players in the same order?
 * - spearman: Pearson correlation of the average ranks (ties share their mean rank);
 * - kendallTau: Kendall's tau-b, (concordant − discordant) / √((n0 − n1)(n0 − n2)), which
 *   corrects for ties in either list (as scipy.stats.kendalltau does by default).
 * Both are NaN when one list is constant (no order to compare) or has fewer than 2 items.
 */
import type { Numbers } from './descriptive';
import { averageRanks } from './ranks';

function checkPaired(x: Numbers, y: Numbers): void {
  if (x.length !== y.length) throw new Error(`rank correlation needs paired lists, got ${x.length} and ${y.length} values`);
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) throw new Error(`rank correlation needs finite values, item ${i} is not`);
  }
}

function pearson(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let meanA = 0;
  let meanB = 0;
  for (let i = 0; i < n; i++) {
    meanA += a[i] / n;
    meanB += b[i] / n;
  }
  let covariance = 0;
  let varianceA = 0;
  let varianceB = 0;
  for (let i = 0; i < n; i++) {
    covariance += (a[i] - meanA) * (b[i] - meanB);
    varianceA += (a[i] - meanA) ** 2;
    varianceB += (b[i] - meanB) ** 2;
  }
  return varianceA === 0 || varianceB === 0 ? NaN : covariance / Math.sqrt(varianceA * varianceB);
}

export function spearman(x: Numbers, y: Numbers): number {
  checkPaired(x, y);
  if (x.length < 2) return NaN;
  return pearson(averageRanks(x), averageRanks(y));
}

/** Kendall's tau-b; O(n²), meant for top-N lists of tens to a few thousand items. */
export function kendallTau(x: Numbers, y: Numbers): number {
  checkPaired(x, y);
  const n = x.length;
  if (n < 2) return NaN;
  let concordant = 0;
  let discordant = 0;
  let tiedX = 0;
  let tiedY = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = Math.sign(x[i] - x[j]);
      const dy = Math.sign(y[i] - y[j]);
      if (dx === 0) tiedX += 1;
      if (dy === 0) tiedY += 1;
      if (dx !== 0 && dy !== 0) {
        if (dx === dy) concordant += 1;
        else discordant += 1;
      }
    }
  }
  const pairs = (n * (n - 1)) / 2;
  const denominator = Math.sqrt((pairs - tiedX) * (pairs - tiedY));
  return denominator === 0 ? NaN : (concordant - discordant) / denominator;
}
