/**
 * Runs in a compute worker: the evaluation of every method against the sanctions, at the
 * athlete or the performance level, over all events or one — the scored performances read
 * from one Arrow pivot of every run's scores, handed to the core's evaluation (the same
 * functions check:real runs on native DuckDB).
 */
import type { EvaluationReport } from '../../../core/evaluation/methodEvaluation';
import { evaluateMethods } from '../../../core/evaluation/methodEvaluation';
import { evaluationInput } from '../../../core/evaluation/evaluationInput';
import type { SanctionPeriod } from '../../../core/evaluation/labels';
import { integersOf, numbersOf, readIpc, textsOf } from '../arrowReading';

export interface EvaluateInput {
  /** performance_id, athlete_id, season, event, sex, direction, mark, then s0, f0, s1, f1… per detector. */
  ipc: Uint8Array;
  detectors: { id: string; label: string }[];
  sanctioned: { athleteIds: Int32Array; from: Float64Array; to: Float64Array };
  level: 'athlete' | 'performance';
  event: string | null;
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
  const events = textsOf(table, 'event');
  const sexes = textsOf(table, 'sex');
  const directions = textsOf(table, 'direction');
  const keep: number[] = [];
  for (let i = 0; i < events.length; i++) if (input.event === null || events[i] === input.event) keep.push(i);
  const pick = (values: Float64Array): Float64Array => Float64Array.from(keep, (i) => values[i]);
  const groupCode = new Map<string, number>();
  const higherIsBetter: number[] = [];
  const groupOf = Int32Array.from(keep, (i) => {
    const key = `${events[i]}|${sexes[i]}`;
    if (!groupCode.has(key)) {
      groupCode.set(key, higherIsBetter.length);
      higherIsBetter.push(directions[i] === 'higher' ? 1 : 0);
    }
    return groupCode.get(key)!;
  });
  const athletes = integersOf(table, 'athlete_id'), seasons = integersOf(table, 'season');
  const sanctions = new Map<number, SanctionPeriod[]>();
  input.sanctioned.athleteIds.forEach((id, k) => sanctions.set(id, [...(sanctions.get(id) ?? []), { from: input.sanctioned.from[k], to: input.sanctioned.to[k] }]));
  const evaluation = evaluationInput({
    athleteOf: Int32Array.from(keep, (i) => athletes[i]),
    season: Int32Array.from(keep, (i) => seasons[i]),
    groupOf, higherIsBetter, marks: pick(numbersOf(table, 'mark')),
    detectors: input.detectors.map((detector, d) => ({
      id: detector.id, label: detector.label, scores: pick(numbersOf(table, `s${d}`)),
      flagged: Uint8Array.from(pick(numbersOf(table, `f${d}`)), (f) => (f > 0 ? 1 : 0)),
    })),
    sanctions,
  }, input.level, input.consensusMin, input.seed);
  const { report, learned } = evaluateMethods(evaluation);
  if (!learned) return { report, learned: null };
  return { report, learned: { athleteIds: evaluation.athleteIds, probability: learned.probability, rank: learned.rank, names: learned.names, terms: learned.terms } };
}
