import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

/**
 * Box-score arithmetic written out here, independently of src/core: the latest version of
 * each (gameId, actionNumber), then the feed-to-box-score rules of shared/data/README.md,
 * then Hollinger's Game Score, in tenths (whole numbers) so no float rounding can hide a miss.
 */
export function expectedGameScores(lines: string[]): Map<string, number> {
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

export function writeLines(name: string, lines: string[]): string {
  return writeBytes(name, `${lines.join('\n')}\n`);
}

export function writeBytes(name: string, bytes: string | Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'trackside-stream-')), name);
  writeFileSync(path, bytes);
  return path;
}

export async function exportedGameScores(page: Page): Promise<Map<string, number>> {
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

export function withoutZeros(scores: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...scores].filter(([, v]) => v !== 0).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export async function openStream(page: Page): Promise<void> {
  await page.goto('/#/stream');
  // First sight: the generated sample games have streamed and the leaderboard is filled.
  await expect(page.getByTestId('leader-row').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('stream-status')).toContainText('finished', { timeout: 60_000 });
}

export async function dropFile(page: Page, path: string, speed = 'max'): Promise<void> {
  await page.getByTestId('replay-speed').selectOption(speed);
  await page.locator('input[type=file]').setInputFiles(path);
}

/** Waits for the dropped file's own stream to finish with every line read. */
export async function finished(page: Page, name: string, lines: number): Promise<void> {
  await expect(page.getByTestId('stream-source')).toContainText(name);
  await expect(page.getByTestId('stream-status')).toContainText(`finished · ${lines.toLocaleString('en')} lines`, { timeout: 60_000 });
}
