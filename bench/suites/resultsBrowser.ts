import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { Browser, Page } from '@playwright/test';
import { listDetectors } from '../../src/core/detectors/registry';
import { evaluationInput } from '../../src/core/evaluation/evaluationInput';
import { evaluateMethods } from '../../src/core/evaluation/methodEvaluation';
import { loadResults } from '../../scripts/lib/nativeResults';
import { rendererPids } from '../../scripts/lib/processMemory';
import { cpuSplit, threadTimes, type CpuSplit } from '../../scripts/lib/threadCpu';
import { matchSanctionList, runDetectors } from '../../scripts/lib/nativeEvaluation';
import { sklearnMethodOf, sklearnName, sklearnReference } from '../sklearnReference';
import type { BenchRow, BenchSuite } from '../context';
import { linkedCopy } from '../resultsFile';

const settled = async (page: Page, timeout: number) =>
  page.locator('[data-testid="results-heading"][data-settled="true"]').waitFor({ timeout });

const milliseconds = async (page: Page, selector: string): Promise<number> => Number(await page.locator(selector).first().getAttribute('data-ms'));

const load = (): string => `load ${loadavg()[0].toFixed(1)}`;

/** The largest peak resident memory (VmHWM, MB) of the renderers since their last reset. */
async function rendererPeakMegabytes(browser: Browser): Promise<number> {
  let peak = 0;
  for (const pid of await rendererPids(browser)) {
    const kilobytes = Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/)?.[1] ?? 0);
    peak = Math.max(peak, kilobytes / 1024);
  }
  return peak;
}

/** Starts the renderers' peaks again from what they hold now (Linux: 5 > /proc/PID/clear_refs), so each phase has its own. */
async function resetRendererPeaks(browser: Browser): Promise<void> {
  for (const pid of await rendererPids(browser)) {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {
      // Not allowed here: the next peak then spans the phases before too.
    }
  }
}

/**
 * The Results workspace as the analyst meets it, in headless Chromium on the built app: the
 * generated Parquet dropped until queryable, the generated sanctions dropped, then "Run all
 * detectors" — each figure read from the screen (the workspace's own clocks) beside the same
 * work in Node on one thread (the native load; every detector on the same groups; the core's
 * evaluation) and scikit-learn's isolation forest, LOF and MCD on the same features. The
 * browser's detector phase runs one task per group with a worker on every core and includes
 * fetching each group's columns from DuckDB-WASM and storing the flags; a detector's own
 * time is what the workers spent in it. The tab's peak memory is the renderer's VmHWM.
 */
