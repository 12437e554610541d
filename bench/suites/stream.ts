import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { generateGameLines } from '../../src/core/generate/games';
import { median, type BenchContext, type BenchRow, type BenchSuite } from '../context';

/** Generated feed lines (many overlapping games), written once per size. */
function feedFile(lines: number): { path: string; sample: string[] } {
  // About 415 lines a game: generate enough, then cut to the exact count.
  const games = Math.ceil(lines / 380);
  const all = generateGameLines({ games, seed: 42 }).slice(0, lines);
  const dir = join('.cache', 'bench');
  mkdirSync(dir, { recursive: true });
  const path = resolve(dir, `stream-${lines}.jsonl`);
  if (all.length !== lines) throw new Error(`generated ${all.length} lines, wanted ${lines}`);
  writeFileSync(path, `${all.join('\n')}\n`);
  return { path, sample: all.slice(0, 20_000) };
}

/** The limit: one thread of the same browser doing nothing but splitting and JSON.parse. */
async function parseLimit(page: Page, text: string, repeats: number): Promise<number> {
  return page.evaluate(({ text, repeats }) => {
    const bytes = new TextEncoder().encode(text);
    const rates: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const started = performance.now();
      const lines = new TextDecoder().decode(bytes).split('\n');
      let parsed = 0;
      for (const line of lines) if (line.length > 0 && JSON.parse(line)) parsed++;
      rates.push(parsed / ((performance.now() - started) / 1000));
    }
    return rates.sort((a, b) => a - b)[rates.length >> 1];
  }, { text, repeats });
}

let runNumber = 0;

interface StreamRun {
  rate: number;
  p50: string;
  p99: string;
  p50Ms: number;
  p99Ms: number;
}

/** Runs one file through the app; `eventsPerSecond` paces it at a fixed rate, else as fast as possible. */
async function streamRun(page: Page, path: string, lines: number, batchSize: number, workers: number, eventsPerSecond?: number): Promise<StreamRun> {
  // A fresh file name per run, so the previous run's "finished" is never read as this one's.
  const name = `run-${++runNumber}.jsonl`;
  const copy = join(dirname(path), name);
  copyFileSync(path, copy);
  path = copy;
  await page.getByTestId('batch-size').selectOption(String(batchSize));
  await page.getByTestId('workers').selectOption(String(workers));
  if (eventsPerSecond === undefined) {
    await page.getByTestId('replay-speed').selectOption('max');
  } else {
    await page.getByTestId('replay-speed').selectOption('rate');
    await page.getByTestId('replay-rate').fill(String(Math.round(eventsPerSecond)));
  }
  await page.locator('input[type=file]').setInputFiles(path);
  await page.getByTestId('stream-source').filter({ hasText: name }).waitFor();
  await page.waitForTimeout(300);
  await page.getByTestId('stream-status').filter({ hasText: `finished · ${lines.toLocaleString('en')} lines` }).waitFor({ timeout: 170_000 });
  const rate = Number((await page.getByTestId('health-throughput').textContent())!.replace(/[^\d]/g, ''));
  const p50 = (await page.getByTestId('health-p50').textContent()) ?? '';
  const p99 = (await page.getByTestId('health-p99').textContent()) ?? '';
  return { rate, p50, p99, p50Ms: Number.parseFloat(p50), p99Ms: Number.parseFloat(p99) };
}

export const suite: BenchSuite = {
  name: 'stream',
  async run(context: BenchContext): Promise<BenchRow[]> {
    const quick = context.options.quick;
    const big = feedFile(quick ? 40_000 : 120_000);
    const small = feedFile(quick ? 3_000 : 8_000);
    const page = await context.newAppPage('/#/stream');
    await page.getByTestId('stream-status').filter({ hasText: 'finished' }).waitFor({ timeout: 60_000 });
    const limit = await parseLimit(page, big.sample.join('\n'), quick ? 3 : 5);
    const rows: BenchRow[] = [];
    const bySize = new Map<number, number>();
    let fastest = { rate: 0, batchSize: 512, workers: 1 };
    for (const batchSize of [1, 8, 32, 128, 512]) {
      for (const workers of [1, 2, 4, 8]) {
        const file = batchSize === 1 ? small : big;
        const lines = batchSize === 1 ? (quick ? 3_000 : 8_000) : quick ? 40_000 : 120_000;
        const measured = await streamRun(page, file.path, lines, batchSize, workers);
        bySize.set(batchSize, Math.max(bySize.get(batchSize) ?? 0, measured.rate));
        if (batchSize > 1 && measured.rate > fastest.rate) fastest = { rate: measured.rate, batchSize, workers };
        rows.push({
          suite: 'stream', case: `end to end, batch ${batchSize}, ${workers} worker${workers > 1 ? 's' : ''}`, unit: 'events/s', value: measured.rate,
          reference: { label: 'split + JSON.parse, one thread', value: limit }, note: `latency p50 ${measured.p50}, p99 ${measured.p99}`,
        });
      }
    }
    const best = Math.max(...bySize.values());
    rows.push({ suite: 'stream', case: 'batch 32 against single events', unit: '×', value: (bySize.get(32) ?? 0) / (bySize.get(1) ?? 1), reference: { label: 'seed claims 5–10×', value: 7.5 } });
    rows.push({ suite: 'stream', case: 'best end-to-end throughput', unit: 'events/s', value: best, reference: { label: 'seed claims ~10K/s per node', value: 10_000 } });
    rows.push({ suite: 'stream', case: 'parse limit (median)', unit: 'events/s', value: limit, note: `${median([limit])} events/s` });
    // Latency under load: the fastest setting again, paced at a fixed share of its maximum.
    for (const share of [0.5, 0.9]) {
      const eventsPerSecond = share * fastest.rate;
      const lines = quick ? 40_000 : 120_000;
      const paced = await streamRun(page, big.path, lines, fastest.batchSize, fastest.workers, eventsPerSecond);
      const setting = `${share * 100} % of max (${Math.round(eventsPerSecond).toLocaleString('en')} events/s), batch ${fastest.batchSize}, ${fastest.workers} worker${fastest.workers > 1 ? 's' : ''}`;
      const reference = { label: 'max latency setting (a partial batch waits this long)', value: 50 };
      rows.push({ suite: 'stream', case: `latency p50 at ${setting}`, unit: 'ms', value: paced.p50Ms, reference, note: `reached ${paced.rate.toLocaleString('en')} events/s` });
      rows.push({ suite: 'stream', case: `latency p99 at ${setting}`, unit: 'ms', value: paced.p99Ms, reference });
    }
    await page.close();
    return rows;
  },
};
