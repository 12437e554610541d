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
import { eventGroups, type RecordedRun } from './detectorRuns';
import { DetectorSession, type RunOptions } from './detectorSession';
import { LoadedFiles } from './loadedFiles';
import { LabEvaluation, consensusRows, mostFlaggedAthletes } from './labEvaluation';
import { createAnomaliesSql, createSanctionPeriodsSql, fingerprintSql } from './labSql';
import { SanctionsState } from './sanctionsState';
import type * as Api from './resultsLab.api';
import { flaggedExport } from './flaggedExport';

export class ResultsLab implements Api.ResultsLabApi {
  #files = new LoadedFiles();
  #sample: Promise<boolean> | null = null;
  #userData = false;
  #sampleSanctions = false;
  #fingerprint = 'empty';
  #runs = new DetectorSession();
  #sanctions = new SanctionsState();
  #evaluation = new LabEvaluation();
  #ready: Promise<void> | null = null;

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

  openSample(fetchSample: () => Promise<Api.SampleFiles>, options: Api.JobOptions = {}): Promise<boolean> {
    // Once per session, and never over the analyst's data: coming back to Results must not
    // add the sample beside their files.
    this.#sample ??= (async () => {
      // The sample's bytes come while DuckDB starts; the compute workers start once it is up
      // (on two cores, sooner would only slow DuckDB's own start).
      const fetched = fetchSample();
      fetched.catch(() => undefined);
      await this.#setup();
      computePool();
      if (this.#userData || this.#files.list().length > 0) return false;
      const { results, sanctions } = await fetched;
      const loaded = (await this.#files.load(results, null, options, true)).loaded !== undefined;
      if (this.#userData) await this.#files.dropSample();
      if (!loaded || this.#userData) return false;
      await this.#dataChanged(options, [results.name]);
      await this.#sanctions.load(sanctions, options);
      this.#sampleSanctions = true;
      return true;
    })().catch((error: unknown) => {
      this.#sample = null;
      throw error;
    });
    return this.#sample;
  }

  async loadFiles(files: File[], options: Api.JobOptions = {}): Promise<Api.LoadOutcome> {
    await this.#setup();
    this.#userData = true;
    const outcome: Api.LoadOutcome = { loaded: [], needsMapping: [], failed: [] };
    for (const file of files) {
      if (options.signal?.aborted) break;
      try {
        const result = await this.#files.load(file, null, options);
        if (result.loaded) outcome.loaded.push(result.loaded);
        if (result.request) outcome.needsMapping.push(result.request);
      } catch (error) {
        if (error instanceof CancelledError || options.signal?.aborted) break;
        outcome.failed.push({ file: file.name, message: describeError(error) });
      }
    }
    if (outcome.loaded.length > 0) await this.#replaceSample(options, outcome.loaded.map((f) => f.file));
    return { ...outcome, loaded: outcome.loaded.map((f) => this.#files.info(f.file) ?? f) };
  }

  async applyMapping(file: File, mapping: Api.ColumnMapping, options: Api.JobOptions = {}): Promise<Api.LoadedResultsFile> {
    await this.#setup();
    this.#userData = true;
    const result = await this.#files.load(file, mapping, options);
    if (!result.loaded) throw new DataError('the mapping leaves required columns out', { file: file.name });
    await this.#replaceSample(options, [file.name]);
    return this.#files.info(file.name) ?? result.loaded;
  }

  dismissMapping(file: string): void {
    this.#files.dismissMapping(file);
  }

  files(): Api.FilesView {
    return this.#files.view();
  }

  /** The analyst's first loaded file takes the sample's place, its sanctions list included. */
  async #replaceSample(options: Api.JobOptions, loaded: string[]): Promise<void> {
    await this.#files.dropSample();
    if (this.#sampleSanctions) {
      this.#sampleSanctions = false;
      this.#sanctions = new SanctionsState();
      await duckDb().exec(createSanctionPeriodsSql);
    }
    await this.#dataChanged(options, loaded);
  }

  async removeFile(file: string): Promise<void> {
    await this.#setup();
    if (!this.#files.has(file)) throw new Error(`no loaded file named ${file}`);
    await this.#files.drop(file);
    await this.#dataChanged({}, []);
  }

  /** New athlete ids and fingerprint; `loaded` files were not queryable before this ends. */
  async #dataChanged(options: Api.JobOptions, loaded: string[]): Promise<void> {
    const started = performance.now();
    const db = duckDb();
    await db.exec(assignAthleteIdsSql);
    const [print] = await db.rows<{ n: number; h: string }>(fingerprintSql);
    this.#fingerprint = `${print.n}-${print.h}`;
    for (const name of loaded) this.#files.addWait(name, performance.now() - started);
    this.#runs.clear();
    this.#evaluation.forget();
    await db.exec('DELETE FROM anomalies');
    if (this.#sanctions.loaded) await this.#sanctions.rematch(options);
  }

  async summary(): Promise<Api.DatasetSummary> {
    await this.#setup();
    const [totals] = await duckDb().rows<{ performances: number; athletes: number }>(
      'SELECT count(*)::INTEGER AS performances, count(DISTINCT athlete_id)::INTEGER AS athletes FROM performances WHERE mark IS NOT NULL AND date IS NOT NULL',
    );
    return { fingerprint: this.#fingerprint, ...totals, events: await eventGroups(), files: this.#files.list() };
  }

  async runDetectors(choices: Api.DetectorChoice[], options: RunOptions = {}): Promise<Api.DetectorRunSummary[]> {
    await this.#setup();
    return this.#runs.run(choices, () => this.#fingerprint, options, () => this.#evaluation.forget());
  }

  async loadSanctions(file: File, options: Api.JobOptions = {}): Promise<Api.SanctionsSummary> {
    await this.#setup();
    this.#sampleSanctions = false;
    return this.#sanctions.load(file, options);
  }

  async sanctionsSummary(): Promise<Api.SanctionsSummary | null> {
    return this.#sanctions.loaded ? this.#sanctions.summary() : null;
  }

  decideMatch(sanctionIndex: number, athleteId: number | null): Promise<Api.SanctionsSummary> {
    return this.#sanctions.decide(sanctionIndex, athleteId);
  }

  #detectorRuns(): RecordedRun[] {
    return this.#runs.current(this.#fingerprint);
  }

  async evaluation(level: Api.EvaluationLevel, options: { event?: string; consensusMin?: number } = {}): Promise<Api.EvaluationTable> {
    await this.#setup();
    const event = options.event ?? null;
    const result = await this.#evaluation.evaluate(this.#detectorRuns(), this.#fingerprint, this.#sanctions.labels(), level, event, options.consensusMin ?? 2, 0);
    return { level, event, baseRate: result.baseRate, rows: result.rows };
  }

  async prCurves(level: Api.EvaluationLevel, consensusMin = 2): Promise<Api.PrCurve[]> {
    await this.#setup();
    return (await this.#evaluation.evaluate(this.#detectorRuns(), this.#fingerprint, this.#sanctions.labels(), level, null, consensusMin, 120)).curves;
  }

  consensus(minMethods: number, limit = 200): Promise<Api.ConsensusRow[]> {
    return this.#setup().then(() => consensusRows(this.#detectorRuns(), minMethods, limit));
  }

  mostFlaggedAthletes(minMethods: number, limit = 10): Promise<Api.FlaggedAthlete[]> {
    return this.#setup().then(() => mostFlaggedAthletes(this.#detectorRuns(), minMethods, limit));
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
