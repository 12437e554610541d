import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { median, type BenchContext, type BenchRow, type BenchSuite } from '../context';

/** Native DuckDB (Node) reading the same file into a table: the reference to beat. */
async function nativeLoad(path: string): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const reader = path.endsWith('.parquet') ? `read_parquet('${path}')` : `read_csv('${path}', header = true)`;
  const started = performance.now();
  await connection.run(`CREATE TABLE t AS SELECT * FROM ${reader}`);
  await connection.runAndReadAll('SELECT count(*) FROM t');
  const elapsed = performance.now() - started;
  connection.closeSync();
  return elapsed;
}

/** The app in Chromium: from choosing the file to a queryable table (the worker's own clock). */
async function browserLoad(context: BenchContext, path: string): Promise<{ milliseconds: number; rows: number; engineSeconds: number }> {
  const page = await context.newAppPage('/#/settings');
  const engine = await page.getByTestId('engine-info').filter({ hasText: 'started in' }).textContent({ timeout: 120_000 });
  await page.goto((await context.appUrl()) + '/#/');
  await page.getByLabel('Any CSV, Parquet, xlsx, JSON lines or FIT file', { exact: true }).last().setInputFiles(path);
  const summary = (await page.getByTestId('inspected-summary').first().textContent({ timeout: 300_000 })) ?? '';
  await page.close();
  const rows = Number(/^([\d,]+) rows/.exec(summary)?.[1].replaceAll(',', ''));
  const seconds = Number(/loaded in ([\d.]+) s/.exec(summary)?.[1]);
  return { milliseconds: seconds * 1000, rows, engineSeconds: Number(/started in ([\d.]+) s/.exec(engine ?? '')?.[1]) };
}

async function measureFile(context: BenchContext, path: string, label: string): Promise<BenchRow[]> {
  const repeats = context.options.quick ? 1 : 3;
  const ours: number[] = [];
  const native: number[] = [];
  let rows = 0;
  let engineSeconds = 0;
  for (let i = 0; i < repeats; i++) {
    const measured = await browserLoad(context, path);
    ours.push(measured.milliseconds);
    rows = measured.rows;
    engineSeconds = measured.engineSeconds;
    native.push(await nativeLoad(path));
  }
  const megabytes = (statSync(path).size / 1e6).toFixed(1);
  return [
    {
      suite: 'load',
      case: `${label}: ${basename(path)} (${rows.toLocaleString('en')} rows, ${megabytes} MB) until queryable`,
      unit: 'ms',
      value: median(ours),
      reference: { label: 'native DuckDB', value: median(native) },
      note: `median of ${repeats}; DuckDB-WASM instantiated in ${engineSeconds} s beforehand`,
    },
  ];
}

export const suite: BenchSuite = {
  name: 'load',
  async run(context) {
    const rows: BenchRow[] = [];
    if (context.options.file) {
      rows.push(...(await measureFile(context, context.options.file, 'your file')));
      return rows;
    }
    const generated = await context.generatedResults(context.options.rows);
    rows.push(...(await measureFile(context, generated.parquet, 'generated Parquet')));
    rows.push(...(await measureFile(context, generated.csv, 'generated CSV')));
    return rows;
  },
};