export const suite: BenchSuite = {
  name: 'results-browser',
  async run(context) {
    const rows = context.options.quick ? 200_000 : context.options.rows;
    const files = await context.generatedResults(rows);
    const name = `bench-results-${rows}.parquet`;
    const dropped = linkedCopy(files.parquet, name);
    const page = await context.newAppPage('/#/results');
    page.setDefaultTimeout(600_000);
    let browser: {
      load: number; loadWall: number; detectors: Map<string, number>; detectorPhase: number; evaluationPhase: number;
      allWall: number; rows: string; fromCache: number; loads: string[]; peaks: { firstSight: number; load: number; run: number };
      cpu: { load: CpuSplit; run: CpuSplit };
    };
    try {
      // First sight loads and analyses the small sample; wait for it so the figures are ours alone.
      await settled(page, 180_000);
      const firstSightPeak = await rendererPeakMegabytes(await context.browser());
      await resetRendererPeaks(await context.browser());
      console.log(`  first-sight sample settled; dropping ${rows.toLocaleString('en')} rows`);
      const loads = [load()];
      let threads = await threadTimes(await context.browser());
      let started = Date.now();
      await page.locator('input[type=file][aria-label="Results files (Parquet, CSV or xlsx)"]').setInputFiles(dropped);
      await page.getByTestId('results-file').filter({ hasText: name }).waitFor({ timeout: 600_000 });
      await settled(page, 600_000);
      const loadWall = Date.now() - started;
      const loadCpu = cpuSplit(threads, await threadTimes(await context.browser()));
      loads.push(load());
      const fileRows = (await page.getByTestId('results-file').filter({ hasText: name }).textContent())?.match(/([\d,]+) rows/)?.[1] ?? '?';
      const loadMs = await milliseconds(page, '[data-testid="results-file-load"]');
      const loadPeak = await rendererPeakMegabytes(await context.browser());
      await page.getByRole('tab', { name: 'Sanctions' }).click();
      await page.locator('input[type=file][aria-label^="Sanctions list (CSV"]').setInputFiles(files.sanctions, { timeout: 30_000 });
      await settled(page, 120_000);

      console.log(`  loaded in ${(loadMs / 1000).toFixed(1)} s (peak ${loadPeak.toFixed(0)} MB); running all detectors`);
      await resetRendererPeaks(await context.browser());
      await page.getByRole('tab', { name: 'Detectors' }).click();
      threads = await threadTimes(await context.browser());
      started = Date.now();
      await page.getByRole('button', { name: 'Run all detectors' }).click();
      await page.locator('[data-testid="results-heading"][data-settled="false"]').waitFor({ timeout: 10_000 }).catch(() => undefined);
      await settled(page, 900_000);
      const allWall = Date.now() - started;
      const runCpu = cpuSplit(threads, await threadTimes(await context.browser()));
      loads.push(load());
      const detectors = new Map<string, number>();
      for (const card of await page.getByTestId('detector-card').all()) {
        detectors.set((await card.getAttribute('data-detector'))!, Number(await card.getByTestId('detector-time').getAttribute('data-ms')));
      }
      const detectorPhase = await milliseconds(page, '[data-testid="run-phase"][data-phase^="Detectors"]');
      const evaluationPhase = await milliseconds(page, '[data-testid="run-phase"][data-phase="Evaluation"]');
      const fromCache = await page.getByTestId('from-cache').count();
      const runPeak = await rendererPeakMegabytes(await context.browser());
      browser = { load: loadMs, loadWall, detectors, detectorPhase, evaluationPhase, allWall, rows: fileRows, fromCache, loads, peaks: { firstSight: firstSightPeak, load: loadPeak, run: runPeak }, cpu: { load: loadCpu, run: runCpu } };
    } finally {
      await page.close();
    }

    console.log('  browser done; the same in Node on one thread, then scikit-learn');
    // Node after the browser, so the two never share the two cores.
    const native = await loadResults(files.parquet);
    const sklearn = sklearnReference(`${rows}`);
    const nodeLoad = load();
    const scored = await runDetectors(native.connection, native.rows, sklearn.onGroup);
    const sanctions = await matchSanctionList(native.connection, files.sanctions);
    native.connection.closeSync();
    const evaluationStarted = performance.now();
    evaluateMethods(evaluationInput({ ...scored.table, sanctions: sanctions.periods }, 'athlete', 2));
    const nodeEvaluation = performance.now() - evaluationStarted;
    const nodeMs = new Map([...scored.seconds].map(([id, s]) => [id, s * 1000]));
    const nodeTotal = 1000 * scored.contextSeconds + [...nodeMs.values()].reduce((a, b) => a + b, 0);
    const nodeDone = load();
    const reference = sklearn.run();
    const sklearnLoad = load();

    const suiteName = 'results-browser';
    const cores = cpus().length;
    const performances = scored.table.athleteOf.length;
    const out: BenchRow[] = [
      {
        suite: suiteName, case: `load ${browser.rows} rows of generated Parquet until queryable`, unit: 'ms', value: browser.load,
        reference: { label: 'Node: native DuckDB + TS mark parsing', value: native.milliseconds },
        note: `workspace's clock; ${(browser.loadWall / 1000).toFixed(1)} s from drop to settled screen; ${browser.loads[0]} → ${browser.loads[1]}`,
      },
      {
        suite: suiteName, case: `all detectors over ${performances.toLocaleString('en')} performances (${scored.table.higherIsBetter.length} groups), Chromium, ${cores} cores`,
        unit: 'ms', value: browser.detectorPhase, reference: { label: 'Node, one thread', value: nodeTotal },
        note: `goal ≤ 5,000 ms; "Detectors" phase on screen, a worker on every core${browser.fromCache > 0 ? `; ${browser.fromCache} FROM CACHE` : ''}; ${browser.loads[1]} → ${browser.loads[2]} (Node: ${nodeLoad} → ${nodeDone})`,
      },
      {
        suite: suiteName, case: 'evaluation phase after "Run all" (athlete level, strata, baselines, learned combination; consensus; first profile)',
        unit: 'ms', value: browser.evaluationPhase, reference: { label: "Node, one thread: the core's evaluation alone", value: nodeEvaluation },
        note: `${(browser.allWall / 1000).toFixed(1)} s from the click to a settled screen; ${browser.loads[2]}`,
      },
      {
        suite: suiteName, case: `the tab's peak memory (renderer VmHWM) with ${browser.rows} rows analysed`, unit: 'MB',
        value: Math.max(browser.peaks.firstSight, browser.peaks.load, browser.peaks.run), reference: { label: 'the limit', value: 2048 },
        note: `the page, its workers and DuckDB-WASM; peak at first sight ${browser.peaks.firstSight.toFixed(0)} MB, loading the file ${browser.peaks.load.toFixed(0)} MB, "Run all" with the evaluation ${browser.peaks.run.toFixed(0)} MB`,
      },
    ];
    // Where the cores' time went (Linux only: /proc), beside what the cores could give in that time.
    for (const [what, split, wall] of [['dropping the file until a settled screen', browser.cpu.load, browser.loadWall], ['"Run all" from the click to a settled screen', browser.cpu.run, browser.allWall]] as const) {
      if (split.total === 0) continue;
      const s = (seconds: number) => seconds.toFixed(1);
      out.push({
        suite: suiteName, case: `CPU of the browser's threads while ${what}`, unit: 's', value: split.total,
        reference: { label: `${cores} cores × ${s(wall / 1000)} s`, value: (cores * wall) / 1000 },
        note: `web workers ${split.workers.filter((w) => w >= 0.05).map(s).join(' + ')} (busiest first; the compute workers, DuckDB-WASM's, the decoders': /proc does not name them); V8's background compilation and GC ${s(split.threadPool)}; the page's main thread ${s(split.page)}; other threads and processes ${s(split.other)}`,
      });
    }
    for (const id of listDetectors().map((d) => d.id)) {
      const value = browser.detectors.get(id);
      if (value === undefined || !Number.isFinite(value)) throw new Error(`no time on screen for ${id}`);
      out.push({ suite: suiteName, case: `${id}: its own time in the workers`, unit: 'ms', value, reference: { label: 'Node, one thread', value: nodeMs.get(id)! }, note: browser.loads[2] });
      const method = sklearnMethodOf[id];
      if (!method) continue;
      if (typeof reference === 'string') out.push({ suite: suiteName, case: `${id} vs scikit-learn`, unit: 'ms', value, note: reference });
      else out.push({ suite: suiteName, case: `${id}: its own time in the workers`, unit: 'ms', value, reference: { label: `${sklearnName[method]}, one thread`, value: reference[method].milliseconds }, note: `same features and rows; ${sklearnLoad}` });
    }
    return out;
  },
};
