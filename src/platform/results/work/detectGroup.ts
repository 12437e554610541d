/**
 * Runs in a compute worker: every chosen detector over one event and sex (the group's
 * columns arrive once, as typed arrays, and the detectors share the context computed from
 * them: performanceContext.ts), and the explanation of chosen performances of a finished run
 * (the scores come back from the anomalies table, so a run read from the cache explains
 * exactly like a fresh one).
 */
import { explainPerformance, runDetector } from '../../../core/detectors/registry';
import type { DetectorParameters, EventColumns } from '../../../core/detectors/types';
import { flagScores } from '../../../core/detectors/flags';
import { performanceContext } from '../../../core/detectors/performanceContext';
import { eventGroupColumns, type EventGroupKey } from './eventGroupColumns';
import { standalone, withTaskArena } from '../../pool/taskArena';

export interface DetectGroupInput {
  group: EventGroupKey;
  /** The group's columns in date order (eventFeaturesSql), transferred. */
  columns: Pick<EventColumns, 'mark' | 'athlete' | 'season' | 'dayNumber' | 'age' | 'wind'>;
  detectors: { id: string; params: DetectorParameters }[];
  seed: number;
}

export interface DetectGroupResult {
  /** Milliseconds of the context the detectors share (performanceContext.ts), computed first. */
  contextMilliseconds: number;
  /** Per chosen detector, in order: its scores and threshold, or why it could not judge the group ("too few results"). */
  runs: ({ detectorId: string; milliseconds: number } & ({ scores: Float64Array; threshold: number } | { problem: string }))[];
}

export function detectGroup(input: DetectGroupInput): DetectGroupResult {
  // Every detector's working arrays come from the worker's arena (taskArena.ts); the scores leave as arrays of their own.
  const judged = withTaskArena(() => judgeGroup(input));
  for (const run of judged.runs) if ('scores' in run) run.scores = standalone(run.scores);
  return judged;
}

function judgeGroup(input: DetectGroupInput): DetectGroupResult {
  const columns: EventColumns = { ...input.columns, event: input.group.event, sex: input.group.sex, direction: input.group.direction };
  let started = performance.now();
  try {
    performanceContext(columns);
  } catch {
    // Columns the detectors cannot read: each detector says why below.
  }
  const contextMilliseconds = performance.now() - started;
  const runs = input.detectors.map(({ id, params }): DetectGroupResult['runs'][number] => {
    started = performance.now();
    try {
      const run = runDetector(id, columns, params, input.seed);
      return { detectorId: id, milliseconds: performance.now() - started, scores: run.scores, threshold: run.threshold };
    } catch (error) {
      // One detector that cannot judge this group (too few results…) does not stop the others.
      return { detectorId: id, milliseconds: performance.now() - started, problem: (error as Error).message };
    }
  });
  return { contextMilliseconds, runs };
}

export interface ExplainGroupInput {
  features: Uint8Array;
  group: EventGroupKey;
  runs: { detectorId: string; params: DetectorParameters; performanceIds: Int32Array; scores: Float64Array; threshold: number }[];
  /** The performances to explain (each detector explains those it flagged). */
  explain: Int32Array;
}

export interface Explanation {
  detectorId: string;
  performanceId: number;
  explanation: string;
}

export function explainGroup(input: ExplainGroupInput): Explanation[] {
  const { columns, performanceIds } = eventGroupColumns(input.features, input.group);
  const position = new Map<number, number>();
  performanceIds.forEach((id, i) => position.set(id, i));
  const out: Explanation[] = [];
  for (const stored of input.runs) {
    const scores = new Float64Array(performanceIds.length).fill(-Infinity);
    stored.performanceIds.forEach((id, k) => {
      const i = position.get(id);
      if (i !== undefined) scores[i] = stored.scores[k];
    });
    const run = { scores, threshold: stored.threshold, flagged: flagScores(scores, stored.threshold) };
    for (const performanceId of input.explain) {
      const i = position.get(performanceId);
      if (i === undefined || !run.flagged[i]) continue;
      let explanation: string;
      try {
        explanation = explainPerformance(stored.detectorId, columns, i, run, stored.params);
      } catch (error) {
        explanation = `no explanation: ${(error as Error).message}`;
      }
      out.push({ detectorId: stored.detectorId, performanceId, explanation });
    }
  }
  return out;
}
