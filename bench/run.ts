/**
 * `npm run bench [-- --file PATH] [--rows N] [--only SUITE] [--quick]`: runs every suite in
 * bench/suites (the built app in headless Chromium, and Node where that is the point),
 * prints one table and writes bench/results.json. Every figure stands beside a reference
 * measured in the same run, since this machine is noisy.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Browser } from '@playwright/test';
import { ensureBuilt, launchChromium, printTable, serveBuiltApp, type ServedApp } from '../scripts/lib/builtApp';
import { refuseOutsideRequests } from '../scripts/lib/outsideRequests';
import type { BenchContext, BenchRow, BenchSuite } from './context';

function option(name: string): string | null {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? null) : null;
}

const options = {
  file: option('file') ? resolve(option('file')!) : null,
  rows: Number(option('rows') ?? 1_000_000),
  quick: process.argv.includes('--quick'),
};
const only = option('only');

let preview = null as ServedApp | null;
// One port of the bench's own; held by another process, the run stops and says which.
const benchPort = Number(process.env.BENCH_PORT ?? 4192);
let browser = null as Browser | null;

const context: BenchContext = {
  options,
  async appUrl() {
    if (!preview) {
      ensureBuilt();
      preview = await serveBuiltApp({ port: benchPort });
    }
    return preview.url;
  },
  async browser() {
    browser ??= await launchChromium();
    return browser;
  },
  async newAppPage(path = '/') {
    const url = await context.appUrl();
    const page = await (await context.browser()).newPage({ serviceWorkers: 'block' });
    await refuseOutsideRequests(page, url);
    await page.goto(url + path);
    return page;
  },
  async generatedResults(rows) {
    const dir = join('.cache', 'bench', `results-${rows}`);
    const files = { parquet: resolve(dir, 'results.parquet'), csv: resolve(dir, 'results.csv'), sanctions: resolve(dir, 'sanctions.csv') };
    if (!existsSync(files.parquet)) {
      mkdirSync(dir, { recursive: true });
      const made = spawnSync('npx', ['tsx', 'scripts/generate-results.ts', '--rows', String(rows), '--out', dir, '--seed', '1'], { stdio: 'inherit' });
      if (made.status !== 0) throw new Error('generating the benchmark results failed');
    }
    return files;
  },
};

// Every bench/suites/*.ts is a suite; this file runs under Vite's module runner (npm run bench).
const modules = import.meta.glob<{ suite: BenchSuite }>('./suites/*.ts', { eager: true });
const suites: BenchSuite[] = Object.keys(modules)
  .sort()
  .map((path) => modules[path].suite)
  .filter((suite) => !only || suite.name.startsWith(only));

const rows: BenchRow[] = [];
let failed = false;
try {
  for (const suite of suites) {
    console.log(`\n… ${suite.name}`);
    try {
      const measured = await suite.run(context);
      rows.push(...measured);
      printTable(measured.map(display));
    } catch (error) {
      failed = true;
      console.error(`suite ${suite.name} failed: ${error instanceof Error ? error.stack : error}`);
    }
  }
} finally {
  await browser?.close();
  await preview?.close();
}

function display(row: BenchRow): Record<string, string> {
  const format = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
  return {
    suite: row.suite,
    case: row.case,
    ours: `${format(row.value)} ${row.unit}`,
    reference: row.reference ? `${format(row.reference.value)} ${row.unit} (${row.reference.label})` : '',
    ratio: row.reference ? `${(row.value / row.reference.value).toFixed(2)}×` : '',
    note: row.note ?? '',
  };
}

console.log('\n=== Trackside benchmarks ===');
printTable(rows.map(display));
mkdirSync('bench', { recursive: true });
writeFileSync(join('bench', 'results.json'), JSON.stringify({ measuredAt: new Date().toISOString(), cores: (await import('node:os')).cpus().length, options, rows }, null, 2));
console.log('written: bench/results.json');
process.exit(failed ? 1 : 0);
