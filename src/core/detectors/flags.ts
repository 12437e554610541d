/**
 * From scores to decisions, written once for every detector: a score flags when it is at
 * least the threshold, and ranks put the most anomalous first (ties share their rank).
 */
import { averageRanks } from '../stats/ranks';

export function flagScores(scores: Float64Array, threshold: number): Uint8Array {
  return flagInto(new Uint8Array(scores.length), 0, scores, threshold);
}

/**
 * The same flags written into `out` from `at` on: a million rows' flags go straight into the
 * evaluation's table, not through an array of their own per group and detector.
 */
export function flagInto(out: Uint8Array, at: number, scores: Float64Array, threshold: number): Uint8Array {
  if (Number.isNaN(threshold)) throw new Error('invalid threshold: NaN');
  if (at < 0 || at + scores.length > out.length) throw new Error(`flags do not fit: ${scores.length} from ${at} in ${out.length}`);
  for (let i = 0; i < scores.length; i++) out[at + i] = scores[i] >= threshold ? 1 : 0;
  return out;
}

/** The positions of the scores that flag (a few in a thousand, where a flag per score would be a million bytes). */
export function flaggedIndices(scores: Float64Array, threshold: number): Int32Array {
  const out = new Int32Array(countFlagged(scores, threshold));
  for (let i = 0, k = 0; i < scores.length; i++) if (scores[i] >= threshold) out[k++] = i;
  return out;
}

/** How many scores flag, without the flags themselves. */
export function countFlagged(scores: Float64Array, threshold: number): number {
  if (Number.isNaN(threshold)) throw new Error('invalid threshold: NaN');
  let count = 0;
  for (let i = 0; i < scores.length; i++) if (scores[i] >= threshold) count++;
  return count;
}

/** Rank 1 = highest score; tied scores get their average rank. */
export function rankScores(scores: Float64Array): Float64Array {
  const negated = new Float64Array(scores.length);
  for (let i = 0; i < scores.length; i++) negated[i] = -scores[i];
  return averageRanks(negated);
}

export function flaggedCount(flagged: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < flagged.length; i++) count += flagged[i];
  return count;
}
