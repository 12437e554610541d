import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { generateResults } from '../src/core/generate/results';
import { fixtureDir, watchPageProblems } from './helpers';

/*
 * The Results workspace end to end: seeded results and sanctions from the project's own
 * generator are dropped, every detector runs, and the numbers on screen are checked against
 * figures computed here independently of the app (plain loops over the generator's columns,
 * not the app's parsers, matcher or detectors).
 */

const columns = ['competitor', 'dob', 'nationality', 'discipline', 'sex', 'mark', 'wind', 'date', 'season', 'venue', 'position'] as const;

const csvCell = (value: string | number | null): string => {
  if (value === null) return '';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

interface ResultsFixture {
  results: string;
  sanctions: string;
  rows: number;
  /** Rows with a mark (not DNF, DNS, DQ, NM). */
  performances: number;
  athletes: number;
  dnf: number;
  sanctionCount: number;
  /** Sanctions whose name's words identify exactly one athlete (a floor for the matcher). */
  uniquelyNamed: number;
  /** Performances at least 3 population sd better than their event, sex and season mean (≥ 5 results). */
  zScoreFlags: number;
}

const words = (name: string) => name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]+/g, ' ').trim().split(' ').sort().join(' ');

function writeResultsFixture(rows: number, seed: number): ResultsFixture {
  mkdirSync(fixtureDir, { recursive: true });
  const generated = generateResults({ rows, seed });
  const lines = [columns.join(',')];
  const groups = new Map<string, number[]>();
  const athletes = new Set<string>();
  const athletesByWords = new Map<string, Set<string>>();
  let performances = 0;
  let dnf = 0;
  for (const batch of generated.batches()) {
    for (let i = 0; i < batch.length; i++) {
      lines.push(columns.map((c) => csvCell((batch[c] as ArrayLike<string | number | null>)[i])).join(','));
      if (batch.mark[i] === 'DNF') dnf++;
      if (!/^\d/.test(batch.mark[i])) continue;
      performances++;
      athletes.add(`${batch.competitor[i]}|${batch.dob[i]}`);
      const key = words(batch.competitor[i]);
      athletesByWords.set(key, (athletesByWords.get(key) ?? new Set()).add(`${batch.competitor[i]}|${batch.dob[i]}`));
      // Field events and combined events: higher is better; track: lower.
      const goodness = (batch.track_field[i] === 'track' ? -1 : 1) * batch.mark_numeric[i];
      const group = `${batch.discipline[i]}|${batch.sex[i]}|${batch.season[i]}`;
      (groups.get(group) ?? groups.set(group, []).get(group)!).push(goodness);
    }
  }
  let zScoreFlags = 0;
  for (const values of groups.values()) {
    if (values.length < 5) continue;
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
    if (sd > 0) zScoreFlags += values.filter((v) => (v - mean) / sd >= 3).length;
  }
  const results = join(fixtureDir, `results-${rows}-${seed}.csv`);
  writeFileSync(results, `${lines.join('\n')}\n`);
  const sanctionHeader = ['Name', 'Country', 'Event', 'Date of violation', 'Banned substance(s)/Anti-doping rule violation', 'Sanction'] as const;
  const sanctionLines = [sanctionHeader.join(','), ...generated.sanctions.map((s) => sanctionHeader.map((h) => csvCell(s[h])).join(','))];
  const sanctions = join(fixtureDir, `sanctions-${rows}-${seed}.csv`);
  writeFileSync(sanctions, `${sanctionLines.join('\n')}\n`);
  const uniquelyNamed = new Set(generated.sanctions.map((s) => athletesByWords.get(words(s.Name))).filter((set) => set?.size === 1).map((set) => [...set!][0])).size;
  return { results, sanctions, rows, performances, athletes: athletes.size, dnf, sanctionCount: generated.sanctions.length, uniquelyNamed, zScoreFlags };
}


const resultsInput = (page: Page) => page.locator('input[type=file][aria-label="Results files (Parquet, CSV or xlsx)"]');
const sanctionsInput = (page: Page) => page.locator('input[type=file][aria-label^="Sanctions list"]');
const settled = (page: Page) => expect(page.getByTestId('results-heading')).toHaveAttribute('data-settled', 'true', { timeout: 60_000 });
const number = (text: string | null) => Number((text ?? '').replace(/[^0-9.]/g, ''));

test.use({ serviceWorkers: 'block' });

