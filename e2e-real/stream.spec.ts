import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { dataFiles } from '../scripts/lib/dataFolder';
import { writeBytes } from '../e2e/streamHelpers';

/**
 * Every feed of the data folder's stream/, dropped into the built app as recorded and
 * gzip-compressed: each reads every line the file has and streams to the official Game
 * Score (from the folder's box-score CSV) of every player-game of its games; the SQL
 * recomputation agrees. Nothing here names a count of the shared files.
 */
const feeds = dataFiles('stream', (name) => /\.jsonl$/i.test(name));
const boxFiles = dataFiles('stream', (name) => /^boxscore_players.*\.csv$/i.test(name));
if (feeds.length === 0) console.log('skipped: no stream/*.jsonl feed in the data folder');
if (boxFiles.length === 0) console.log('skipped: no stream/boxscore_players*.csv in the data folder');

/** gameId:personId → official Game Score in tenths (whole numbers: no float rounding to hide a miss). */
function officialGameScores(): Map<string, number> {
  const scores = new Map<string, number>();
  for (const path of boxFiles) {
    const [header, ...rows] = readFileSync(path, 'utf8').trim().split(/\r?\n/).map((line) => line.split(','));
    const at = (name: string) => header.indexOf(name);
    for (const row of rows) scores.set(`${row[at('gameId')]}:${row[at('personId')]}`, Math.round(Number(row[at('gameScore')]) * 10));
  }
  return scores;
}

async function streamedGameScores(page: Page): Promise<Map<string, number>> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export player-games CSV' }).click()]);
  const [header, ...rows] = readFileSync((await download.path())!, 'utf8').trim().split('\n');
  const columns = header.split(',');
  return new Map(rows.map((row) => row.split(',')).map((cells) => [`${cells[columns.indexOf('gameId')]}:${cells[columns.indexOf('personId')]}`, Math.round(Number(cells[columns.indexOf('gameScore')]) * 10)]));
}

for (const feed of feeds) {
  const text = readFileSync(feed, 'utf8');
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  const games = new Set(text.split('\n').flatMap((line) => /"gameId":"([^"]+)"/.exec(line)?.[1] ?? []));
  for (const compressed of [false, true]) {
    const name = compressed ? `${basename(feed)}.gz` : basename(feed);
    test(`${name}, dropped and streamed, gives the official Game Score of every player-game of its games`, async ({ page }) => {
      test.skip(boxFiles.length === 0, 'no box score in the data folder');
      await page.goto('/#/stream');
      await expect(page.getByTestId('stream-status')).toContainText('finished', { timeout: 60_000 });
      await page.getByTestId('replay-speed').selectOption('max');
      await page.locator('input[type=file]').setInputFiles(compressed ? writeBytes(name, gzipSync(readFileSync(feed))) : feed);
      await expect(page.getByTestId('stream-source')).toContainText(name);
      await expect(page.getByTestId('stream-status')).toContainText(`finished · ${lines.toLocaleString('en')} lines`, { timeout: 90_000 });
      const streamed = await streamedGameScores(page);
      const official = [...officialGameScores()].filter(([key]) => games.has(key.slice(0, key.indexOf(':'))));
      expect(official.length).toBeGreaterThan(0);
      const mismatches = official.filter(([key, score]) => (streamed.get(key) ?? 0) !== score).map(([key, score]) => `${key}: official ${score / 10}, streamed ${(streamed.get(key) ?? 0) / 10}`);
      console.log(`stream e2e-real ${name}: ${official.length - mismatches.length} of ${official.length} player-games equal the official Game Score`);
      expect(mismatches).toEqual([]);
      if (compressed) return;
      // The batch layer: the SQL recomputation agrees with the stream.
      await page.getByRole('button', { name: 'Recompute in DuckDB' }).click();
      await expect(page.locator('[data-scope="Overall (Game Score)"]').getByTestId('mae')).toHaveText('0.0000', { timeout: 60_000 });
    });
  }
}
