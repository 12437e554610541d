import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { generateGameLines } from '../src/core/generate/games';

function writeLines(name: string, lines: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'trackside-stream-')), name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

async function openStream(page: Page): Promise<void> {
  await page.goto('/#/stream');
  await expect(page.getByTestId('stream-status')).toContainText('finished', { timeout: 60_000 });
}

const count = async (page: Page, testId: string): Promise<number> => Number((await page.getByTestId(testId).textContent())?.replace(/\D/g, '') ?? NaN);

/** Priority classes as the queue ranks them, counted here from the lines themselves. */
function classOf(line: string): 0 | 1 | 2 {
  const type = (JSON.parse(line) as { actionType: string }).actionType;
  if (['2pt', '3pt', 'freethrow', 'foul', 'turnover'].includes(type)) return 0;
  return type === 'substitution' || type === 'timeout' ? 2 : 1;
}

test('drop-lowest with a tiny queue: drops are counted and shown, the lowest class goes first', async ({ page }) => {
  const lines = generateGameLines({ games: 4, seed: 21 });
  const perClass = [0, 0, 0];
  for (const line of lines) perClass[classOf(line)]++;
  await openStream(page);
  await page.getByTestId('batch-size').selectOption('512');
  await page.getByTestId('queue-policy').selectOption('drop-lowest');
  await page.getByLabel('Queue capacity').fill('40');
  await page.getByLabel('Queue capacity').press('Tab');
  await page.getByTestId('replay-speed').selectOption('max');
  await page.locator('input[type=file]').setInputFiles(writeLines('burst.jsonl', lines));
  await expect(page.getByTestId('stream-source')).toContainText('burst.jsonl');
  await expect(page.getByTestId('stream-status')).toContainText(`finished · ${lines.length.toLocaleString('en')} lines`, { timeout: 60_000 });

  const dropped = [await count(page, 'drops-class-0'), await count(page, 'drops-class-1'), await count(page, 'drops-class-2')];
  const total = dropped[0] + dropped[1] + dropped[2];
  // Blocks of 512 parsed actions into a queue of 40: most of each block cannot be kept.
  expect(total).toBeGreaterThan(lines.length / 2);
  expect(await count(page, 'health-drops')).toBe(total);
  // Lowest first: a larger share of the substitutions and timeouts went than of the scoring plays.
  const share = dropped.map((d, level) => d / perClass[level]);
  expect(share[2]).toBeGreaterThan(share[0]);
  expect(share[1]).toBeGreaterThan(share[0]);
  // What was not dropped was scored: every line is either in the totals or a drop.
  const scored = await page.getByTestId('stream-status').textContent();
  const scoredActions = Number(/([\d,]+) actions scored/.exec(scored ?? '')?.[1].replace(/,/g, '') ?? NaN);
  expect(scoredActions + total).toBeLessThanOrEqual(lines.length);
  expect(scoredActions).toBeGreaterThan(0);
});

test('a lag above the service level raises the banner on a paced replay', async ({ page }) => {
  const lines = generateGameLines({ games: 1, seed: 7 });
  await openStream(page);
  await expect(page.getByTestId('lag-alert')).toHaveCount(0);
  await page.getByTestId('lag-slo').fill('1');
  await page.getByTestId('replay-speed').selectOption('600');
  await page.locator('input[type=file]').setInputFiles(writeLines('paced-lag.jsonl', lines));
  await expect(page.getByTestId('stream-status')).toContainText('running');
  const alert = page.getByTestId('lag-alert');
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await expect(alert).toContainText('above the service level of 1 ms');
  // A run that lasts: once two points have come (one a second), every health measure is charted.
  await expect(page.locator('.measure canvas')).toHaveCount(10, { timeout: 20_000 });
  await expect(page.getByTestId('health-uncharted')).toHaveCount(0);
  await page.getByRole('button', { name: 'Stop stream' }).click();
  await expect(page.getByTestId('stream-status')).toContainText('stopped');
  await expect(alert).toHaveCount(0);
});
