import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import { generateResults } from '../src/core/generate/results';
import { fixtureDir, watchPageProblems } from './helpers';

/*
 * Cancel in the middle of "Run all detectors"; an xlsx results file through the same load
 * path as CSV and Parquet; a men's list without a sex column, given one through the mapping
 * dialog; a sanctions list of every sport, dated by the sanction, and one that names no athlete
 * of the results. Fixtures come from the project's seeded generator.
 */

const columns = ['competitor', 'dob', 'nationality', 'discipline', 'sex', 'mark', 'wind', 'date', 'season', 'venue', 'position'] as const;
type Cells = (string | number | null)[][];

/** The generated rows as cells (keeping rows that pass `keep`), with the counts the screen must show (plain loops, not the app's parser). */
function generatedRows(rows: number, seed: number, keep: (sex: string) => boolean = () => true, without: string[] = []) {
  const used = columns.filter((c) => !without.includes(c));
  const cells: Cells = [[...used]];
  const athletes = new Set<string>();
  const names: string[] = [];
  let performances = 0;
  for (const batch of generateResults({ rows, seed }).batches()) {
    for (let i = 0; i < batch.length; i++) {
      if (!keep(batch.sex[i])) continue;
      cells.push(used.map((c) => (batch[c] as ArrayLike<string | number | null>)[i]));
      if (!/^\d/.test(batch.mark[i])) continue;
      performances++;
      if (!athletes.has(`${batch.competitor[i]}|${batch.dob[i]}`)) names.push(batch.competitor[i]);
      athletes.add(`${batch.competitor[i]}|${batch.dob[i]}`);
    }
  }
  return { cells, performances, athletes: athletes.size, names };
}

function writeCsv(name: string, cells: Cells): string {
  mkdirSync(fixtureDir, { recursive: true });
  const cell = (value: string | number | null) => (value === null ? '' : /[",\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));
  const path = join(fixtureDir, name);
  writeFileSync(path, `${cells.map((row) => row.map(cell).join(',')).join('\n')}\n`);
  return path;
}

const resultsInput = (page: Page) => page.locator('input[type=file][aria-label="Results files (Parquet, CSV or xlsx)"]');
const sanctionsInput = (page: Page) => page.locator('input[type=file][aria-label^="Sanctions list (CSV"]');
const settled = (page: Page, timeout = 120_000) => expect(page.getByTestId('results-heading')).toHaveAttribute('data-settled', 'true', { timeout });
const errorNotices = (page: Page) => page.locator('.notices [role=alert]');

test.use({ serviceWorkers: 'block' });

test('Cancel during "Run all" stops the run: no progress, no error, no half-run detector shown, and a new run reuses the finished groups', async ({ page }) => {
  test.setTimeout(300_000);
  const fixture = generatedRows(60_000, 21);
  const path = writeCsv('results-cancel-60000-21.csv', fixture.cells);
  const watcher = watchPageProblems(page);
  await page.goto('/#/results');
  await settled(page, 200_000);
  await resultsInput(page).setInputFiles(path);
  await settled(page);
  await expect(page.getByTestId('results-summary')).toContainText(`${fixture.performances.toLocaleString('en')} performances`);

  await page.getByRole('tab', { name: 'Detectors' }).click();
  await expect(page.getByTestId('detector-summary')).toHaveCount(0);
  await page.getByRole('button', { name: 'Run all detectors' }).click();
  // One task per event group runs every detector: cancel once the first groups are judged.
  await expect(page.getByTestId('progress-phase')).toContainText(/, [1-9]\d* of \d+ event groups/, { timeout: 150_000 });
  await page.getByRole('button', { name: 'Cancel' }).click();

  await expect(page.getByTestId('progress-phase')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Run all detectors' })).toBeEnabled();
  // A detector is shown only when every group is judged: none after a cancel, and nothing
  // arrives later — give a late result or error the time to arrive, had the run gone on.
  await page.waitForTimeout(3_000);
  await expect(page.getByTestId('progress-phase')).toHaveCount(0);
  await expect(page.getByTestId('detector-summary')).toHaveCount(0);
  await expect(errorNotices(page)).toHaveCount(0);

  await page.getByRole('button', { name: 'Run all detectors' }).click();
  await settled(page, 200_000);
  await expect(page.getByTestId('detector-summary')).toHaveCount(13);
  // The groups judged before the cancel are read back from the cache, the same for every detector.
  const reused = page.getByTestId('groups-from-cache');
  await expect(reused).toHaveCount(13);
  const counts = new Set(await reused.evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute('data-groups')))));
  expect(counts.size).toBe(1);
  expect([...counts][0]).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId('from-cache')).toHaveCount(0);
  await expect(errorNotices(page)).toHaveCount(0);
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
  await settled(page, 200_000);
  await resultsInput(page).setInputFiles(path);
  await settled(page);
  await expect(page.getByTestId('results-file')).toHaveCount(1);
  await expect(page.getByTestId('results-file')).toContainText('results-800-5.xlsx');
  await expect(page.getByTestId('results-file')).toContainText('800 rows');
  await expect(page.getByTestId('results-summary')).toContainText(`${fixture.performances.toLocaleString('en')} performances of ${fixture.athletes.toLocaleString('en')} athletes`);
  await expect(errorNotices(page)).toHaveCount(0);
  expect(watcher.problems).toEqual([]);
});

