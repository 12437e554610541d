import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import { generateResults } from '../src/core/generate/results';
import { fixtureDir, watchPageProblems } from './helpers';

/*
 * Cancel in the middle of "Run all detectors", and an xlsx results file through the same
 * load path as CSV and Parquet. Fixtures come from the project's seeded generator.
 */

const columns = ['competitor', 'dob', 'nationality', 'discipline', 'sex', 'mark', 'wind', 'date', 'season', 'venue', 'position'] as const;

/** The generated rows as cells, with the counts the screen must show (plain loops, not the app's parser). */
function generatedRows(rows: number, seed: number): { cells: (string | number | null)[][]; performances: number; athletes: number } {
  const cells: (string | number | null)[][] = [[...columns]];
  const athletes = new Set<string>();
  let performances = 0;
  for (const batch of generateResults({ rows, seed }).batches()) {
    for (let i = 0; i < batch.length; i++) {
      cells.push(columns.map((c) => (batch[c] as ArrayLike<string | number | null>)[i]));
      if (!/^\d/.test(batch.mark[i])) continue;
      performances++;
      athletes.add(`${batch.competitor[i]}|${batch.dob[i]}`);
    }
  }
  return { cells, performances, athletes: athletes.size };
}

function writeCsv(name: string, cells: (string | number | null)[][]): string {
  mkdirSync(fixtureDir, { recursive: true });
  const cell = (value: string | number | null) => (value === null ? '' : /[",\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));
  const path = join(fixtureDir, name);
  writeFileSync(path, `${cells.map((row) => row.map(cell).join(',')).join('\n')}\n`);
  return path;
}

const resultsInput = (page: Page) => page.locator('input[type=file][aria-label="Results files (Parquet, CSV or xlsx)"]');
const settled = (page: Page, timeout = 60_000) => expect(page.getByTestId('results-heading')).toHaveAttribute('data-settled', 'true', { timeout });
const errorNotices = (page: Page) => page.locator('.notices [role=alert]');

test.use({ serviceWorkers: 'block' });

test('Cancel during "Run all" stops the run: no progress, no error, detectors not yet run show nothing, and a new run completes', async ({ page }) => {
  test.setTimeout(240_000);
  const fixture = generatedRows(60_000, 21);
  const path = writeCsv('results-cancel-60000-21.csv', fixture.cells);
  const watcher = watchPageProblems(page);
  await page.goto('/#/results');
  await settled(page);
  await resultsInput(page).setInputFiles(path);
  await settled(page, 120_000);
  await expect(page.getByTestId('results-summary')).toContainText(`${fixture.performances.toLocaleString('en')} performances`);

  await page.getByRole('tab', { name: 'Detectors' }).click();
  await expect(page.getByTestId('detector-summary')).toHaveCount(0);
  await page.getByRole('button', { name: 'Run all detectors' }).click();
  // Detectors run in the registry's order: the advanced ones, then ml, then statistical; z-score is last.
  await expect(page.getByTestId('progress-phase')).toContainText('Local outlier factor:', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Cancel' }).click();

  await expect(page.getByTestId('progress-phase')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Run all detectors' })).toBeEnabled();
  // Give a late result or error the time to arrive, had the run gone on.
  await page.waitForTimeout(3_000);
  await expect(page.getByTestId('progress-phase')).toHaveCount(0);
  await expect(errorNotices(page)).toHaveCount(0);
  await expect(page.locator('[data-detector="isolation-forest"]').getByTestId('detector-summary')).toHaveCount(1);
  for (const notRun of ['robust-covariance', 'history-percentile', 'iqr', 'modified-z-score', 'z-score']) {
    await expect(page.locator(`[data-detector="${notRun}"]`).getByTestId('detector-summary')).toHaveCount(0);
  }
  const finished = await page.getByTestId('detector-summary').count();
  expect(finished).toBeGreaterThanOrEqual(3);
  expect(finished).toBeLessThanOrEqual(4);

  await page.getByRole('button', { name: 'Run all detectors' }).click();
  await settled(page, 180_000);
  await expect(page.getByTestId('detector-summary')).toHaveCount(9);
  // The detectors that finished before the cancel are read back from the cache.
  const cached = await page.getByTestId('from-cache').count();
  expect(cached).toBeGreaterThanOrEqual(finished);
  expect(cached).toBeLessThanOrEqual(finished + 1);
  await expect(errorNotices(page)).toHaveCount(0);
  await page.getByRole('tab', { name: 'Evaluation' }).click();
  await expect(page.getByTestId('evaluation-row')).toHaveCount(9 + 1 + 2);
  expect(watcher.problems).toEqual([]);
});

test('an xlsx results file loads through the same path as CSV and Parquet', async ({ page }) => {
  const fixture = generatedRows(800, 5);
  mkdirSync(fixtureDir, { recursive: true });
  const path = join(fixtureDir, 'results-800-5.xlsx');
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(fixture.cells), 'Results');
  writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  const watcher = watchPageProblems(page);
  await page.goto('/#/results');
  await settled(page);
  await resultsInput(page).setInputFiles(path);
  await settled(page);
  await expect(page.getByTestId('results-file')).toHaveCount(1);
  await expect(page.getByTestId('results-file')).toContainText('results-800-5.xlsx');
  await expect(page.getByTestId('results-file')).toContainText('800 rows');
  await expect(page.getByTestId('results-summary')).toContainText(
    `${fixture.performances.toLocaleString('en')} performances of ${fixture.athletes.toLocaleString('en')} athletes`,
  );
  await expect(errorNotices(page)).toHaveCount(0);
  expect(watcher.problems).toEqual([]);
});
