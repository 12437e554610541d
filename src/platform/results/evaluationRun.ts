/**
 * The evaluation of the session's runs against the sanctions: every score of the runs, read
 * from the engine's memory (scoredGroups.ts, all events or the one asked for), scored in the
 * compute pool by the core's evaluation for the analyst's settings (level, event, consensus).
 */
import type { RecordedRun } from './detectorRuns';
import type { ResultsPorts } from './resultsPorts';
import type { SanctionLabels } from './sanctionsState';
import type { ScoredGroups } from './scoredGroups';
import type { EvaluationSettings, JobOptions } from './results.types';
import type { EvaluateResult } from './work/evaluateMethods';

export class EvaluationRun {
  #ports: ResultsPorts;

  constructor(ports: ResultsPorts) {
    this.#ports = ports;
  }

  async evaluate(runs: RecordedRun[], scored: ScoredGroups, sanctioned: SanctionLabels, settings: EvaluationSettings, options: JobOptions = {}): Promise<EvaluateResult> {
    // A fresh copy of the scores each time, so it can be transferred to the worker; made
    // again should the worker die, rather than kept twice.
    const input = () => ({
      table: scored.table(runs.map((r) => ({ id: r.detectorId, label: r.label })), settings.event),
      sanctioned: { athleteIds: sanctioned.athleteIds.slice(), from: sanctioned.from.slice(), to: sanctioned.to.slice() },
      level: settings.level, consensusMin: settings.consensusMin, seed: 1,
    });
    return this.#ports.pool.run('resultsEvaluate', input(), { signal: options.signal, retryInput: input });
  }
}
