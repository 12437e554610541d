import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { refuseOutsideRequests } from '../e2e/helpers';

/*
 * The analyst's path on the real data, offline: the World Athletics top lists (467,146
 * performances) and the Wikipedia doping cases are dropped, every detector runs, the
 * evaluation table and the consensus list are read, and an athlete's profile is opened —
 * with every request outside the app's origin refused.
 */
const data = join(process.cwd(), '..', 'shared', 'data', 'athletics');
const settled = (page: Page, timeout: number) => expect(page.getByTestId('results-heading')).toHaveAttribute('data-settled', 'true', { timeout });
const number = (text: string | null) => Number((text ?? '').replace(/[^0-9.]/g, ''));

test.use({ serviceWorkers: 'block' });

test('WA top lists and the Wikipedia doping cases: run all, evaluate, consensus, profile — offline', async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  const outside = await refuseOutsideRequests(page.context(), baseURL!);
  const timings: Record<string, number> = {};
  await page.goto('/#/results');
  await settled(page, 60_000);

  let started = Date.now();
  await page.locator('input[type=file][aria-label="Results files (Parquet, CSV or xlsx)"]').setInputFiles(join(data, 'wa_toplists_2025-12.parquet'));
  await settled(page, 120_000);
  timings['load and parse 467,146 rows'] = Date.now() - started;
  await expect(page.getByTestId('results-file')).toContainText('467,146 rows');

  await page.getByRole('tab', { name: 'Sanctions' }).click();
  started = Date.now();
  await page.locator('input[type=file][aria-label^="Sanctions list"]').setInputFiles(join(data, 'sanctions_wikipedia_athletics.csv'));
  await settled(page, 60_000);
  timings['sanctions matched'] = Date.now() - started;
  const matched = number(await page.getByTestId('sanctioned-athletes').textContent());
  expect(matched).toBeGreaterThanOrEqual(500);

  await page.getByRole('tab', { name: 'Detectors' }).click();
  started = Date.now();
  await page.getByRole('button', { name: 'Run all detectors' }).click();
  await settled(page, 240_000);
  timings['all detectors + evaluation'] = Date.now() - started;
  await expect(page.getByTestId('detector-summary')).toHaveCount(9);
  for (const card of await page.getByTestId('detector-card').all()) {
    timings[`  ${await card.getAttribute('data-detector')}`] = Number(((await card.getByTestId('detector-summary').textContent()) ?? '').match(/([\d.]+) s/)?.[1] ?? NaN) * 1000;
  }

  await page.getByRole('tab', { name: 'Evaluation' }).click();
  await expect(page.getByTestId('evaluation-row')).toHaveCount(12);
  const rows = await page.getByTestId('evaluation-row').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim() ?? '')));
  console.log(`\nAthlete level on the real data (${matched} sanctioned athletes):`);
  console.table(rows.map(([method, flagged, precision, recall, f1, ap, lift]) => ({ method, flagged, precision, recall, f1, ap, lift })));
  const consensus = page.getByTestId('consensus-row');
  await expect(consensus.first()).toBeVisible();
  console.log(`consensus (≥ 2 methods): ${await consensus.count()} rows shown; first: ${await consensus.first().textContent()}`);

  started = Date.now();
  await page.getByTestId('consensus-athlete').first().click();
  await settled(page, 60_000);
  timings['profile with explanations'] = Date.now() - started;
  await expect(page.getByTestId('athlete-profile')).toBeVisible();
  await expect(page.getByTestId('flag-explanation').first()).toBeVisible();
  await expect(page.getByTestId('career-chart')).toBeVisible();
  console.log('timings (ms):', timings);
  expect(outside).toEqual([]);
});