test('first sight: the generated sample is loaded, matched and analysed', async ({ page }) => {
  const watcher = watchPageProblems(page);
  await page.goto('/#/results');
  await settled(page);
  await expect(page.getByTestId('results-summary')).toContainText('generated sample');
  await page.getByRole('tab', { name: 'Evaluation' }).click();
  await expect(page.getByTestId('evaluation-row')).toHaveCount(9 + 1 + 2);

  // The athlete tab is not empty: the athlete with the most consensus flags is open, and the
  // profile's own flags agree with the list's counts (performances with ≥ 2 flags, flags on them).
  await page.getByRole('tab', { name: 'Athlete' }).click();
  await expect(page.getByTestId('athlete-profile')).toBeVisible();
  const counts = (await page.getByTestId('most-flagged-count').allTextContents()).map((t) => t.match(/^(\d+) consensus .*?, (\d+) flags$/)!.slice(1).map(Number));
  expect(counts.length).toBeGreaterThan(0);
  for (let i = 1; i < counts.length; i++) expect(counts[i - 1][0]).toBeGreaterThanOrEqual(counts[i][0]);
  const first = page.getByTestId('most-flagged').locator('button').first();
  await expect(page.getByTestId('athlete-profile').locator('h2')).toHaveText((await first.textContent())!);
  const flagsPerRow = await page.getByTestId('performance-row').evaluateAll((rows) => rows.map((row) => row.querySelectorAll('[data-testid="flag-explanation"]').length));
  const consensusRows = flagsPerRow.filter((n) => n >= 2);
  expect([consensusRows.length, consensusRows.reduce((s, n) => s + n, 0)]).toEqual(counts[0]);
  expect(watcher.problems).toEqual([]);
});

test('drop results and sanctions, run all detectors, evaluate, read the consensus and open a profile; a re-run comes from the cache', async ({ page }) => {
  test.setTimeout(180_000);
  const fixture = writeResultsFixture(20_000, 11);
  const watcher = watchPageProblems(page);
  await page.goto('/#/results');
  await settled(page);

  await resultsInput(page).setInputFiles(fixture.results);
  await settled(page);
  await expect(page.getByTestId('results-file')).toHaveCount(1);
  const summary = await page.getByTestId('results-summary').textContent();
  expect(summary).toContain(`${fixture.performances.toLocaleString('en')} performances of ${fixture.athletes.toLocaleString('en')} athletes`);
  await expect(page.getByTestId('results-file-excluded')).toContainText(`DNF ${fixture.dnf}`);

  await page.getByRole('tab', { name: 'Sanctions' }).click();
  await sanctionsInput(page).setInputFiles(fixture.sanctions);
  await settled(page);
  await expect(page.getByTestId('sanctions-summary')).toContainText(`${fixture.sanctionCount} sanctions`);
  const matched = number(await page.getByTestId('sanctioned-athletes').textContent());
  expect(matched).toBeGreaterThanOrEqual(fixture.uniquelyNamed);
  expect(matched).toBeLessThanOrEqual(fixture.sanctionCount);

  await page.getByRole('tab', { name: 'Detectors' }).click();
  await page.getByRole('button', { name: 'Run all detectors' }).click();
  await settled(page);
  await expect(page.getByTestId('detector-summary')).toHaveCount(9);
  const zCard = page.locator('[data-detector="z-score"]');
  expect(number(await zCard.getByTestId('detector-flagged').textContent())).toBe(fixture.zScoreFlags);
  await expect(page.getByTestId('from-cache')).toHaveCount(0);

  await page.getByRole('tab', { name: 'Evaluation' }).click();
  await expect(page.getByTestId('evaluation-row')).toHaveCount(12);
  // Every method is scored over the same athletes, with the matched ones as positives.
  for (const n of await page.getByTestId('evaluation-n').allTextContents()) expect(number(n)).toBe(fixture.athletes);
  await expect(page.getByTestId('evaluation-base-rate')).toContainText(`${matched.toLocaleString('en')} of ${fixture.athletes.toLocaleString('en')} athletes`);
  await expect(page.getByTestId('pr-chart')).toBeVisible();
  await page.getByLabel('Level').selectOption('performance');
  await settled(page);
  for (const n of await page.getByTestId('evaluation-n').allTextContents()) expect(number(n)).toBe(fixture.performances);
  const zRow = page.locator('[data-testid="evaluation-row"][data-method="z-score"]');
  expect(number(await zRow.getByTestId('evaluation-flagged').textContent())).toBe(fixture.zScoreFlags);

  await expect(page.getByTestId('consensus-row').first()).toBeVisible();
  const firstMethods = await page.getByTestId('consensus-row').first().locator('.muted').textContent();
  expect(number(firstMethods!.split(' ')[0])).toBeGreaterThanOrEqual(2);
  await page.getByTestId('consensus-athlete').first().click();
  await settled(page);
  await expect(page.getByTestId('athlete-profile')).toBeVisible();
  await expect(page.getByTestId('career-chart')).toBeVisible();
  await expect(page.getByTestId('event-histogram')).toBeVisible();
  const explanation = page.getByTestId('flag-explanation').first();
  await expect(explanation).toBeVisible();
  expect((await explanation.textContent())!.length).toBeGreaterThan(30);

  await page.getByRole('tab', { name: 'Detectors' }).click();
  await page.getByRole('button', { name: 'Run all detectors' }).click();
  await settled(page);
  await expect(page.getByTestId('from-cache')).toHaveCount(9);
  expect(number(await zCard.getByTestId('detector-flagged').textContent())).toBe(fixture.zScoreFlags);
  expect(watcher.problems).toEqual([]);
});
