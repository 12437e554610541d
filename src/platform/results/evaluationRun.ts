/**
 * The evaluation of the session's runs against the sanctions: one Arrow pivot of every
 * run's scores per set of runs (fetched once, kept while the runs stand), scored in the
 * compute pool by the core's evaluation for the analyst's settings (level, event, consensus).
 */
import { evaluationInputSql } from './labSql';
import type { RecordedRun } from './detectorRuns';
import type { ResultsPorts } from './resultsPorts';
import type { SanctionLabels } from './sanctionsState';
import type { EvaluationSettings, JobOptions } from './results.types';
import type { EvaluateResult } from './work/evaluateMethods';

export class EvaluationRun {
  #ports: ResultsPorts;
  #input: { key: string; ipc: Promise<Uint8Array> } | null = null;

  constructor(ports: ResultsPorts) {
    this.#ports = ports;
  }

  forget(): void {
    this.#input = null;
  }

  async evaluate(runs: RecordedRun[], fingerprint: string, sanctioned: SanctionLabels, settings: EvaluationSettings, options: JobOptions = {}): Promise<EvaluateResult> {
    const key = `${fingerprint}|${settings.event ?? ''}|${runs.map((r) => `${r.detectorId}:${JSON.stringify(r.params)}`).join(',')}`;
    if (this.#input?.key !== key) this.#input = { key, ipc: this.#ports.db.queryIpc(evaluationInputSql(runs.map((r) => r.detectorId), settings.event)) };
    const ipc = await this.#input.ipc;
    return this.#ports.pool.run('resultsEvaluate', {
      ipc, detectors: runs.map((r) => ({ id: r.detectorId, label: r.label })), sanctioned,
      level: settings.level, consensusMin: settings.consensusMin, seed: 1,
    }, { transfer: false, signal: options.signal });
  }
}
