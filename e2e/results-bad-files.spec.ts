import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createRandom } from '../src/core/stats/random';
import { generateResults } from '../src/core/generate/results';
import { resultsCsv } from '../src/core/generate/resultsCsv';
import { utf16le } from '../scripts/faults/corrupt';
import { fixtureDir, watchPageProblems } from './helpers';

/*
 * Files the Results workspace cannot use as they are: each says which file, which column,
 * which rows and what was expected, and whatever was fine stays loaded.
 */

function writeCsv(name: string, header: string[], rows: (string | number)[][]): string {
  mkdirSync(fixtureDir, { recursive: true });
  const path = join(fixtureDir, name);
  writeFileSync(path, `${[header, ...rows].map((row) => row.join(',')).join('\n')}\n`);
  return path;
}

/** `count` 100 m results of 20 athletes; `markAt(i)` may replace a mark. */
function sprintRows(count: number, seed: number, markAt: (i: number, mark: string) => string = (_, m) => m): (string | number)[][] {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, i) => [
    `Runner ${String.fromCharCode(65 + random.int(20))}`, 'male', '100m', markAt(i, (10 + random.next()).toFixed(2)), `20${10 + random.int(10)}-06-${10 + random.int(18)}`,
  ]);
}

const resultsInput = (page: Page) => page.locator('input[type=file][aria-label="Results files (Parquet, CSV or xlsx)"]');
const settled = (page: Page) => expect(page.getByTestId('results-heading')).toHaveAttribute('data-settled', 'true', { timeout: 60_000 });

test.use({ serviceWorkers: 'block' });

test.beforeEach(async ({ page }) => {
  await page.goto('/#/results');
  await settled(page);
});

