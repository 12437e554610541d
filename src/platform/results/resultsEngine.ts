/**
 * The Results engine: the files of the session (loadedFiles.ts) and their analysis
 * (resultsAnalysis.ts), kept consistent — a file loaded or removed gives the data a new
 * fingerprint, which clears the runs (their cache entries stay, keyed by the old one) and
 * matches the sanctions again. The UI's state mirrors the analysis' view; the app has one
 * engine on the browser's ports (the DuckDB worker, the compute pool, IndexedDB).
 */
import type { FixedValues } from '../../core/athletics/columns';
import { createPerformancesSql, eventGroupsSql } from '../../core/athletics/resultsSql';
import { DataError, CancelledError, describeError } from '../dataError';
import { duckDb } from '../duckdb/duckdbClient';
import { computePool } from '../pool/browserPool';
import { workerRunCache } from './workerRunCache';
import { LoadedFiles } from './loadedFiles';
import { ResultsAnalysis } from './resultsAnalysis';
import type { ResultsPorts } from './resultsPorts';
import type * as Types from './results.types';

export class ResultsEngine implements Types.ResultsFilesApi {
  readonly analysis: ResultsAnalysis;
  #ports: ResultsPorts;
  #files = new LoadedFiles();
  #ready: Promise<void> | null = null;
  #sample: Promise<boolean> | null = null;
  /** The analyst loaded (or tried to load) a file of their own: the sample never comes back. */
  #userData = false;
  /** The sanctions on screen are the sample's, to go with the sample's results. */
  #sampleSanctions = false;

  constructor(ports: ResultsPorts) {
    this.#ports = ports;
    this.analysis = new ResultsAnalysis(ports);
  }

  #setup(): Promise<void> {
    this.#ready ??= (async () => {
      await this.#ports.db.exec(createPerformancesSql);
      await this.analysis.ready();
    })();
    return this.#ready;
  }

  openSample(fetchSample: () => Promise<Types.SampleFiles>, options: Types.JobOptions = {}): Promise<boolean> {
    // Once per session, and never over the analyst's data: coming back to Results must not
    // add the sample beside their files.
    this.#sample ??= (async () => {
      // The sample's bytes come while DuckDB starts; the compute workers start once it is up
      // (on two cores, sooner would only slow DuckDB's own start).
      const fetched = fetchSample();
      fetched.catch(() => undefined);
      await this.#setup();
      this.#ports.startWorkers?.();
      if (this.#userData || this.#files.list().length > 0) return false;
      const { results, sanctions } = await fetched;
      const loaded = (await this.#files.load(results, null, options, {}, true)).loaded !== undefined;
      if (this.#userData) await this.#files.dropSample();
      if (!loaded || this.#userData) return false;
      await this.#dataChanged(options, [results.name]);
      await this.analysis.loadSanctions(sanctions, options);
      this.#sampleSanctions = true;
      return true;
    })().catch((error: unknown) => {
      this.#sample = null;
      throw error;
    });
    return this.#sample;
  }

  async loadFiles(files: File[], options: Types.JobOptions = {}): Promise<Types.LoadOutcome> {
    await this.#setup();
    this.#userData = true;
    const outcome: Types.LoadOutcome = { loaded: [], needsMapping: [], failed: [] };
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

  async applyMapping(file: File, mapping: Types.ColumnMapping, options: Types.JobOptions = {}, fixed: FixedValues = {}): Promise<Types.LoadedResultsFile> {
    await this.#setup();
    this.#userData = true;
    const result = await this.#files.load(file, mapping, options, fixed);
    if (!result.loaded) throw new DataError('the mapping leaves required columns out', { file: file.name });
    await this.#replaceSample(options, [file.name]);
    return this.#files.info(file.name) ?? result.loaded;
  }

  dismissMapping(file: string): void {
    this.#files.dismissMapping(file);
  }

  files(): Types.FilesView {
    return this.#files.view();
  }

  /** The analyst's first loaded file takes the sample's place, its sanctions list included. */
  async #replaceSample(options: Types.JobOptions, loaded: string[]): Promise<void> {
    await this.#files.dropSample();
    if (this.#sampleSanctions) {
      this.#sampleSanctions = false;
      await this.analysis.forgetSanctions();
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
  async #dataChanged(options: Types.JobOptions, loaded: string[]): Promise<void> {
    const started = performance.now();
    await this.analysis.dataChanged(options);
    for (const name of loaded) this.#files.addWait(name, performance.now() - started);
  }

  async summary(): Promise<Types.DatasetSummary> {
    await this.#setup();
    const [totals] = await this.#ports.db.rows<{ performances: number; athletes: number }>(
      'SELECT count(*)::INTEGER AS performances, count(DISTINCT athlete_id)::INTEGER AS athletes FROM performances WHERE mark IS NOT NULL AND date IS NOT NULL',
    );
    return { fingerprint: this.analysis.fingerprint, ...totals, events: await this.#ports.db.rows<Types.EventSummary>(eventGroupsSql), files: this.#files.list() };
  }
}

let shared: ResultsEngine | null = null;

/** The app's one Results engine, on the browser's ports. */
export function resultsEngine(): ResultsEngine {
  shared ??= new ResultsEngine({
    db: duckDb(),
    // The compute workers start on first use, or once DuckDB is up (startWorkers): on two
    // cores, starting them with the page would only slow DuckDB's own start.
    pool: {
      run: (task, input, options) => computePool().run(task, input, options),
      everyCore: (work) => computePool().everyCore(work),
    },
    cache: workerRunCache(),
    startWorkers: () => void computePool(),
  });
  return shared;
}
