import * as duckdb from '@duckdb/duckdb-wasm';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import { CancelledError, DataError } from '../dataError';

/**
 * One DuckDB-WASM instance (the `eh` bundle) inside our DuckDB worker. Queries run one at a
 * time on one connection; they are started as "pending" queries so that a Cancel can reach
 * the engine between polls.
 */
export class DuckDbEngine {
  private chain: Promise<unknown> = Promise.resolve();
  private cancelRequested = false;
  private running = false;

  private constructor(
    readonly db: duckdb.AsyncDuckDB,
    readonly connection: duckdb.AsyncDuckDBConnection,
    readonly version: string,
    readonly instantiateMilliseconds: number,
  ) {}

  static async start(): Promise<DuckDbEngine> {
    const started = performance.now();
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(ehWorkerUrl));
    await db.instantiate(ehWasmUrl);
    await db.open({ query: { castBigIntToDouble: true } });
    const connection = await db.connect();
    // Offline first: never download an extension. A query that needs one fails at once
    // with DuckDB's own message instead of hanging without a network.
    await connection.query('SET autoinstall_known_extensions = false');
    await connection.query('SET autoload_known_extensions = false');
    const version = await db.getVersion();
    return new DuckDbEngine(db, connection, version, performance.now() - started);
  }

  /** Runs `task` after every earlier one: the connection does one thing at a time. */
  serialized<T>(task: () => Promise<T>): Promise<T> {
    const next = this.chain.then(task, task);
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Arrow IPC stream bytes of a query's whole result. */
  query(sql: string): Promise<Uint8Array> {
    return this.serialized(() => this.runPending(sql));
  }

  exec(sql: string): Promise<void> {
    return this.serialized(async () => {
      await this.runPending(sql);
    });
  }

  /**
   * Runs SQL for its effect, interrupting it when it takes longer than `milliseconds`: a
   * DuckDB read of a user's file must end, with `onTimeout`'s error, however the file is made.
   */
  async execWithin(sql: string, milliseconds: number, onTimeout: () => Error): Promise<void> {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      void this.cancel();
    }, milliseconds);
    try {
      await this.exec(sql);
    } catch (error) {
      if (timedOut && error instanceof CancelledError) throw onTimeout();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  insertArrow(table: string, ipc: Uint8Array, create: boolean): Promise<void> {
    return this.serialized(() => this.connection.insertArrowFromIPCStream(ipc, { name: table, create }));
  }

  private loads = 0;

  /** Marks a long load as under way, so that a Cancel reaches it between its steps. */
  async whileLoading<T>(load: () => Promise<T>): Promise<T> {
    this.cancelRequested = false;
    this.loads++;
    try {
      return await load();
    } finally {
      this.loads--;
      if (this.loads === 0) this.cancelRequested = false;
    }
  }

  /** Asks the running query (or load) to stop; it rejects with a CancelledError. Idle, it does nothing. */
  async cancel(): Promise<void> {
    if (!this.running && this.loads === 0) return;
    this.cancelRequested = true;
    if (this.running) await this.connection.useUnsafe((db, id) => db.cancelPendingQuery(id));
  }

  /** Called by long loads between steps. */
  throwIfCancelled(what: string): void {
    if (this.cancelRequested) {
      this.cancelRequested = false;
      throw new CancelledError(what);
    }
  }

  private runPending(sql: string): Promise<Uint8Array> {
    return this.connection.useUnsafe(async (db, id) => {
      this.running = true;
      try {
        let header = await db.startPendingQuery(id, sql, false);
        while (header === null) {
          if (this.cancelRequested) await db.cancelPendingQuery(id);
          header = await db.pollPendingQuery(id);
        }
        const chunks: Uint8Array[] = [header];
        for (;;) {
          const chunk = await db.fetchQueryResults(id);
          if (!chunk || chunk.length === 0) break;
          chunks.push(chunk);
        }
        return concatenate(chunks);
      } catch (error) {
        if (this.cancelRequested) {
          this.cancelRequested = false;
          throw new CancelledError('The query');
        }
        throw asQueryError(error, sql);
      } finally {
        this.running = false;
      }
    });
  }
}

function concatenate(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0].slice();
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** DuckDB's message, with the line a CSV error points at lifted into the location. */
function asQueryError(error: unknown, sql: string): Error {
  const message = error instanceof Error ? error.message : String(error);
  // Only DuckDB's own "Line: N" names a row: "line 1" elsewhere in its text is about the SQL.
  const line = /\bLine:\s*(\d+)/.exec(message);
  const column = /column\s+"([^"]+)"/i.exec(message);
  if (line || /Conversion Error|Invalid Input Error|CSV Error/i.test(message)) {
    // DuckDB puts the useful part ("Could not convert string "fast" to 'DOUBLE'") further down.
    const conversion = /Could not convert string (".*?"|'.*?') to '?(\w+)'?/.exec(message);
    const text = conversion ? `the value ${conversion[1]} is not a ${conversion[2]} like the rest of its column` : message.split('\n')[0];
    return new DataError(text, {
      row: line ? Number(line[1]) : undefined,
      column: column ? column[1] : undefined,
      expected: conversion ? `a ${conversion[2]}` : undefined,
    });
  }
  const wrapped = new Error(`${message.split('\n')[0]}${sql.length < 200 ? ` — in: ${sql}` : ''}`);
  return wrapped;
}