test('a men\u2019s list without a sex column: the dialog asks, one value for the whole file, every group is the men\u2019s', async ({ page }) => {
  const fixture = generatedRows(3_000, 8, (sex) => sex === 'male', ['sex']);
  const path = writeCsv('results-men-no-sex.csv', fixture.cells);
  await page.goto('/#/results');
  await settled(page, 200_000);
  await resultsInput(page).setInputFiles(path);
  const dialog = page.getByTestId('mapping-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('no column for the sex');
  await dialog.getByTestId('mapping-sex').selectOption({ label: 'one value for the whole file…' });
  await dialog.getByTestId('mapping-fixed-sex').selectOption('male');
  await dialog.getByRole('button', { name: 'Load with this mapping' }).click();
  await settled(page);
  await expect(page.getByTestId('results-summary')).toContainText(`${fixture.performances.toLocaleString('en')} performances of ${fixture.athletes.toLocaleString('en')} athletes`);
  const sexes = await page.locator('table').last().locator('tbody tr td:nth-child(2)').allTextContents();
  expect(sexes.length).toBeGreaterThan(3);
  expect(new Set(sexes)).toEqual(new Set(['male']));
});

test('a sanctions list of every sport, dated by the sanction: athletics only with the rest counted, years read; a list naming nobody asks for another', async ({ page }) => {
  test.setTimeout(360_000);
  const fixture = generatedRows(3_000, 9);
  const results = writeCsv('results-for-sport-list.csv', fixture.cells);
  const sanctioned = fixture.names.slice(0, 12);
  const sportList = writeCsv('sanctions-every-sport.csv', [
    ['Athlete', 'Sport', 'Nationality', 'Sanction date', 'Ban end'],
    ...sanctioned.map((name, i) => [name, i % 2 === 0 ? 'Athletics' : 'Track and Field', '', `201${i % 10}-0${1 + (i % 9)}-15`, '']),
    ['Jan Ullrich-Test', 'Cycling', 'Germany', '2006-06-30', '2008-06-30'],
    ['Test Swimmer', 'Swimming', 'China', '2014-05-17', '2014-08-17'],
    ['Other Rider', 'Cycling', 'Spain', '2012-02-06', '2014-02-06'],
  ]);
  const nobody = writeCsv('sanctions-nobody-here.csv', [['Name', 'Country', 'Date of violation', 'Sanction'], ['Nobody Known Atall', 'Kenya', '2015', '2 years']]);
  await page.goto('/#/results');
  await settled(page, 200_000);
  await resultsInput(page).setInputFiles(results);
  await settled(page);

  await page.getByRole('tab', { name: 'Sanctions' }).click();
  await sanctionsInput(page).setInputFiles(sportList);
  await settled(page);
  await expect(page.getByTestId('sanctions-summary')).toContainText(`${sanctioned.length} sanctions`);
  await expect(page.getByTestId('sanctions-other-sports')).toContainText('3 rows of other sports left out (Cycling 2, Swimming 1)');
  await expect(page.getByTestId('sanctions-dated')).toContainText(`${sanctioned.length} of ${sanctioned.length} with a year, read from “Sanction date”`);
  await page.getByTestId('sanctions-filter-all').click();
  await expect(page.getByTestId('sanction-years').filter({ hasText: 'year not given' })).toHaveCount(0);
  await page.getByTestId('sanctions-athletics-only').uncheck();
  await settled(page);
  await expect(page.getByTestId('sanctions-summary')).toContainText(`${sanctioned.length + 3} sanctions`);
  await expect(page.getByTestId('sanctions-other-sports')).toContainText('Every sport of the list is kept, 3 rows of other sports among them');
  await page.getByTestId('sanctions-athletics-only').check();
  await settled(page);
  await expect(page.getByTestId('sanctions-summary')).toContainText(`${sanctioned.length} sanctions`);

  await page.getByRole('tab', { name: 'Detectors' }).click();
  await page.getByRole('button', { name: 'Run all detectors' }).click();
  await settled(page, 200_000);
  await page.getByRole('tab', { name: 'Sanctions' }).click();
  await sanctionsInput(page).setInputFiles(nobody);
  await settled(page);
  await expect(page.getByTestId('sanctioned-athletes')).toHaveText('0');
  await page.getByRole('tab', { name: 'Evaluation' }).click();
  await expect(page.getByTestId('evaluation-needs-sanctions')).toContainText('None of the 1 sanctions in sanctions-nobody-here.csv names an athlete of these results');
  await expect(page.getByTestId('evaluation-table')).toHaveCount(0);
  await expect(page.getByTestId('consensus-list')).toBeVisible();
});
