/**
 * The Results engine behind ResultsLabApi: it owns what is loaded, the detector runs and
 * the sanctions of the session, and keeps them consistent — any change of the data gives
 * a new fingerprint, clears the runs (their cache entries stay, keyed by the old one) and
 * matches the sanctions again.
 */
import { assignAthleteIdsSql, createPerformancesSql } from '../../core/athletics/resultsSql';
import { listDetectors } from '../../core/detectors/registry';
import type { DetectorInfo } from '../../core/detectors/types';
import { DataError, CancelledError, describeError } from '../dataError';
import { duckDb } from '../duckdb/duckdbClient';
import { computePool } from '../pool/browserPool';
import { athleteProfile, eventDistribution, searchAthletes } from './athleteProfiles';
import { eventGroups, featureSource, runOneDetector, type RecordedRun } from './detectorRuns';
import { loadResultsFile, rememberMapping } from './fileLoading';
import { consensusSql, createAnomaliesSql, evaluationInputSql, fingerprintSql } from './labSql';
import { SanctionsState } from './sanctionsState';
import type * as Api from './resultsLab.api';
import type { EvaluateResult } from './work/evaluateMethods';
import { flaggedExport } from './flaggedExport';

interface LoadedFile { fileId: number; info: Api.LoadedResultsFile }

export class ResultsLab implements Api.ResultsLabApi {
  #files = new Map<string, LoadedFile>();
  #nextFileId = 1;
  #nextPerformanceId = 0;
  #fingerprint = 'empty';
  #runs = new Map<string, RecordedRun>();
  #sanctions = new SanctionsState();
  #ready: Promise<void> | null = null;
  #evaluationInput: { key: string; ipc: Promise<Uint8Array> } | null = null;

