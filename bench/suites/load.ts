import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Page } from '@playwright/test';
import { tabPeakBytes } from '../../scripts/lib/processMemory';
import { median, type BenchContext, type BenchRow, type BenchSuite } from '../context';
import { nativeResultsLoad } from '../nativeLoad';
import { linkedCopy } from '../resultsFile';

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
async function browserLoad(context: BenchContext, path: string): Promise<{ milliseconds: number; rows: number }> {
  const page = await context.newAppPage('/#/settings');
  await page.getByTestId('engine-info').filter({ hasText: 'started in' }).waitFor({ timeout: 120_000 });
  await page.goto((await context.appUrl()) + '/#/');
  await page.getByLabel('Any CSV, Parquet, xlsx, JSON lines or FIT file', { exact: true }).last().setInputFiles(path);
  const summary = (await page.getByTestId('inspected-summary').first().textContent({ timeout: 300_000 })) ?? '';
  await page.close();
  const rows = Number(/^([\d,]+) rows/.exec(summary)?.[1].replaceAll(',', ''));
  const seconds = Number(/loaded in ([\d.]+) s/.exec(summary)?.[1]);
  return { milliseconds: seconds * 1000, rows };
}

async function measureFile(context: BenchContext, path: string, label: string): Promise<BenchRow[]> {
  const repeats = context.options.quick ? 1 : 3;
  const ours: number[] = [];
  const native: number[] = [];
  let rows = 0;
  for (let i = 0; i < repeats; i++) {
    const measured = await browserLoad(context, path);
    ours.push(measured.milliseconds);
    rows = measured.rows;
    native.push(await nativeLoad(path));
  }
  const megabytes = (statSync(path).size / 1e6).toFixed(1);
  return [{
    suite: 'load',
    case: `${label}: ${basename(path)} (${rows.toLocaleString('en')} rows, ${megabytes} MB) until queryable`,
    unit: 'ms',
    value: median(ours),
    reference: { label: 'native DuckDB', value: median(native) },
    note: `median of ${repeats}`,
  }];
}

/** Milliseconds between two marks of the page (performance.mark, navigation timing). */
async function marks(page: Page): Promise<Record<string, number>> {
  // A string, not a function: the bench's TypeScript transform would wrap a function in helpers the page lacks.
  return (await page.evaluate(`(() => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    return { interactive: performance.getEntriesByType('navigation')[0].domInteractive, duckdb: at('trackside:duckdb-ready'),
      engineStart: performance.getEntriesByName('trackside:duckdb-ready')[0]?.detail?.instantiateMilliseconds ?? NaN,
      firstSight: at('trackside:results-first-sight'), analysed: at('trackside:results-analysed') };
  })()`)) as Record<string, number>;
}

/** DuckDB-WASM's engine fetched and compiled alone, in a page of the app's origin without the app: below DuckDB-WASM's own start, which also instantiates and opens it. */
async function bareCompile(context: BenchContext): Promise<number> {
  const wasm = readdirSync(join('dist', 'assets')).find((name) => /^duckdb-eh-.*\.wasm$/.test(name));
  const page = await context.newAppPage('/icons/icon.svg');
  const milliseconds = (await page.evaluate(`(async () => {
    const started = performance.now();
    await WebAssembly.compileStreaming(fetch('/assets/${wasm}'));
    return performance.now() - started;
  })()`)) as number;
  await page.close();
  return milliseconds;
}

/** Opening Results on a fresh page: DuckDB ready after the page is interactive, then the first sight and the analysed sample. */
async function firstSight(context: BenchContext): Promise<BenchRow[]> {
  const repeats = context.options.quick ? 1 : 3;
  const ready: number[] = [];
  const sight: number[] = [];
  const analysed: number[] = [];
  const compile: number[] = [];
  const engineStart: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const page = await context.newAppPage('/#/results');
    await page.locator('[data-testid="results-heading"][data-settled="true"]').waitFor({ timeout: 180_000 });
    const at = await marks(page);
    await page.close();
    ready.push(at.duckdb - at.interactive);
    engineStart.push(at.engineStart);
    sight.push(at.firstSight - at.duckdb);
    analysed.push(at.analysed - at.duckdb);
    compile.push(await bareCompile(context));
  }
  const sample = join('public', 'samples', 'results', 'results.parquet');
  const native = nativeResultsLoad(sample);
  return [
    {
      suite: 'load', case: 'DuckDB ready after the page is interactive', unit: 'ms', value: median(ready),
      reference: { label: "of which DuckDB-WASM's own start in its worker (instantiate, open, connect)", value: median(engineStart) },
      note: `median of ${repeats}; goal 1,500 ms; its 34 MB wasm fetched and compiled alone in an empty page: ${Math.round(median(compile))} ms`,
    },
    {
      suite: 'load', case: `Results first sight after DuckDB is ready (${native.rows.toLocaleString('en')}-row sample loaded and matched)`, unit: 'ms', value: median(sight),
      reference: { label: 'Node: native DuckDB, the same sample', value: native.milliseconds },
      note: `median of ${repeats}; goal 3,000 ms; every detector done ${(median(analysed) / 1000).toFixed(1)} s after DuckDB ready`,
    },
  ];
}

