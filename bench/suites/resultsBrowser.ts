import type { Page } from '@playwright/test';
import { listDetectors } from '../../src/core/detectors/registry';
import { loadResults, timeDetectors } from '../../scripts/lib/nativeResults';
import type { BenchContext, BenchRow, BenchSuite } from '../context';
import { linkedCopy } from '../resultsFile';

const settled = async (page: Page, timeout: number) =>
  page.locator('[data-testid="results-heading"][data-settled="true"]').waitFor({ timeout });

const milliseconds = async (page: Page, selector: string): Promise<number> => Number(await page.locator(selector).first().getAttribute('data-ms'));

/**
 * The Results workspace as the analyst meets it, in headless Chromium on the built app: the
 * generated Parquet dropped until queryable, then "Run all detectors", each figure read from
 * the screen (the workspace's own clocks) beside the same work in Node on one thread — the
 * native load of the same file and each detector on the same groups. The browser's detector
 * time includes fetching each group's features from DuckDB-WASM, the trip through the pool
 * and storing the scores; the Node time is the detector alone.
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
    let browser: { load: number; loadWall: number; detectors: Map<string, number>; total: number; allWall: number; rows: string; fromCache: number; phases: string };
    try {
      // First sight loads and analyses the small sample; wait for it so the figures are ours alone.
      await settled(page, 180_000);
      console.log(`  first-sight sample settled; dropping ${rows.toLocaleString('en')} rows`);
      let started = Date.now();
      await page.locator('input[type=file][aria-label="Results files (Parquet, CSV or xlsx)"]').setInputFiles(dropped);
      await page.getByTestId('results-file').filter({ hasText: name }).waitFor({ timeout: 600_000 });
      await settled(page, 600_000);
      const loadWall = Date.now() - started;
      const fileRows = (await page.getByTestId('results-file').filter({ hasText: name }).textContent())?.match(/([\d,]+) rows/)?.[1] ?? '?';
      const load = await milliseconds(page, '[data-testid="results-file-load"]');

      console.log(`  loaded in ${(load / 1000).toFixed(1)} s; running all detectors`);
      await page.getByRole('tab', { name: 'Detectors' }).click();
      started = Date.now();
      await page.getByRole('button', { name: 'Run all detectors' }).click();
      await page.locator('[data-testid="results-heading"][data-settled="false"]').waitFor({ timeout: 10_000 }).catch(() => undefined);
      await settled(page, 900_000);
      const allWall = Date.now() - started;
      const detectors = new Map<string, number>();
      for (const card of await page.getByTestId('detector-card').all()) {
        detectors.set((await card.getAttribute('data-detector'))!, Number(await card.getByTestId('detector-time').getAttribute('data-ms')));
      }
      const total = await milliseconds(page, '[data-testid="detectors-total"]');
      const fromCache = await page.getByTestId('from-cache').count();
      const phases = (await page.getByTestId('last-run').textContent()) ?? '';
      browser = { load, loadWall, detectors, total, allWall, rows: fileRows, fromCache, phases };
    } finally {
      await page.close();
    }

    console.log('  browser done; the same in Node on one thread');
    // Node after the browser, so the two never share the two cores.
    const native = await loadResults(files.parquet);
    const ids = listDetectors().map((d) => d.id);
    const node = await timeDetectors(native.connection, ids);
    native.connection.closeSync();
    const nodeTotal = [...node.milliseconds.values()].reduce((a, b) => a + b, 0);

    const suiteName = 'results-browser';
    const out: BenchRow[] = [
      {
        suite: suiteName,
        case: `load ${browser.rows} rows of generated Parquet until queryable`,
        unit: 'ms',
        value: browser.load,
        reference: { label: 'Node: native DuckDB + TS mark parsing', value: native.milliseconds },
        note: `workspace's clock; ${(browser.loadWall / 1000).toFixed(1)} s from drop to settled screen`,
      },
    ];
    for (const [index, id] of ids.entries()) {
      const value = browser.detectors.get(id);
      if (value === undefined || !Number.isFinite(value)) throw new Error(`no time on screen for ${id}`);
      // The first detector of a run fetches every group's features from DuckDB-WASM; the others reuse them.
      const note = index === 0 ? "incl. every group's features from DuckDB-WASM" : undefined;
      out.push({ suite: suiteName, case: `${id} over all events`, unit: 'ms', value, reference: { label: 'Node, one thread', value: node.milliseconds.get(id)! }, note });
    }
    out.push({
      suite: suiteName,
      case: `all detectors (${node.performances.toLocaleString('en')} performances, ${node.groups} groups)`,
      unit: 'ms',
      value: browser.total,
      reference: { label: 'Node, one thread', value: nodeTotal },
      note: `${(browser.allWall / 1000).toFixed(1)} s click to settled; ${browser.phases}${browser.fromCache > 0 ? `; ${browser.fromCache} FROM CACHE` : ''}`,
    });
    return out;
  },
};
