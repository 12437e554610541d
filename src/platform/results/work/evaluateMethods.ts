/**
 * Runs in a compute worker: the evaluation of every method against the sanctions, at the
 * athlete or the performance level — the scored performances (of all events or the one the
 * pivot was asked for) read from one Arrow pivot of every run's scores, handed to the core's
 * evaluation (the same functions check:real runs on native DuckDB).
 */
import type { EvaluationReport } from '../../../core/evaluation/methodEvaluation';
import { evaluateMethods } from '../../../core/evaluation/methodEvaluation';
import { evaluationInput } from '../../../core/evaluation/evaluationInput';
import type { SanctionPeriod } from '../../../core/evaluation/labels';
import { integersOf, numbersOf, readIpc } from '../arrowReading';
import { mapped } from '../../../core/stats/mapped';

export interface EvaluateInput {
  /** evaluationInputSql: performance_id, athlete_id, season, group_id, higher, mark, then s0, f0, s1, f1… per detector. */
  ipc: Uint8Array;
  detectors: { id: string; label: string }[];
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
  const table = readIpc(input.ipc);
  const groupIds = integersOf(table, 'group_id'), higher = integersOf(table, 'higher');
  // Groups densely numbered in the order met (one event's rows carry two of all groups' ids).
  const groupCode = new Map<number, number>();
  const higherIsBetter: number[] = [];
  const groupOf = mapped(Int32Array, groupIds, (id, i) => {
    if (!groupCode.has(id)) {
      groupCode.set(id, higherIsBetter.length);
      higherIsBetter.push(higher[i]);
    }
    return groupCode.get(id)!;
  });
  const athletes = integersOf(table, 'athlete_id'), seasons = integersOf(table, 'season');
  const sanctions = new Map<number, SanctionPeriod[]>();
  input.sanctioned.athleteIds.forEach((id, k) => sanctions.set(id, [...(sanctions.get(id) ?? []), { from: input.sanctioned.from[k], to: input.sanctioned.to[k] }]));
  const evaluation = evaluationInput({
    athleteOf: athletes, season: seasons, groupOf, higherIsBetter, marks: numbersOf(table, 'mark'),
    detectors: input.detectors.map((detector, d) => ({
      id: detector.id, label: detector.label, scores: numbersOf(table, `s${d}`),
      flagged: mapped(Uint8Array, numbersOf(table, `f${d}`), (f) => (f > 0 ? 1 : 0)),
    })),
    sanctions,
  }, input.level, input.consensusMin, input.seed);
  const { report, learned } = evaluateMethods(evaluation);
  if (!learned) return { report, learned: null };
  return { report, learned: { athleteIds: evaluation.athleteIds, probability: learned.probability, rank: learned.rank, names: learned.names, terms: learned.terms } };
}
