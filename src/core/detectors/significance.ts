/**
 * The one rule from a chance to a flag, for every detector whose score is a probability:
 * the score is −log10 p (a mark with a 1-in-1000 chance scores 3), and the detector flags at
 * the analyst's significance α, i.e. at a score of −log10 α. One parameter, one threshold,
 * one way to read a score back as a chance, written once.
 */
import type { ParameterSpec } from './types';

export function significanceParameter(defaultValue: number, label = 'Flag when the chance is at most'): ParameterSpec {
  return { default: defaultValue, min: 1e-9, max: 0.5, label };
}

/** The score at which a probability of `significance` or less flags. */
export function significanceThreshold(significance: number): number {
  if (!(significance > 0 && significance <= 1)) throw new Error(`invalid significance: ${significance}`);
  return -Math.log10(significance);
}

/** −log10 p, the score of a probability (0 for p ≥ 1, capped for p = 0). */
export function probabilityScore(probability: number): number {
  return probability >= 1 ? 0 : -Math.log10(Math.max(probability, 1e-300));
}

/** The probability a score stands for. */
export function scoreProbability(score: number): number {
  return Math.pow(10, -score);
}

/** "1 in 240" or "0.012": a chance as a person reads it. */
export function formatChance(probability: number): string {
  if (!(probability > 0)) return '0';
  if (probability >= 0.01) return probability.toFixed(probability >= 0.1 ? 2 : 3);
  return `1 in ${Math.round(1 / probability).toLocaleString('en')}`;
}
