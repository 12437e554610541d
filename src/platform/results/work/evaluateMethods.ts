/**
 * Runs in a compute worker: the evaluation of every method against the sanctions, at the
 * athlete or the performance level — the scored performances (of all events or the one
 * asked for, scoredGroups.ts), handed to the core's evaluation (the same functions
 * check:real runs on native DuckDB).
 */
import type { EvaluationReport } from '../../../core/evaluation/methodEvaluation';
import { evaluateMethods } from '../../../core/evaluation/methodEvaluation';
import { evaluationInput, type ScoredPerformances } from '../../../core/evaluation/evaluationInput';
import type { SanctionPeriod } from '../../../core/evaluation/labels';

export interface EvaluateInput {
  /** Every performance with each detector's scores and flags, transferred. */
  table: Omit<ScoredPerformances, 'sanctions'>;
  sanctioned: { athleteIds: Int32Array; from: Float64Array; to: Float64Array };
  level: 'athlete' | 'performance';
  consensusMin: number;
  seed: number;
}

export interface EvaluateResult {
  report: EvaluationReport;
  /** The learned combination per athlete (athlete level only): for the profile's standing and "why". */
  learned: { athleteIds: Int32Array; probability: Float64Array; rank: Int32Array; names: string[]; terms: Float32Array } | null;
}

export function evaluateScores(input: EvaluateInput): EvaluateResult {
  const sanctions = new Map<number, SanctionPeriod[]>();
  input.sanctioned.athleteIds.forEach((id, k) => sanctions.set(id, [...(sanctions.get(id) ?? []), { from: input.sanctioned.from[k], to: input.sanctioned.to[k] }]));
  const evaluation = evaluationInput({ ...input.table, sanctions }, input.level, input.consensusMin, input.seed);
  const { report, learned } = evaluateMethods(evaluation);
  if (!learned) return { report, learned: null };
  return { report, learned: { athleteIds: evaluation.athleteIds, probability: learned.probability, rank: learned.rank, names: learned.names, terms: learned.terms } };
}
