import * as Comlink from 'comlink';
import { tableFromIPC, type Table } from 'apache-arrow';
import type { DuckDbApi, EngineInfo, LoadOptions, LoadProgress, LoadReport } from './duckdb.api';
import { installErrorTransfer } from '../dataError';
import { duckdbWorker } from './duckdbWorker';

export type QueryPriority = 'high' | 'normal' | 'low';

interface QueuedQuery {
  sql: string;
  priority: QueryPriority;
  resolve: (table: Table) => void;
  reject: (error: unknown) => void;
}

const rank: Record<QueryPriority, number> = { high: 0, normal: 1, low: 2 };

/**
 * The one owner of the DuckDB worker (Mosaic's coordinator): views ask it for SQL results
 * and never touch the worker. It keeps a priority queue, a cap on queries in flight, and a
 * cache of read results that any load or write clears.
 */
export class DuckDbClient {
  private readonly remote: Comlink.Remote<DuckDbApi>;
  private readonly queue: QueuedQuery[] = [];
  private inFlight = 0;
  private readonly cache = new Map<string, Promise<Table>>();
  readonly ready: Promise<EngineInfo>;

  constructor(
    worker: Worker,
    private readonly maxInFlight = 2,
  ) {
    installErrorTransfer();
    this.remote = Comlink.wrap<DuckDbApi>(worker);
    this.ready = this.remote.ready();
    // A mark on the page's own clock, so a benchmark reads when DuckDB first answered and how
    // much of that was DuckDB-WASM's own start (instantiate, open, connect) in its worker.
    void this.ready.then((info) => performance.mark('trackside:duckdb-ready', { detail: info }), () => undefined);
  }

  /** A read query's result as an Arrow table; identical reads share one result until data changes. */
  query(sql: string, priority: QueryPriority = 'normal'): Promise<Table> {
    const cached = this.cache.get(sql);
    if (cached) return cached;
    const pending = new Promise<Table>((resolve, reject) => {
      this.queue.push({ sql, priority, resolve, reject });
      this.queue.sort((a, b) => rank[a.priority] - rank[b.priority]);
      this.pump();
    });
    this.cache.set(sql, pending);
    pending.catch(() => this.cache.delete(sql));
    return pending;
  }

  /** Rows as plain objects, for small results (tables of numbers on screen). */
  async rows<Row = Record<string, unknown>>(sql: string, priority: QueryPriority = 'normal'): Promise<Row[]> {
    const table = await this.query(sql, priority);
    return table.toArray().map((row) => row.toJSON() as Row);
  }

  /** A read query's raw Arrow IPC bytes, uncached, to hand on to a compute worker undecoded. */
  queryIpc(sql: string): Promise<Uint8Array> {
    return this.remote.query(sql);
  }

  async exec(sql: string): Promise<void> {
    this.cache.clear();
    await this.remote.exec(sql);
  }

  async insertArrow(table: string, ipc: Uint8Array, create: boolean): Promise<void> {
    this.cache.clear();
    await this.remote.insertArrow(table, Comlink.transfer(ipc, [ipc.buffer as ArrayBuffer]), create);
  }

  fileColumns(file: File): Promise<string[] | null> {
    return this.remote.fileColumns(file);
  }

  async loadFile(file: File, options: LoadOptions, onProgress?: (progress: LoadProgress) => void): Promise<LoadReport> {
    this.cache.clear();
    const report = await this.remote.loadFile(file, options, onProgress ? Comlink.proxy(onProgress) : undefined);
    this.cache.clear();
    return report;
  }

  cancel(): Promise<void> {
    return this.remote.cancel();
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const next = this.queue.shift()!;
      this.inFlight++;
      this.remote
        .query(next.sql)
        .then((ipc) => next.resolve(tableFromIPC(ipc)), next.reject)
        .finally(() => {
          this.inFlight--;
          this.pump();
        });
    }
  }
}

let shared: DuckDbClient | null = null;

/** The app's single DuckDB client, on the worker the boot script started. */
export function duckDb(): DuckDbClient {
  shared ??= new DuckDbClient(duckdbWorker());
  return shared;
}