/**
 * The installed app opened again: one profile kept between visits (HTTP cache, the service
 * worker and its precache), as an analyst or a coach has it. The first visit installs the
 * service worker; DuckDB ready is measured on the visits after it.
 */
async function returningVisits(context: BenchContext): Promise<BenchRow> {
  const repeats = context.options.quick ? 2 : 4;
  const appUrl = await context.appUrl();
  const appOrigin = new URL(appUrl).origin;
  // Routing would turn the HTTP cache off, so outside requests are watched instead of refused.
  const profile = await (await context.browser()).newContext({ serviceWorkers: 'allow' });
  const outside: string[] = [];
  profile.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== appOrigin && !['blob:', 'data:'].includes(url.protocol)) outside.push(url.href);
  });
  let first = NaN;
  const ready: number[] = [];
  try {
    for (let visit = 0; visit <= repeats; visit++) {
      const page = await profile.newPage();
      await page.goto(appUrl + '/#/results');
      await page.locator('[data-testid="results-heading"][data-settled="true"]').waitFor({ timeout: 180_000 });
      const at = await marks(page);
      if (visit === 0) {
        first = at.duckdb - at.interactive;
        // The service worker has cached the app (the DuckDB engine with it) once it is ready.
        await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
      } else {
        ready.push(at.duckdb - at.interactive);
      }
      await page.close();
    }
  } finally {
    await profile.close();
  }
  if (outside.length > 0) throw new Error(`the app asked for outside addresses: ${outside.join(', ')}`);
  return {
    suite: 'load', case: 'DuckDB ready after the page is interactive, returning visit (one profile, service worker on)', unit: 'ms', value: median(ready),
    reference: { label: 'the first visit of that profile', value: first },
    note: `median of ${repeats} visits after the first; goal 1,500 ms`,
  };
}

/** The analyst drops a million rows on Results: the workspace's own clock (marks, events, athletes) and the tab's peak memory. */
async function resultsLoad(context: BenchContext, parquet: string): Promise<BenchRow[]> {
  const dropped = linkedCopy(parquet, `bench-results-${context.options.rows}.parquet`);
  const page = await context.newAppPage('/#/results');
  page.setDefaultTimeout(600_000);
  const settled = () => page.locator('[data-testid="results-heading"][data-settled="true"]').waitFor();
  await settled();
  await page.locator('input[type=file][aria-label="Results files (Parquet, CSV or xlsx)"]').setInputFiles(dropped);
  const card = page.getByTestId('results-file').filter({ hasText: basename(dropped) });
  await card.waitFor();
  await settled();
  const milliseconds = Number(await card.getByTestId('results-file-load').getAttribute('data-ms'));
  const rows = (await card.textContent())?.match(/([\d,]+) rows/)?.[1] ?? '?';
  const peak = await tabPeakBytes(await context.browser());
  await page.close();
  const native = nativeResultsLoad(parquet);
  const gigabytes = (bytes: number) => bytes / 1024 ** 3;
  return [
    { suite: 'load', case: `Results: ${rows} rows of generated Parquet dropped until analysable (marks, events, athletes)`, unit: 'ms', value: milliseconds, reference: { label: 'Node: native DuckDB + TS mark parsing', value: native.milliseconds }, note: "workspace's clock; goal ≤ 2×" },
    { suite: 'load', case: `tab's peak memory with ${rows} rows loaded`, unit: 'GiB', value: gigabytes(peak), reference: { label: 'native DuckDB process, same load', value: gigabytes(native.peakBytes) }, note: 'VmHWM of the renderer; goal < 2 GB' },
  ];
}

export const suite: BenchSuite = {
  name: 'load',
  async run(context) {
    const rows: BenchRow[] = [];
    if (context.options.file) return measureFile(context, context.options.file, 'your file');
    rows.push(...(await firstSight(context)));
    rows.push(await returningVisits(context));
    const generated = await context.generatedResults(context.options.quick ? 200_000 : context.options.rows);
    rows.push(...(await measureFile(context, generated.parquet, 'generated Parquet')));
    rows.push(...(await measureFile(context, generated.csv, 'generated CSV')));
    rows.push(...(await resultsLoad(context, generated.parquet)));
    return rows;
  },
};
