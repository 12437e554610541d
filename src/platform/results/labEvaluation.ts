/**
 * The questions asked of finished runs: scores per method (in the pool, from one Arrow
 * pivot of every run's scores, fetched once per set of runs), the consensus list and the
 * athletes with the most consensus flags (in DuckDB).
 */
import { duckDb } from '../duckdb/duckdbClient';
import { computePool } from '../pool/browserPool';
import { consensusSql, evaluationInputSql, mostFlaggedAthletesSql } from './labSql';
import type { RecordedRun } from './detectorRuns';
import type { SanctionLabels } from './sanctionsState';
import type { ConsensusRow, EvaluationLevel, FlaggedAthlete } from './resultsLab.api';
import type { EvaluateResult } from './work/evaluateMethods';

export class LabEvaluation {
  #input: { key: string; ipc: Promise<Uint8Array> } | null = null;

  forget(): void {
    this.#input = null;
  }

  async evaluate(runs: RecordedRun[], fingerprint: string, sanctioned: SanctionLabels, level: EvaluationLevel, event: string | null, consensusMin: number, curvePoints: number): Promise<EvaluateResult> {
    const key = `${fingerprint}|${runs.map((r) => r.detectorId).join(',')}`;
    if (this.#input?.key !== key) this.#input = { key, ipc: duckDb().queryIpc(evaluationInputSql(runs.map((r) => r.detectorId))) };
    const ipc = await this.#input.ipc;
    return computePool().run('resultsEvaluate', {
      ipc, detectors: runs.map((r) => ({ id: r.detectorId, label: r.label })), sanctioned, level, event, consensusMin, curvePoints,
    }, { transfer: false });
  }
}

const checkMinMethods = (minMethods: number) => {
  if (!(Number.isInteger(minMethods) && minMethods >= 1)) throw new Error(`invalid minMethods: ${minMethods}`);
};

export async function consensusRows(runs: RecordedRun[], minMethods: number, limit: number): Promise<ConsensusRow[]> {
  checkMinMethods(minMethods);
  if (runs.length === 0) return [];
  const rows = await duckDb().rows<{ performance_id: number; athlete_id: number; athlete: string; event: string; sex: string; date: string; mark_text: string; methods: string }>(
    consensusSql(runs.map((r) => r.detectorId), minMethods, limit),
  );
  return rows.map((r) => ({ performanceId: r.performance_id, athleteId: r.athlete_id, athlete: r.athlete, event: r.event, sex: r.sex, date: r.date, mark: r.mark_text, methods: r.methods.split(',') }));
}

export async function mostFlaggedAthletes(runs: RecordedRun[], minMethods: number, limit: number): Promise<FlaggedAthlete[]> {
  checkMinMethods(minMethods);
  if (runs.length === 0) return [];
  return duckDb().rows<FlaggedAthlete>(mostFlaggedAthletesSql(runs.map((r) => r.detectorId), minMethods, limit));
}
