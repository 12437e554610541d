import { spawnSync } from 'node:child_process';
import { relative } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { refuseOutsideRequests } from '../e2e/helpers';
import { dataFolder } from '../scripts/lib/dataFolder';
import type { ResultsExpectations } from '../scripts/lib/resultsExpectations';
import { resultsFiles, type ResultsPair } from '../scripts/lib/resultsFolder';

/*
 * The analyst's path on real data, offline, for every results file of the data folder with a
 * sanctions list beside it (found by their columns, scripts/lib/resultsFolder.ts): the file is
 * dropped, the list loaded, every detector runs, the evaluation, the consensus and a profile
 * are read — with every request outside the app's origin refused. Each expectation comes from
 * the folder's own files through native DuckDB and the same core functions: the rows and event
 * groups of the file, the athletes the list names, each detector's average precision.
 */
const settled = (page: Page, timeout: number) => expect(page.getByTestId('results-heading')).toHaveAttribute('data-settled', 'true', { timeout });
const number = (text: string | null) => Number((text ?? '').replace(/[^0-9.]/g, ''));

/** The expectations from native DuckDB and the same core, through Vite's module runner (the detector registry needs it). */
function expectedOf(pair: ResultsPair, sanctions: string): ResultsExpectations {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/lib/viteNode.ts', 'scripts/lib/resultsExpectations.ts', pair.results, sanctions], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`native expectations failed: ${run.stderr.slice(-500)}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as ResultsExpectations;
}

test.use({ serviceWorkers: 'block' });

test('every results file of the data folder against its sanctions list: run all, evaluate, consensus, profile — offline', async ({ page, baseURL }) => {
  test.setTimeout(900_000);
  const pairs = (await resultsFiles()).filter((pair) => pair.sanctions.length > 0);
  test.skip(pairs.length === 0, `no results file with a sanctions list beside it in ${dataFolder()}`);
  const outside = await refuseOutsideRequests(page.context(), baseURL!);
  await page.goto('/#/results');
  await settled(page, 240_000);
  for (const pair of pairs) {
    const sanctions = pair.sanctions[0];
    const name = relative(dataFolder(), pair.results);
    const expected = expectedOf(pair, sanctions);
    const timings: Record<string, number> = {};
    let started = Date.now();
    await page.getByRole('tab', { name: 'Data' }).click();
    await page.locator('input[type=file][aria-label="Results files (Parquet, CSV or xlsx)"]').setInputFiles(pair.results);
    await settled(page, 300_000);
    timings['drop to loaded screen'] = Date.now() - started;
    await expect(page.getByTestId('results-file').filter({ hasText: name.split('/').pop()! })).toContainText(`${expected.rows.toLocaleString('en')} rows`);
    await expect(page.getByTestId('results-summary')).toContainText(`in ${expected.groups} event groups`);

    await page.getByRole('tab', { name: 'Sanctions' }).click();
    started = Date.now();
    await page.locator('input[type=file][aria-label^="Sanctions list (CSV"]').setInputFiles(sanctions);
    await settled(page, 120_000);
    timings['sanctions matched'] = Date.now() - started;
    expect(number(await page.getByTestId('sanctioned-athletes').textContent())).toBe(expected.sanctioned);

    await page.getByRole('tab', { name: 'Detectors' }).click();
    started = Date.now();
    await page.getByRole('button', { name: 'Run all detectors' }).click();
    await settled(page, 600_000);
    timings['run all (detectors + evaluation)'] = Date.now() - started;
    const detectors = await page.getByTestId('detector-card').count();
    await expect(page.getByTestId('detector-summary')).toHaveCount(detectors);
    await expect(page.getByTestId('last-run')).toContainText('Evaluation');
    console.log(`${name}: ${await page.getByTestId('last-run').textContent()}`);
    for (const card of await page.getByTestId('detector-card').all()) {
      timings[`  ${await card.getAttribute('data-detector')}`] = Number(await card.getByTestId('detector-time').getAttribute('data-ms'));
    }

    await page.getByRole('tab', { name: 'Evaluation' }).click();
    await expect(page.getByTestId('evaluation-row')).toHaveCount(detectors + 1 + 3 + 1);
    const rows = await page.getByTestId('evaluation-row').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-method') ?? '', ...[...tr.children].map((c) => c.textContent?.trim() ?? '')]));
    console.log(`\n${name}, athlete level (${expected.sanctioned} sanctioned athletes):`);
    console.table(rows.map(([method, , auc, ap, overBase, overTrivial, at50, at200, exposure, era, both]) => ({ method, auc, ap, overBase, overTrivial, at50, at200, exposure, era, both })));
    // The app's average precision of each detector is what native DuckDB and the same core give.
    for (const [method, , , ap] of rows) if (method in expected.ap) expect(Number(ap), method).toBeCloseTo(expected.ap[method], 3);
    console.log((await page.getByTestId('evaluation-words').textContent())?.replace(/\.(?=[A-Z])/g, '.\n'));
    await expect(page.getByTestId('lift-chart')).toBeVisible();

    const consensus = page.getByTestId('consensus-row');
    await expect(consensus.first()).toBeVisible();
    started = Date.now();
    await page.getByTestId('consensus-athlete').first().click();
    await settled(page, 120_000);
    timings['profile with explanations'] = Date.now() - started;
    await expect(page.getByTestId('athlete-profile')).toBeVisible();
    await expect(page.getByTestId('flag-explanation').first()).toBeVisible();
    await expect(page.getByTestId('athlete-learned')).toContainText(/ranked [\d,]+ of [\d,]+/);
    console.log('timings (ms):', timings);
  }
  expect(outside).toEqual([]);
});
