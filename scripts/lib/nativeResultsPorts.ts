/**
 * The Results engine's ports in Node (src/platform/results/resultsPorts.ts): native DuckDB in
 * place of the DuckDB worker — query results handed over as Arrow IPC bytes like the worker's,
 * Arrow IPC inserted through an appender — and the Results tasks run in-process in place of
 * the compute pool. The engine's unit tests and the benchmarks drive the same engine as the
 * app on these.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { memoryRunCache } from '../../src/platform/results/detectorCache';
import { ipcOfColumns, type OutColumn } from '../../src/platform/results/arrowReading';
import { tasks } from '../../src/platform/results/results.tasks';
import type { ResultsDatabase, ResultsPool, ResultsPorts } from '../../src/platform/results/resultsPorts';
import type { LoadOptions, LoadReport } from '../../src/platform/duckdb/duckdb.api';

const quoted = (text: string) => `'${text.replaceAll("'", "''")}'`;
const identifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A JS value from native DuckDB as DuckDB-WASM's rows give it (BIGINT as a number, dates as epoch ms). */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.getTime();
  return value;
}

// DuckDB type ids of numbers: BOOLEAN … UBIGINT, FLOAT, DOUBLE, HUGEINT, DECIMAL.
const numericTypeIds = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 16, 19]);

export function nativeDatabase(connection: DuckDBConnection): ResultsDatabase {
  const raw = {
    async exec(sql: string): Promise<void> {
      await connection.run(sql);
    },
    async rows<Row = Record<string, unknown>>(sql: string): Promise<Row[]> {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])) as Row);
    },
    async queryIpc(sql: string): Promise<Uint8Array> {
      const reader = await connection.runAndReadAll(sql);
      const names = reader.columnNames(), types = reader.columnTypes();
      const values = reader.getColumnsJS();
      const texts = reader.getColumnsJson();
      const columns: Record<string, OutColumn> = {};
      names.forEach((name, c) => {
        columns[name] = numericTypeIds.has(types[c].typeId)
          ? { kind: 'float', values: values[c].map((v) => (v === null ? NaN : Number(v))) }
          : { kind: 'text', values: (texts[c] as unknown[]).map((v) => (v === null ? null : String(v))) };
      });
      return ipcOfColumns(columns);
    },
    async insertArrow(table: string, ipc: Uint8Array, create: boolean): Promise<void> {
      const arrow = tableFromIPC(ipc);
      const fields = arrow.schema.fields.map((field) => ({ name: field.name, type: /Int/.test(String(field.type)) ? 'INTEGER' : /Float/.test(String(field.type)) ? 'DOUBLE' : 'VARCHAR' }));
      if (create) await connection.run(`CREATE OR REPLACE TABLE ${identifier(table)} (${fields.map((f) => `${identifier(f.name)} ${f.type}`).join(', ')})`);
      const appender = await connection.createAppender(table);
      const vectors = fields.map((f) => arrow.getChild(f.name)!);
      for (let i = 0; i < arrow.numRows; i++) {
        fields.forEach((field, c) => {
          const value = vectors[c].get(i) as number | string | bigint | null;
          if (value === null || (typeof value === 'number' && Number.isNaN(value))) appender.appendNull();
          else if (field.type === 'INTEGER') appender.appendInteger(Number(value));
          else if (field.type === 'DOUBLE') appender.appendDouble(Number(value));
          else appender.appendVarchar(String(value));
        });
        appender.endRow();
      }
      appender.closeSync();
    },
    async loadFile(file: File, options: LoadOptions): Promise<LoadReport> {
      const started = performance.now();
      const dir = mkdtempSync(join(tmpdir(), 'trackside-'));
      try {
        const path = join(dir, file.name);
        writeFileSync(path, new Uint8Array(await file.arrayBuffer()));
        const reader = /\.parquet$/i.test(file.name) ? `read_parquet(${quoted(path)})` : `read_csv(${quoted(path)}, header = true, all_varchar = true)`;
        await connection.run(`CREATE OR REPLACE TABLE ${identifier(options.table)} AS SELECT * FROM ${reader}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      const described = await raw.rows<{ column_name: string; column_type: string }>(`DESCRIBE ${identifier(options.table)}`);
      const [{ n }] = await raw.rows<{ n: number }>(`SELECT count(*) AS n FROM ${identifier(options.table)}`);
      return {
        file: file.name, table: options.table, format: /\.parquet$/i.test(file.name) ? 'parquet' : 'csv', rows: n,
        columns: described.map((c) => ({ name: c.column_name, type: c.column_type })), milliseconds: performance.now() - started, warnings: [],
        // A CSV's header is its row 1; native DuckDB leaves no row out here.
        numbering: { firstDataRow: /\.parquet$/i.test(file.name) ? 1 : 2, missing: [] },
      };
    },
  };
  // One thing at a time on the connection, as the DuckDB worker runs them (engine.ts): the
  // engine queues an insert while a read is still running, and an appender opened beside a
  // pending query fails.
  let chain: Promise<unknown> = Promise.resolve();
  const serialized = <Args extends unknown[], T>(f: (...args: Args) => Promise<T>) => (...args: Args): Promise<T> => {
    const next = chain.then(() => f(...args), () => f(...args));
    chain = next.catch(() => undefined);
    return next;
  };
  const database = {
    ready: Promise.resolve({ version: 'native', bundle: 'node' }),
    exec: serialized(raw.exec),
    rows: serialized(raw.rows),
    queryIpc: serialized(raw.queryIpc),
    insertArrow: serialized(raw.insertArrow),
    loadFile: serialized(raw.loadFile),
  };
  return database as unknown as ResultsDatabase;
}

/** The Results tasks called in this thread, as the pool would call them in a worker. */
export const inProcessPool: ResultsPool = {
  async run(task, input, options) {
    options?.signal?.throwIfAborted();
    const run = tasks[task] as (input: unknown, attempt: number) => unknown;
    // A worker receives a copy: so does the task here (a transferred buffer is not the caller's any more).
    return (await run(structuredClone(input), 0)) as never;
  },
  // One thread here: there is no pool to widen.
  everyCore: (work) => work(),
};

export async function nativeResultsPorts(connection?: DuckDBConnection): Promise<ResultsPorts & { connection: DuckDBConnection }> {
  const open = connection ?? (await (await DuckDBInstance.create(':memory:')).connect());
  return { connection: open, db: nativeDatabase(open), pool: inProcessPool, cache: memoryRunCache() };
}