  #setup(): Promise<void> {
    this.#ready ??= (async () => {
      const db = duckDb();
      await db.ready;
      await db.exec(createPerformancesSql);
      await db.exec(createAnomaliesSql);
    })();
    return this.#ready;
  }

  detectors(): DetectorInfo[] {
    return listDetectors();
  }

  async loadFiles(files: File[], options: Api.JobOptions = {}): Promise<Api.LoadOutcome> {
    await this.#setup();
    const outcome: Api.LoadOutcome = { loaded: [], needsMapping: [], failed: [] };
    for (const file of files) {
      if (options.signal?.aborted) break;
      try {
        const result = await this.#loadOne(file, null, options);
        if (result.loaded) outcome.loaded.push(result.loaded);
        if (result.request) outcome.needsMapping.push(result.request);
      } catch (error) {
        if (error instanceof CancelledError || options.signal?.aborted) break;
        outcome.failed.push({ file: file.name, message: describeError(error) });
      }
    }
    if (outcome.loaded.length > 0) await this.#dataChanged(options);
    return outcome;
  }

  async applyMapping(file: File, mapping: Api.ColumnMapping, options: Api.JobOptions = {}): Promise<Api.LoadedResultsFile> {
    await this.#setup();
    const result = await this.#loadOne(file, mapping, options);
    if (!result.loaded) throw new DataError('the mapping leaves required columns out', { file: file.name });
    await this.#dataChanged(options);
    return result.loaded;
  }

  async #loadOne(file: File, mapping: Api.ColumnMapping | null, options: Api.JobOptions) {
    if (this.#files.has(file.name)) await this.#dropFile(file.name);
    const fileId = this.#nextFileId++;
    const result = await loadResultsFile(file, fileId, this.#nextPerformanceId, mapping, options);
    if (result.loaded) {
      this.#nextPerformanceId += result.rows;
      this.#files.set(file.name, { fileId, info: result.loaded });
      if (mapping) await rememberMapping(result.headers ?? [], mapping).catch(() => undefined);
    }
    return result;
  }

  async #dropFile(name: string): Promise<void> {
    const loaded = this.#files.get(name);
    if (!loaded) return;
    await duckDb().exec(`DELETE FROM performances WHERE file_id = ${loaded.fileId}`);
    this.#files.delete(name);
  }

  async removeFile(file: string): Promise<void> {
    await this.#setup();
    if (!this.#files.has(file)) throw new Error(`no loaded file named ${file}`);
    await this.#dropFile(file);
    await this.#dataChanged({});
  }

  async #dataChanged(options: Api.JobOptions): Promise<void> {
    const db = duckDb();
    await db.exec(assignAthleteIdsSql);
    const [print] = await db.rows<{ n: number; h: string }>(fingerprintSql);
    this.#fingerprint = `${print.n}-${print.h}`;
    this.#runs.clear();
    this.#evaluationInput = null;
    await db.exec('DELETE FROM anomalies');
    if (this.#sanctions.loaded) await this.#sanctions.rematch(options);
  }

  async summary(): Promise<Api.DatasetSummary> {
    await this.#setup();
    const [totals] = await duckDb().rows<{ performances: number; athletes: number }>(
      'SELECT count(*)::INTEGER AS performances, count(DISTINCT athlete_id)::INTEGER AS athletes FROM performances WHERE mark IS NOT NULL AND date IS NOT NULL',
    );
    return { fingerprint: this.#fingerprint, ...totals, events: await eventGroups(), files: [...this.#files.values()].map((f) => f.info) };
  }

  async runDetectors(choices: Api.DetectorChoice[], options: Api.JobOptions & { seed?: number } = {}): Promise<Api.DetectorRunSummary[]> {
    await this.#setup();
    const groups = await eventGroups();
    if (groups.length === 0) throw new Error('no results loaded: load a results file first');
    const features = featureSource();
    const summaries: Api.DetectorRunSummary[] = [];
    for (const choice of choices) {
      options.signal?.throwIfAborted();
      const run = await runOneDetector(choice, groups, this.#fingerprint, options.seed ?? 1, features, options);
      this.#runs.set(run.detectorId, run);
      this.#evaluationInput = null;
      summaries.push(run.summary);
    }
    return summaries;
  }

  async loadSanctions(file: File, options: Api.JobOptions = {}): Promise<Api.SanctionsSummary> {
    await this.#setup();
    return this.#sanctions.load(file, options);
  }

  async sanctionsSummary(): Promise<Api.SanctionsSummary | null> {
    return this.#sanctions.loaded ? this.#sanctions.summary() : null;
  }

  decideMatch(sanctionIndex: number, athleteId: number | null): Promise<Api.SanctionsSummary> {
    return this.#sanctions.decide(sanctionIndex, athleteId);
  }

  #detectorRuns(): RecordedRun[] {
    return [...this.#runs.values()].filter((r) => r.fingerprint === this.#fingerprint);
  }

  async #evaluate(level: Api.EvaluationLevel, event: string | null, consensusMin: number, curvePoints: number): Promise<EvaluateResult> {
    const runs = this.#detectorRuns();
    const key = `${this.#fingerprint}|${runs.map((r) => r.detectorId).join(',')}`;
    if (this.#evaluationInput?.key !== key) this.#evaluationInput = { key, ipc: duckDb().queryIpc(evaluationInputSql(runs.map((r) => r.detectorId))) };
    const ipc = await this.#evaluationInput.ipc;
    return computePool().run<EvaluateResult>('resultsEvaluate', {
      ipc, detectors: runs.map((r) => ({ id: r.detectorId, label: r.label })), sanctioned: this.#sanctions.labels(),
      level, event, consensusMin, curvePoints,
    }, { transfer: false });
  }

  async evaluation(level: Api.EvaluationLevel, options: { event?: string; consensusMin?: number } = {}): Promise<Api.EvaluationTable> {
    await this.#setup();
    const result = await this.#evaluate(level, options.event ?? null, options.consensusMin ?? 2, 0);
    return { level, event: options.event ?? null, baseRate: result.baseRate, rows: result.rows };
  }

  async prCurves(level: Api.EvaluationLevel, consensusMin = 2): Promise<Api.PrCurve[]> {
    await this.#setup();
    return (await this.#evaluate(level, null, consensusMin, 120)).curves;
  }

  async consensus(minMethods: number, limit = 200): Promise<Api.ConsensusRow[]> {
    await this.#setup();
    if (!(Number.isInteger(minMethods) && minMethods >= 1)) throw new Error(`invalid minMethods: ${minMethods}`);
    const runs = this.#detectorRuns();
    if (runs.length === 0) return [];
    const rows = await duckDb().rows<{ performance_id: number; athlete_id: number; athlete: string; event: string; sex: string; date: string; mark_text: string; methods: string }>(
      consensusSql(runs.map((r) => r.detectorId), minMethods, limit),
    );
    return rows.map((r) => ({ performanceId: r.performance_id, athleteId: r.athlete_id, athlete: r.athlete, event: r.event, sex: r.sex, date: r.date, mark: r.mark_text, methods: r.methods.split(',') }));
  }

  searchAthletes(text: string, limit?: number): Promise<Api.AthleteMatch[]> {
    return this.#setup().then(() => searchAthletes(text, limit));
  }

  profile(athleteId: number): Promise<Api.AthleteProfile> {
    return this.#setup().then(() => athleteProfile(athleteId, this.#detectorRuns()));
  }

  distribution(event: string, sex: string, bins?: number): Promise<Api.EventDistribution> {
    return this.#setup().then(() => eventDistribution(event, sex, bins));
  }

  async exportFlagged(format: 'csv' | 'xlsx', athleteId?: number): Promise<Blob> {
    await this.#setup();
    return flaggedExport(format, this.#detectorRuns(), athleteId === undefined ? null : await athleteProfile(athleteId, this.#detectorRuns()));
  }
}

let shared: ResultsLab | null = null;

/** The app's one Results engine. */
export function resultsLab(): ResultsLab {
  shared ??= new ResultsLab();
  return shared;
}
