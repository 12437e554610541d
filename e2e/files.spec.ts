import { expect, test } from '@playwright/test';
import { fixture, inspectFiles, refuseOutsideRequests, watchPageProblems } from './helpers';

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
  await expect(phase).toContainText(/Decoded row group \d+ of \d+/);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(phase).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('inspected-file')).toHaveCount(0);
  await inspectFiles(page, [fixture('marks.csv')]);
  await expect(page.getByTestId('inspected-summary')).toContainText('1,500 rows');
});
