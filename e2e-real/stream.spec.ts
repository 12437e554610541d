import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const data = join(process.cwd(), '..', 'shared', 'data', 'stream');

/** gameId:personId → official Game Score in tenths (whole numbers: no float rounding to hide a miss). */
function officialGameScores(): Map<string, number> {
  const [header, ...rows] = readFileSync(join(data, 'boxscore_players_8games.csv'), 'utf8').trim().split(/\r?\n/).map((line) => line.split(','));
  const at = (name: string) => header.indexOf(name);
  return new Map(rows.map((row) => [`${row[at('gameId')]}:${row[at('personId')]}`, Math.round(Number(row[at('gameScore')]) * 10)]));
}

test('the real 8-game feed, dropped and streamed, gives the official Game Score of all 154 player-games', async ({ page }) => {
  await page.goto('/#/stream');
  await expect(page.getByTestId('stream-status')).toContainText('finished', { timeout: 60_000 });
  await page.getByTestId('replay-speed').selectOption('max');
  await page.locator('input[type=file]').setInputFiles(join(data, 'nba_live_pbp_2025-02_8games.jsonl'));
  await expect(page.getByTestId('stream-source')).toContainText('nba_live_pbp_2025-02_8games.jsonl');
  await expect(page.getByTestId('stream-status')).toContainText('finished · 4,387 lines', { timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export player-games CSV' }).click()]);
  const [header, ...rows] = readFileSync((await download.path())!, 'utf8').trim().split('\n');
  const columns = header.split(',');
  const streamed = new Map(rows.map((row) => row.split(',')).map((cells) => [`${cells[columns.indexOf('gameId')]}:${cells[columns.indexOf('personId')]}`, Math.round(Number(cells[columns.indexOf('gameScore')]) * 10)]));
  const official = officialGameScores();
  expect(official.size).toBe(154);
  const mismatches = [...official].filter(([key, score]) => (streamed.get(key) ?? 0) !== score).map(([key, score]) => `${key}: official ${score / 10}, streamed ${(streamed.get(key) ?? 0) / 10}`);
  console.log(`stream e2e-real: ${official.size - mismatches.length} of ${official.size} player-games equal the official Game Score`);
  expect(mismatches).toEqual([]);
  // Batch layer: SQL recomputation agrees with the stream.
  await page.getByRole('button', { name: 'Recompute in DuckDB' }).click();
  await expect(page.locator('[data-scope="Overall (Game Score)"]').getByTestId('mae')).toHaveText('0.0000', { timeout: 60_000 });
});
