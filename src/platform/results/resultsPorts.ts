/**
 * What the Results engine needs from the world, as three small ports: a DuckDB (the app's
 * worker client, or native DuckDB in Node), a compute pool that runs the Results tasks (the
 * app's workers, or the task functions in-process in Node) and a cache of finished runs
 * (IndexedDB, or memory). The engine takes them in its constructor, so the tests, the
 * benchmarks and the app drive the same engine.
 */
import type { DuckDbClient } from '../duckdb/duckdbClient';
import type { RunOptions } from '../pool/computePool';
import type { TaskInput, TaskOutput } from '../pool/compute.api';
import type { tasks } from './results.tasks';

export type ResultsTasks = typeof tasks;

export type ResultsDatabase = Pick<DuckDbClient, 'exec' | 'rows' | 'queryIpc' | 'insertArrow' | 'loadFile'>;

export interface ResultsPool {
  run<Name extends keyof ResultsTasks & string>(task: Name, input: TaskInput<ResultsTasks, Name>, options?: RunOptions<TaskInput<ResultsTasks, Name>>): Promise<TaskOutput<ResultsTasks, Name>>;
  /**
   * Runs `work` with a worker on every core, the main thread only waiting meanwhile (the
   * pool's usual size leaves a core to the page), and gives the pool its size back after.
   */
  everyCore<T>(work: () => Promise<T>): Promise<T>;
}

/** Finished detector runs by key (detectorCache.ts): an optimisation, so a failure only means no cache. */
export interface RunCache {
  /** The runs stored under these keys, null where there is none. */
  read(keys: string[]): Promise<({ scores: Float64Array; threshold: number } | null)[]>;
  write(entries: { key: string; scores: Float64Array; threshold: number }[]): Promise<boolean>;
}

export interface ResultsPorts {
  db: ResultsDatabase;
  pool: ResultsPool;
  cache: RunCache;
  /** Starts the compute workers once DuckDB is up (the app's pool starts lazily). */
  startWorkers?(): void;
}
