/**
 * From scores to decisions, written once for every detector: a score flags when it is at
 * least the threshold, and ranks put the most anomalous first (ties share their rank).
 */
import { averageRanks } from '../stats/ranks';

export function flagScores(scores: Float64Array, threshold: number): Uint8Array {
  if (Number.isNaN(threshold)) throw new Error('invalid threshold: NaN');
  const flagged = new Uint8Array(scores.length);
  for (let i = 0; i < scores.length; i++) flagged[i] = scores[i] >= threshold ? 1 : 0;
  return flagged;
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
