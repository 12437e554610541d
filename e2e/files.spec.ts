import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { byteFlips, utf16le } from '../scripts/faults/corrupt';
import { resultsCsvBytes, rideFit, rides, workbookWithoutSheets } from '../scripts/faults/goodFiles';
import { fixture, fixtureDir, inspectFiles, refuseOutsideRequests, watchPageProblems } from './helpers';

// The service worker is blocked here so that every request passes the route below, which
// refuses anything that is not the app's own origin: DuckDB must never reach the internet.
test.use({ serviceWorkers: 'block' });

test('loads and queries Parquet, CSV and xlsx with every outside request refused', async ({ page, baseURL }) => {
  const outside = await refuseOutsideRequests(page.context(), baseURL!);
  const watcher = watchPageProblems(page);
  await page.goto('/');
  await inspectFiles(page, [fixture('marks.parquet'), fixture('marks.csv'), fixture('marks.xlsx')]);
  const summaries = await page.getByTestId('inspected-summary').allTextContents();
  // Newest first: xlsx, csv, parquet; each of the 1,500 generated rows and 4 columns arrived.
  expect(summaries.map((s) => s.replace(/loaded in .*/, '').trim())).toEqual([
    '1,500 rows, 4 columns, xlsx,',
    '1,500 rows, 4 columns, csv,',
    '1,500 rows, 4 columns, parquet,',
  ]);
  await expect(page.getByText('Sheets: Marks, Notes (the first is shown).')).toBeVisible();
  // The preview is a real query result: the first row of the parquet file is the first generated row.
  const firstCells = await page.getByTestId('inspected-file').last().locator('tbody tr').first().locator('td').allTextContents();
  expect(firstCells[0]).toMatch(/^Athlete \d+$/);
  expect(outside).toEqual([]);
  expect(watcher.problems).toEqual([]);
});

test('a wrong file says which file and what was expected, and the others stay loaded', async ({ page }) => {
  await page.goto('/');
  await inspectFiles(page, [fixture('marks.csv')]);
  await page.getByLabel('Any CSV, Parquet, xlsx, JSON lines or FIT file', { exact: true }).last().setInputFiles([fixture('not-a-workbook.xlsx')]);
  await expect(page.getByRole('alert').filter({ hasText: 'not-a-workbook.xlsx' })).toContainText(/could not be read as a spreadsheet/);
  await page.getByLabel('Any CSV, Parquet, xlsx, JSON lines or FIT file', { exact: true }).last().setInputFiles([fixture('notes.docx')]);
  await expect(page.getByRole('alert').filter({ hasText: 'notes.docx' })).toContainText('expected a .csv, .parquet, .xlsx, .jsonl, .json or .fit file');
  await expect(page.getByTestId('inspected-file')).toHaveCount(1);
  await expect(page.getByTestId('inspected-summary')).toContainText('1,500 rows');
});

test('a CSV value that breaks its column makes that column text, naming its row; no row is lost', async ({ page }) => {
  await page.goto('/');
  await inspectFiles(page, [fixture('broken-mark.csv')]);
  await expect(page.getByTestId('inspected-summary')).toContainText('30,000 rows, 4 columns, csv');
  await expect(page.getByTestId('inspected-file').getByRole('status')).toContainText('column "mark" is read as text: row 25,001 holds "fast" where the rows before it hold numbers');
});

test('broken JSON lines are skipped, counted and named, the good ones load', async ({ page }) => {
  await page.goto('/');
  await inspectFiles(page, [fixture('lines.jsonl')]);
  await expect(page.getByTestId('inspected-summary')).toContainText('3 rows, 2 columns, jsonl');
  await expect(page.getByTestId('inspected-file').getByRole('status')).toContainText('2 broken lines skipped: line 2');
  await expect(page.getByTestId('inspected-file').getByRole('status')).toContainText('line 4 (not JSON');
});

test('a long load shows what it is doing and stops on Cancel; the engine stays usable', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Any CSV, Parquet, xlsx, JSON lines or FIT file', { exact: true }).last().setInputFiles([fixture('many-row-groups.parquet')]);
  const phase = page.getByTestId('progress-phase');
  await expect(phase).toContainText(/Decoded rows [\d,]+–[\d,]+ of 2,400,000 \(row groups \d+–\d+ of \d+\)/);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(phase).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('inspected-file')).toHaveCount(0);
  await inspectFiles(page, [fixture('marks.csv')]);
  await expect(page.getByTestId('inspected-summary')).toContainText('1,500 rows');
});

/*
 * Files that once hung a load, ran DuckDB out of memory or said nothing useful (issue 13):
 * each now ends its own load quickly with the file's name, the row, what was expected and
 * what to do, and the engine loads the next file.
 */
const damaged = (name: string, bytes: Uint8Array): string => {
  mkdirSync(join(fixtureDir, 'damaged'), { recursive: true });
  const path = join(fixtureDir, 'damaged', name);
  writeFileSync(path, bytes);
  return path;
};
const inspectorInput = (page: Page) => page.getByLabel('Any CSV, Parquet, xlsx, JSON lines or FIT file', { exact: true }).last();
const alertFor = (page: Page, name: string) => page.getByRole('alert').filter({ hasText: `"${name}"` });

