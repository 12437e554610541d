import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { generateGameLines } from '../src/core/generate/games';
import { watchPageProblems } from './helpers';
import { dropFile, expectedGameScores, exportedGameScores, finished, openStream, withoutZeros, writeBytes, writeLines } from './streamHelpers';

test('a gzip feed streams to the same Game Scores as the plain file', async ({ page }) => {
  const lines = generateGameLines({ games: 2, seed: 13 });
  await openStream(page);
  await dropFile(page, writeBytes('two-games.jsonl.gz', gzipSync(`${lines.join('\n')}\n`)));
  await finished(page, 'two-games.jsonl.gz', lines.length);
  await expect(page.getByTestId('health-rejects')).toHaveText('0');
  expect(withoutZeros(await exportedGameScores(page))).toEqual(withoutZeros(expectedGameScores(lines)));
});

test('a binary file is refused at once with one message naming it, and no rejected lines', async ({ page }) => {
  await openStream(page);
  const noise = new Uint8Array(300_000).map((_, i) => (i * 2654435761) >>> 24);
  await dropFile(page, writeBytes('match-photo.jsonl', noise));
  await expect(page.getByTestId('stream-status')).toContainText('refused');
  const notice = page.getByRole('alert').filter({ hasText: 'match-photo.jsonl cannot be streamed' });
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText('it holds binary data');
  await expect(notice).toContainText('JSON lines (UTF-8 text), plain or compressed with gzip or deflate');
  await expect(page.getByTestId('health-rejects')).toHaveText('0');
  await expect(page.getByTestId('reject-row')).toHaveCount(0);
});

test('one repeated line does not break the view: coming back and reloading show the same stream', async ({ page }) => {
  const problems = watchPageProblems(page);
  const lines = generateGameLines({ games: 2, seed: 17 });
  // The last action of the first game (the one the feed shows), sent again right after itself.
  const last = lines.findLastIndex((line) => line.includes('"0029900001"'));
  const repeated = [...lines.slice(0, last + 1), lines[last], ...lines.slice(last + 1)];
  await openStream(page);
  await page.getByTestId('feed-game').waitFor();
  await dropFile(page, writeLines('repeated.jsonl', repeated));
  await finished(page, 'repeated.jsonl', repeated.length);
  await expect(page.getByText('This view stopped')).toHaveCount(0);
  await expect(page.getByTestId('stream-status')).toContainText('1 duplicates');
  await expect(page.getByTestId('feed').locator('li').first()).toBeVisible();
  // Away and back: the stream is still there, whole.
  await page.goto('/#/results');
  await page.goto('/#/stream');
  await finished(page, 'repeated.jsonl', repeated.length);
  // A reload resumes the dropped stream, not the sample.
  await page.reload();
  await expect(page.getByTestId('stream-resumed')).toContainText('Resumed repeated.jsonl');
  await finished(page, 'repeated.jsonl', repeated.length);
  expect(withoutZeros(await exportedGameScores(page))).toEqual(withoutZeros(expectedGameScores(lines)));
  expect(problems.problems).toEqual([]);
});

test('storage full when a stream starts: its saves wait with the count shown, go through once there is room, and a reload resumes it', async ({ page, baseURL }) => {
  const lines = generateGameLines({ games: 1, seed: 19 });
  // The quota is tiny from the start (IndexedDB reads it when a database opens).
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(baseURL!).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  await openStream(page);
  await dropFile(page, writeLines('quota.jsonl', lines));
  await finished(page, 'quota.jsonl', lines.length);
  const waiting = page.getByTestId('save-waiting');
  await expect(waiting).toContainText(/\d+ saves? of this stream waiting/);
  await expect(waiting).toContainText('storage for Trackside is full');
  await expect(page.getByTestId('checkpoint-line')).toHaveText('Checkpoint at line 0');
  // Space is back: the person presses Try again. The queue also retries by itself every few
  // seconds, so on a busy machine the saves may go through (and the card go) before the click.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await waiting.getByRole('button', { name: 'Try again now' }).click({ timeout: 10_000 }).catch(async (error: unknown) => {
    if ((await waiting.count()) > 0) throw error;
  });
  await expect(waiting).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('checkpoint-line')).toHaveText(`Checkpoint at line ${lines.length.toLocaleString('en')}`);
  await page.reload();
  await expect(page.getByTestId('stream-resumed')).toContainText('Resumed quota.jsonl');
  await finished(page, 'quota.jsonl', lines.length);
});

test('implausible values are rejects with their reason, never counted', async ({ page }) => {
  const lines = generateGameLines({ games: 1, seed: 23 });
  const shot = lines.findIndex((line) => line.includes('"shotResult":"Made"') && line.includes('"2pt"'));
  const set = (line: string, key: string, value: string) => line.replace(new RegExp(`"${key}":(?:"[^"]*"|[^,}]*)`), `"${key}":${value}`);
  const bad = [set(lines[shot], 'actionNumber', '1e300'), set(lines[shot], 'personId', '1e20'), set(lines[shot], 'period', '1000000000000000'),
    set(lines[shot], 'timeActual', '"+275760-09-13T00:00:00.000Z"'), set(lines[shot], 'actionNumber', '9007199254740993')];
  const withBad = [...lines.slice(0, 10), ...bad, ...lines.slice(10)];
  await openStream(page);
  await dropFile(page, writeLines('implausible.jsonl', withBad));
  await finished(page, 'implausible.jsonl', withBad.length);
  const rows = page.getByTestId('reject-row');
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(0)).toContainText('line 11: actionNumber must be a whole number from 0 to 2,147,483,647, got 1e+300');
  await expect(rows.nth(1)).toContainText('line 12: personId must be a whole number from 0 to 2,147,483,647, got 100000000000000000000');
  await expect(rows.nth(2)).toContainText('line 13: period must be a whole number from 1 to 20');
  await expect(rows.nth(3)).toContainText('line 14: timeActual must be a time from 1946-11-01 to a day after the line arrived');
  await expect(rows.nth(4)).toContainText('line 15: actionNumber must be a whole number');
  expect(withoutZeros(await exportedGameScores(page))).toEqual(withoutZeros(expectedGameScores(lines)));
});
