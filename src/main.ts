// The page's first script: DuckDB-WASM's 34 MB engine is fetched and compiled in its worker
// while the app's own code (app/start.ts, which mounts the app) loads beside it.
import { duckdbWorker } from './platform/duckdb/duckdbWorker';

duckdbWorker();
void import('./app/start');