test('a Parquet file whose page makes the decoder panic fails on its own, naming the file; the next Parquet file loads', async ({ page }) => {
  // Seed 1 makes parquet-wasm's reader panic (RuntimeError: unreachable): the load used to hang forever.
  const panics = damaged('marks-damaged.parquet', byteFlips(new Uint8Array(readFileSync(fixture('marks.parquet'))), 100, 1, 'pages'));
  await page.goto('/');
  await inspectorInput(page).setInputFiles(panics);
  await expect(alertFor(page, 'marks-damaged.parquet')).toContainText('"marks-damaged.parquet" is damaged: the Parquet decoder stopped on rows 1–1,500 of 1,500 (row group', { timeout: 30_000 });
  await expect(page.getByTestId('progress-phase')).toHaveCount(0);
  await inspectFiles(page, [fixture('marks.parquet')]);
  await expect(page.getByTestId('inspected-summary')).toContainText('1,500 rows, 4 columns, parquet');
});

test('CSV faults say which file, which row and what to do, and never reach DuckDB as one column', async ({ page }) => {
  const csv = new TextDecoder().decode(resultsCsvBytes(60, 3));
  const lines = csv.trimEnd().split('\n');
  const ragged = [...lines];
  ragged[9] = `${ragged[9]},extra`;
  const unclosed = [...lines];
  unclosed[20] = `"${unclosed[20]}`;
  await page.goto('/');

  await inspectFiles(page, [damaged('ragged.csv', new TextEncoder().encode(`${ragged.join('\n')}\n`))]);
  await expect(page.getByTestId('inspected-summary').first()).toContainText('59 rows, 20 columns, csv');
  await expect(page.getByTestId('inspected-file').first().getByRole('status')).toContainText('1 row left out: row 10 (21 values where the header has 20)');

  await inspectFiles(page, [damaged('unicode.csv', utf16le(csv))]);
  await expect(page.getByTestId('inspected-summary').first()).toContainText('60 rows, 20 columns, csv');

  await inspectorInput(page).setInputFiles(damaged('unclosed.csv', new TextEncoder().encode(`${unclosed.join('\n')}\n`)));
  await expect(alertFor(page, 'unclosed.csv')).toContainText('"unclosed.csv", row 21, column "mark": a quote (") opens this value and is never closed');
  await expect(alertFor(page, 'unclosed.csv')).toContainText('Close the quote, or remove it, and load the file again');

  await inspectorInput(page).setInputFiles(damaged('empty.csv', new Uint8Array()));
  await expect(alertFor(page, 'empty.csv')).toContainText('"empty.csv" is empty: it has no header and no rows');
  await expect(page.getByTestId('inspected-file')).toHaveCount(2);
});

test('a 10 MB single-line CSV and a 100,000-column CSV are refused before DuckDB is asked (it ran 51 s out of memory on the first)', async ({ page }) => {
  const line = damaged('one-line.csv', new TextEncoder().encode('a'.repeat(10_000_000)));
  const wide = damaged('wide.csv', new TextEncoder().encode(`${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',')}\n${'1,'.repeat(99_999)}1\n`));
  await page.goto('/');
  await inspectorInput(page).setInputFiles(line);
  await expect(alertFor(page, 'one-line.csv')).toContainText('"one-line.csv", row 1: this row is longer than 1 MB, so it is not a row of a table');
  await inspectorInput(page).setInputFiles(wide);
  await expect(alertFor(page, 'wide.csv')).toContainText('"wide.csv" has 100,000 columns in its header; Trackside reads files of up to 2,000 columns');
  await inspectFiles(page, [fixture('marks.csv')]);
});

test('an xlsx with no sheets and a FIT file cut short say so with the file name', async ({ page }) => {
  const [ride] = rides(3);
  const fit = rideFit(ride);
  await page.goto('/');
  await inspectorInput(page).setInputFiles(damaged('no-sheets.xlsx', workbookWithoutSheets()));
  await expect(alertFor(page, 'no-sheets.xlsx')).toContainText('"no-sheets.xlsx" holds no sheets');
  await inspectFiles(page, [damaged('cut-short.fit', fit.slice(0, Math.floor(fit.length * 0.4)))]);
  await expect(page.getByTestId('inspected-file').first().getByRole('status')).toContainText('"cut-short.fit" is cut short (');
});

test('the file inspector shows dates as dates, on one line', async ({ page }) => {
  await page.goto('/');
  await inspectFiles(page, [fixture('marks.parquet')]);
  const dateCell = page.getByTestId('inspected-file').locator('tbody tr').first().locator('td').nth(3);
  await expect(dateCell).toHaveText(/^2024-\d\d-\d\d$/);
  expect(await dateCell.evaluate((cell) => getComputedStyle(cell).whiteSpace)).toBe('nowrap');
});
