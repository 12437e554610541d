/**
 * Runs in a compute worker: one detector over one event and sex, and the explanation of
 * chosen performances of a finished run (the scores come back from the anomalies table,
 * so a run read from the cache explains exactly like a fresh one).
 */
import { explainPerformance, runDetector } from '../../../core/detectors/registry';
import type { DetectorParameters } from '../../../core/detectors/types';
import { flagScores } from '../../../core/detectors/flags';
import { eventGroupColumns, type EventGroupKey } from './eventGroupColumns';

export interface DetectGroupInput {
  features: Uint8Array;
  group: EventGroupKey;
  detectorId: string;
  params: DetectorParameters;
  seed: number;
}

export interface DetectGroupResult {
  performanceIds: Int32Array;
  scores: Float64Array;
  threshold: number;
}

export function detectGroup(input: DetectGroupInput): DetectGroupResult {
  const { columns, performanceIds } = eventGroupColumns(input.features, input.group);
  const run = runDetector(input.detectorId, columns, input.params, input.seed);
  return { performanceIds, scores: run.scores, threshold: run.threshold };
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
