import { expect, test } from '@playwright/test';
import { generateGameLines } from '../src/core/generate/games';
import { watchPageProblems } from './helpers';
import { dropFile, expectedGameScores, exportedGameScores, openStream, withoutZeros, writeLines } from './streamHelpers';

test('a dropped file streams to Game Scores that equal box-score arithmetic, and the batch layer agrees exactly', async ({ page }) => {
  const watcher = watchPageProblems(page);
  const lines = generateGameLines({ games: 3, seed: 11 });
  const expected = expectedGameScores(lines);
  await openStream(page);
  await dropFile(page, writeLines('three-games.jsonl', lines));
  await expect(page.getByTestId('stream-source')).toContainText('three-games.jsonl');
  await expect(page.getByTestId('stream-status')).toContainText(`finished · ${lines.length.toLocaleString('en')} lines`, { timeout: 60_000 });
  expect(withoutZeros(await exportedGameScores(page))).toEqual(withoutZeros(expected));
  // The leaderboard by Game Score shows the best player-total of all games.
  await page.getByLabel('Rank by').selectOption('gameScore');
  const best = Math.max(...[...expected.values()]);
  await expect(page.getByTestId('leader-gamescore').first()).toHaveText((best / 10).toFixed(1));

  await page.getByRole('button', { name: 'Recompute in DuckDB' }).click();
  const overall = page.locator('[data-scope="Overall (impact)"]');
  await expect(overall.getByTestId('mae')).toHaveText('0.0000', { timeout: 60_000 });
  await expect(overall.getByTestId('spearman')).toHaveText('1.000');
  await expect(page.locator('[data-scope="Overall (Game Score)"]').getByTestId('mae')).toHaveText('0.0000');
  expect(watcher.problems).toEqual([]);
});

test('broken lines are listed with their line numbers and text, and the stream goes on', async ({ page }) => {
  const lines = generateGameLines({ games: 1, seed: 3 });
  const broken = [...lines];
  broken.splice(4, 0, 'this is not json');
  const missing = JSON.parse(lines[20]) as Record<string, unknown>;
  delete missing.actionNumber;
  broken.splice(20, 1, JSON.stringify(missing));
  await openStream(page);
  await dropFile(page, writeLines('broken.jsonl', broken));
  await expect(page.getByTestId('stream-status')).toContainText(`finished · ${broken.length.toLocaleString('en')} lines`, { timeout: 60_000 });
  const rows = page.getByTestId('reject-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('line 5: not JSON');
  await expect(rows.nth(0)).toContainText('this is not json');
  await expect(rows.nth(1)).toContainText('line 21: missing field actionNumber');
  await expect(page.getByTestId('health-rejects')).toHaveText('2');
  // Everything else was scored: the totals equal those of the file without the two broken lines.
  expect(withoutZeros(await exportedGameScores(page))).toEqual(withoutZeros(expectedGameScores(broken)));
});

test('batch size and workers change while the stream runs, and the totals stay exact', async ({ page }) => {
  const lines = generateGameLines({ games: 2, seed: 5 });
  await openStream(page);
  await page.getByTestId('workers').selectOption('1');
  await dropFile(page, writeLines('paced.jsonl', lines), '600');
  await expect(page.getByTestId('stream-status')).toContainText('running');
  await page.getByTestId('batch-size').selectOption('8');
  await page.getByTestId('workers').selectOption('3');
  await expect(page.getByTestId('stream-status')).toContainText('3 workers');
  await page.getByTestId('batch-size').selectOption('1');
  await page.getByTestId('workers').selectOption('auto');
  await expect(page.getByTestId('stream-status')).toContainText(`finished · ${lines.length.toLocaleString('en')} lines`, { timeout: 60_000 });
  expect(withoutZeros(await exportedGameScores(page))).toEqual(withoutZeros(expectedGameScores(lines)));
});

test('closing the page mid-stream and opening it again resumes from the checkpoint without counting twice', async ({ page, context }) => {
  const lines = generateGameLines({ games: 2, seed: 9 });
  await openStream(page);
  await dropFile(page, writeLines('resume.jsonl', lines), '600');
  await expect(page.getByTestId('stream-source')).toContainText('resume.jsonl');
  // This stream has started (its view replaced the sample's, whose final checkpoint said 833 lines).
  await expect(page.getByTestId('stream-status')).toContainText('running');
  // A checkpoint of this stream, part way through.
  const checkpointLine = async () => Number((await page.getByTestId('checkpoint-line').textContent())?.replace(/\D/g, '') ?? 0);
  await expect.poll(checkpointLine, { timeout: 30_000 }).toBeGreaterThan(0);
  await expect(page.getByTestId('stream-status')).toContainText('running');
  const checkpoint = await checkpointLine();
  expect(checkpoint).toBeLessThan(lines.length);
  await page.close();

  const reopened = await context.newPage();
  await reopened.goto('/#/stream');
  await expect(reopened.getByTestId('stream-resumed')).toContainText('Resumed resume.jsonl');
  await expect(reopened.getByTestId('stream-status')).toContainText(`finished · ${lines.length.toLocaleString('en')} lines`, { timeout: 90_000 });
  expect(withoutZeros(await exportedGameScores(reopened))).toEqual(withoutZeros(expectedGameScores(lines)));
});