test('a file without a recognised mark column opens the mapping dialog; the mapping is remembered for the same shape', async ({ page }) => {
  const header = ['athlete', 'sex', 'event', 'clocked', 'date'];
  const first = writeCsv('results-unmapped-1.csv', header, sprintRows(40, 1));
  const second = writeCsv('results-unmapped-2.csv', header, sprintRows(30, 2));
  await resultsInput(page).setInputFiles(first);
  const dialog = page.getByTestId('mapping-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('No column was recognised for: mark');
  await dialog.getByLabel('mark *').selectOption('clocked');
  await dialog.getByRole('button', { name: 'Load with this mapping' }).click();
  await settled(page);
  await expect(page.getByTestId('results-file')).toHaveCount(1);
  await expect(page.getByTestId('results-file')).toContainText('40 rows');
  await expect(page.getByTestId('results-file')).toContainText('mark ← clocked');

  // Same columns again: no dialog, the remembered mapping is used.
  await resultsInput(page).setInputFiles(second);
  await settled(page);
  await expect(page.getByTestId('results-file')).toHaveCount(2);
  await expect(page.getByTestId('mapping-dialog')).toHaveCount(0);
  await expect(page.getByTestId('results-summary')).toContainText('70 performances');
});

test('unreadable marks are named by row and left out; a file with no readable mark is refused, naming its column and rows', async ({ page }) => {
  const header = ['athlete', 'sex', 'event', 'mark', 'date'];
  const some = writeCsv('results-some-bad-marks.csv', header, sprintRows(50, 3, (i, m) => (i === 2 || i === 16 ? 'fast' : i === 20 ? 'DNF' : m)));
  const none = writeCsv('results-no-marks.csv', header, sprintRows(10, 4, () => 'quick'));
  await resultsInput(page).setInputFiles([some, none]);
  await settled(page);
  await expect(page.getByTestId('results-file')).toHaveCount(1);
  const warning = page.getByTestId('results-file-warning');
  await expect(warning).toContainText('2 marks in column "mark" could not be read');
  // Rows as a spreadsheet shows the file: the header is row 1.
  await expect(warning).toContainText('row 4 ("fast"), row 18 ("fast")');
  await expect(page.getByTestId('results-file-excluded')).toContainText('DNF 1');
  await expect(page.getByTestId('results-summary')).toContainText('47 performances');
  const failed = page.getByTestId('results-file-failed');
  await expect(failed).toContainText('results-no-marks.csv');
  await expect(failed).toContainText('column "mark"');
  await expect(failed).toContainText('row 2 ("quick")');
  await expect(failed).toContainText('expected marks like 10.49');
});

test('an unreadable file says so and the files that were fine stay loaded', async ({ page }) => {
  const watcher = watchPageProblems(page);
  const good = writeCsv('results-good.csv', ['athlete', 'sex', 'event', 'mark', 'date'], sprintRows(25, 5));
  const broken = join(fixtureDir, 'results-broken.parquet');
  writeFileSync(broken, 'this is not a parquet file at all');
  await resultsInput(page).setInputFiles([good, broken]);
  await settled(page);
  await expect(page.getByTestId('results-file')).toHaveCount(1);
  await expect(page.getByTestId('results-file')).toContainText('results-good.csv');
  await expect(page.getByTestId('results-file-failed')).toContainText('results-broken.parquet');
  await expect(page.getByTestId('results-summary')).toContainText('25 performances');
  expect(watcher.problems).toEqual([]);
});

/** A generated results file and the number of its rows with a mark (what the summary counts). */
function generatedResults(name: string, rows: number, seed: number): { path: string; performances: number } {
  mkdirSync(fixtureDir, { recursive: true });
  const path = join(fixtureDir, name);
  writeFileSync(path, resultsCsv({ rows, seed }));
  let performances = 0;
  for (const batch of generateResults({ rows, seed }).batches()) for (const mark of batch.mark) if (/^\d/.test(mark)) performances++;
  return { path, performances };
}

test('coming back to Results shows your data alone: the sample and its sanctions never return beside it', async ({ page }) => {
  const mine = generatedResults('my-results.csv', 1500, 21);
  await resultsInput(page).setInputFiles(mine.path);
  await settled(page);
  const summary = `${mine.performances.toLocaleString('en')} performances`;
  await expect(page.getByTestId('results-summary')).toContainText(summary);
  await expect(page.getByTestId('results-summary')).not.toContainText('generated sample');
  await page.getByRole('tab', { name: 'Sanctions' }).click();
  await expect(page.getByTestId('sanctions-summary')).toHaveCount(0);

  await page.getByRole('link', { name: 'Ride' }).click();
  await expect(page.getByRole('heading', { name: 'Ride', exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Results' }).click();
  await settled(page);
  await expect(page.getByTestId('results-summary')).toContainText(summary);
  await expect(page.getByTestId('results-summary')).not.toContainText('generated sample');
  await page.getByRole('tab', { name: 'Data' }).click();
  await expect(page.getByTestId('results-file')).toHaveCount(1);
  await expect(page.getByTestId('results-file')).toContainText('my-results.csv');
});

test('a broken file named like a loaded one is refused and the loaded data stays', async ({ page }) => {
  const good = generatedResults('results.csv', 1200, 22);
  await resultsInput(page).setInputFiles(good.path);
  await settled(page);
  const summary = `${good.performances.toLocaleString('en')} performances`;
  await expect(page.getByTestId('results-summary')).toContainText(summary);

  const random = createRandom(23);
  const junk = join(fixtureDir, 'junk', 'results.csv');
  mkdirSync(join(fixtureDir, 'junk'), { recursive: true });
  writeFileSync(junk, Uint8Array.from({ length: 40_000 }, () => random.int(256)));
  await resultsInput(page).setInputFiles(junk);
  await settled(page);
  await expect(page.getByTestId('results-file-failed')).toContainText('"results.csv" is not a text file');
  await expect(page.getByTestId('results-summary')).toContainText(summary);
  await expect(page.getByTestId('results-file')).toHaveCount(1);
});

test('a ragged row in a UTF-16 results file is named and left out; the rest loads, with no mapping dialog', async ({ page }) => {
  const csv = resultsCsv({ rows: 400, seed: 24 }).trimEnd().split('\n');
  csv[50] = `${csv[50]},an extra value`;
  const path = join(fixtureDir, 'results-unicode.csv');
  writeFileSync(path, utf16le(`${csv.join('\n')}\n`));
  await resultsInput(page).setInputFiles(path);
  await settled(page);
  await expect(page.getByTestId('mapping-dialog')).toHaveCount(0);
  await expect(page.getByTestId('results-file')).toContainText('399 rows');
  await expect(page.getByTestId('results-file-warning').first()).toContainText('1 row left out: row 51 (21 values where the header has 20)');
});

test('marks no event can hold are left out with their row and the event\'s range', async ({ page }) => {
  const header = ['athlete', 'sex', 'event', 'mark', 'date'];
  const path = writeCsv('results-implausible.csv', header, sprintRows(30, 25, (i, m) => (i === 4 ? '0.95' : i === 7 ? '105.2' : m)));
  await resultsInput(page).setInputFiles(path);
  await settled(page);
  const warning = page.getByTestId('results-file-warning');
  await expect(warning).toContainText('2 marks in column "mark" are not possible marks of their event and were left out: row 6 ("0.95" for 100-metres, expected 8.70 to 83.33), row 9 ("105.2"');
  await expect(page.getByTestId('results-summary')).toContainText('28 performances');
});
