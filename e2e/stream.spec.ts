import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { generateGameLines } from '../src/core/generate/games';
import { watchPageProblems } from './helpers';

/**
 * Box-score arithmetic written out here, independently of src/core: the latest version of
 * each (gameId, actionNumber), then the feed-to-box-score rules of shared/data/README.md,
 * then Hollinger's Game Score, in tenths (whole numbers) so no float rounding can hide a miss.
 */
function expectedGameScores(lines: string[]): Map<string, number> {
  const latest = new Map<string, Record<string, unknown>>();
  for (const line of lines) {
    let a: Record<string, unknown>;
    try {
      a = JSON.parse(line);
    } catch {
      continue;
    }
    if (typeof a.actionNumber !== 'number') continue;
    const key = `${a.gameId}#${a.actionNumber}`;
    const held = latest.get(key);
    const edited = (x: Record<string, unknown>) => Date.parse(String(x.edited ?? x.timeActual));
    if (!held || edited(a) > edited(held)) latest.set(key, a);
  }
  const tenths = new Map<string, number>();
  const add = (game: unknown, person: unknown, value: number) => {
    const key = `${game}:${person}`;
    tenths.set(key, (tenths.get(key) ?? 0) + value);
  };
  for (const a of latest.values()) {
    const person = Number(a.personId ?? 0);
    if (person === 0 || person === Number(a.teamId ?? 0)) continue;
    const made = a.shotResult === 'Made';
    switch (a.actionType) {
      case '2pt':
      case '3pt':
        // made: PTS + 0.4 FGM − 0.7 FGA; missed: −0.7
        add(a.gameId, person, made ? (a.actionType === '3pt' ? 30 : 20) + 4 - 7 : -7);
        if (made && a.assistPersonId && a.assistPersonId !== person) add(a.gameId, a.assistPersonId, 7);
        break;
      case 'freethrow':
        add(a.gameId, person, made ? 10 : -4);
        break;
      case 'rebound':
        if (a.subType === 'offensive') add(a.gameId, person, 7);
        if (a.subType === 'defensive') add(a.gameId, person, 3);
        break;
      case 'steal': add(a.gameId, person, 10); break;
      case 'block': add(a.gameId, person, 7); break;
      case 'turnover': add(a.gameId, person, -10); break;
      case 'foul':
        if (a.subType === 'personal' || a.subType === 'offensive') add(a.gameId, person, -4);
        break;
    }
  }
  return tenths;
}

function writeLines(name: string, lines: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'trackside-stream-')), name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

async function exportedGameScores(page: Page): Promise<Map<string, number>> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export player-games CSV' }).click()]);
  const [header, ...rows] = readFileSync((await download.path())!, 'utf8').trim().split('\n');
  const columns = header.split(',');
  const at = (name: string) => columns.indexOf(name);
  const scores = new Map<string, number>();
  for (const row of rows) {
    const cells = row.split(',');
    if (cells.length !== columns.length) throw new Error(`unexpected CSV row ${row}`);
    scores.set(`${cells[at('gameId')]}:${cells[at('personId')]}`, Math.round(Number(cells[at('gameScore')]) * 10));
  }
  return scores;
}

function withoutZeros(scores: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...scores].filter(([, v]) => v !== 0).sort(([a], [b]) => (a < b ? -1 : 1)));
}

async function openStream(page: Page): Promise<void> {
  await page.goto('/#/stream');
  // First sight: the generated sample games have streamed and the leaderboard is filled.
  await expect(page.getByTestId('leader-row').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('stream-status')).toContainText('finished', { timeout: 60_000 });
}

async function dropFile(page: Page, path: string, speed = 'max'): Promise<void> {
  await page.getByTestId('replay-speed').selectOption(speed);
  await page.locator('input[type=file]').setInputFiles(path);
}

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
