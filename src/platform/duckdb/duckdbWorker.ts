let worker: Worker | null = null;

/**
 * The DuckDB worker, started by the first to ask. The boot script (src/boot.ts) asks before
 * the app's own code has even loaded, so that DuckDB-WASM's 34 MB engine is fetched and
 * compiled while the rest of the page starts: this file imports nothing, to stay that small.
 */
export function duckdbWorker(): Worker {
  worker ??= new Worker(new URL('../../../workers/duckdb.worker.ts', import.meta.url), { type: 'module', name: 'duckdb' });
  return worker;
}
