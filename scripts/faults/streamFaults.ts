/**
 * The Stream workspace under bad feeds, through its public surface (a dropped JSON-lines
 * file, "as fast as possible"; the exported player-games CSV): the same seeded games clean,
 * then with 10,000 malformed lines, with 1,000 implausible actions, with duplicates next to
 * their originals, and streamed while the tab is killed 20 times. Whatever the faults, the
 * Game Scores must equal the clean feed's; a view that stops or a stream not resumed counts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { generateGameLines } from '../../src/core/generate/games';
import { createRandom, type Random } from '../../src/core/stats/random';
import { refuseOutsideRequests } from '../lib/outsideRequests';
import { killTab, openTab } from './pageTools';
import { row, type Row, type Section } from './sections';
import { CrashWatch } from './trial';

const finished = (page: Page, lines: number, timeout: number) =>
  page.getByTestId('stream-status').filter({ hasText: `finished · ${lines.toLocaleString('en')} lines` }).waitFor({ timeout });
const statusCount = async (page: Page, word: string) =>
  Number(new RegExp(`([\\d,]+) ${word}`).exec((await page.getByTestId('stream-status').textContent({ timeout: 5_000 }).catch(() => '')) ?? '')?.[1].replaceAll(',', '') ?? NaN);

/** Game Scores from the exported CSV, in tenths, without the players who scored 0. */
async function exportedScores(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export player-games CSV' }).click()]);
  const [header, ...rows] = readFileSync((await download.path())!, 'utf8').trim().split('\n');
  const at = (name: string) => header.split(',').indexOf(name);
  const scores = rows.map((line) => line.split(',')).map((cells) => [`${cells[at('gameId')]}:${cells[at('personId')]}`, Math.round(Number(cells[at('gameScore')]) * 10)] as const);
  return JSON.stringify(scores.filter(([, v]) => v !== 0).sort(([a], [b]) => (a < b ? -1 : 1)));
}

async function openStream(context: BrowserContext, appUrl: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${appUrl}/#/stream`);
  await page.getByTestId('stream-status').filter({ hasText: 'finished' }).waitFor({ timeout: 120_000 });
  return page;
}

async function stream(page: Page, path: string, speed = 'max'): Promise<void> {
  await page.getByTestId('replay-speed').selectOption(speed);
  await page.locator('input[type=file][aria-label^="JSON-lines game stream"]').setInputFiles(path);
}

/** Lines no schema accepts: not JSON, cut, the wrong shape, fields of the wrong type or missing. */
function malformed(real: string[], random: Random, count: number): string[] {
  const kinds: ((line: string) => string)[] = [
    () => 'this is not json',
    (line) => line.slice(0, Math.max(1, random.int(line.length - 1))),
    () => JSON.stringify([1, 2, 3]),
    () => 'null',
    () => '"a string"',
    (line) => JSON.stringify({ ...JSON.parse(line), actionNumber: 'seven' }),
    (line) => { const { gameId: _, ...rest } = JSON.parse(line); return JSON.stringify(rest); },
    (line) => JSON.stringify({ ...JSON.parse(line), period: 'first' }),
    (line) => JSON.stringify({ ...JSON.parse(line), timeActual: 'yesterday' }),
    () => String.fromCharCode(...Array.from({ length: 40 }, () => 32 + random.int(200))).replace(/[\r\n]/g, ' '),
    () => `{"gameId":"${'9'.repeat(20_000)}"`,
    () => '{}',
  ];
  return Array.from({ length: count }, () => random.pick(kinds)(random.pick(real)));
}

/** Well-formed actions of the feed's games with a value no game can hold (issue 13 lists them). */
function implausible(real: string[], random: Random, count: number): string[] {
  const scoring = real.map((line) => JSON.parse(line) as Record<string, unknown>).filter((a) => a.actionType === '3pt' && a.shotResult === 'Made');
  const changes: ((a: Record<string, unknown>, n: number) => Record<string, unknown>)[] = [
    (a) => ({ ...a, actionNumber: 2 ** 53 + 1 }),
    (a) => ({ ...a, actionNumber: 1e300 }),
    (a, n) => ({ ...a, actionNumber: 800_000 + n, personId: 1e20 }),
    (a, n) => ({ ...a, actionNumber: 800_000 + n, period: 1e15 }),
    (a, n) => ({ ...a, actionNumber: 800_000 + n, timeActual: '+275760-09-13T00:00:00Z' }),
    (a, n) => ({ ...a, actionNumber: 800_000 + n, clock: 'PT-5M00.00S' }),
    (a, n) => ({ ...a, actionNumber: 800_000 + n, period: -2 }),
    (a, n) => ({ ...a, actionNumber: -n - 1 }),
  ];
  return Array.from({ length: count }, (_, n) => JSON.stringify(random.pick(changes)(random.pick(scoring), n)));
}

/** Each chosen line sent again a few lines after itself, and every game's last action twice in a row. */
function withDuplicates(real: string[], random: Random, count: number): { lines: string[]; added: number } {
  const lines = real.slice();
  const lastOfGame = new Map<string, number>();
  real.forEach((line, i) => lastOfGame.set(JSON.parse(line).gameId as string, i));
  const inserts = [...lastOfGame.values()].map((i) => ({ at: i + 1, line: real[i] }));
  const near = count - inserts.length;
  for (let k = 0; k < near; k++) {
    const i = random.int(real.length);
    inserts.push({ at: Math.min(real.length, i + 1 + random.int(5)), line: real[i] });
  }
  inserts.sort((a, b) => b.at - a.at).forEach(({ at, line }) => lines.splice(at, 0, line));
  return { lines, added: inserts.length };
}

function mixIn(real: string[], extra: string[], random: Random): string[] {
  const out = real.slice();
  for (const line of extra) out.splice(random.int(out.length + 1), 0, line);
  return out;
}

/** A feed of two generated games, written for the quota squeeze of the ride section. */
export function quotaFeed(out: string): string {
  mkdirSync(join(out, 'stream'), { recursive: true });
  const path = join(out, 'stream', 'quota.jsonl');
  writeFileSync(path, `${generateGameLines({ games: 2, seed: 62 }).join('\n')}\n`);
  return path;
}

export const streamSection: Section = {
  name: 'stream',
  async run(browser, appUrl, { quick, out }) {
    const dir = join(out, 'stream');
    mkdirSync(dir, { recursive: true });
    const write = (name: string, lines: string[]) => {
      const path = join(dir, name);
      writeFileSync(path, `${lines.join('\n')}\n`);
      return path;
    };
    const random = createRandom(61);
    const real = generateGameLines({ games: 3, seed: 61 });
    const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
    await refuseOutsideRequests(context, appUrl);
    const rows: Row[] = [];
    const details: Record<string, unknown> = {};
    try {
      const page = await openStream(context, appUrl);
      const watch = new CrashWatch(page);
      await stream(page, write('clean.jsonl', real));
      await finished(page, real.length, 120_000);
      const clean = await exportedScores(page);

      const runs: [string, string[], number][] = [];
      const bad = malformed(real, random, quick ? 1_000 : 10_000);
      runs.push(['stream: malformed lines', mixIn(real, bad, random), bad.length]);
      const odd = implausible(real, random, quick ? 100 : 1_000);
      runs.push(['stream: implausible actions', mixIn(real, odd, random), odd.length]);
      const twice = withDuplicates(real, random, quick ? 50 : 300);
      runs.push(['stream: duplicates near their originals', twice.lines, twice.added]);
      for (const [area, lines, added] of runs) {
        await stream(page, write(`${area.split(': ')[1].replaceAll(' ', '-')}.jsonl`, lines));
        const ended = await finished(page, lines.length, 300_000).then(() => true, () => false);
        const problems = await watch.take(page);
        const rejects = Number(((await page.getByTestId('health-rejects').textContent({ timeout: 5_000 }).catch(() => '')) ?? '').replaceAll(',', ''));
        const duplicates = await statusCount(page, 'duplicates');
        const scores = ended && problems.length === 0 ? await exportedScores(page) : '';
        const caught = area.includes('duplicates') ? Math.min(added, duplicates) : Math.min(added, rejects);
        rows.push(row(area, {
          tried: added, refused: problems.length > 0 ? 0 : caught, loaded: problems.length > 0 ? 0 : added - caught,
          hung: ended || problems.length > 0 ? 0 : 1, crashed: problems.length > 0 ? 1 : 0, lost: scores === clean ? 0 : 1,
        }));
        details[area] = { lines: lines.length, added, rejects, duplicates, problems, scoresEqualClean: scores === clean };
        if (problems.length > 0 || !ended) {
          await page.reload();
          await page.getByTestId('stream-status').waitFor({ timeout: 120_000 });
        }
      }
      await page.close();
      const kills = await killStreams(browser, context, appUrl, write('killed.jsonl', real), real.length, clean, quick ? 2 : 20);
      // A kill loses data when the stream is not resumed (a reload played the sample instead) or ends with other totals.
      const unequal = kills.rounds.filter((r) => r.resumed.every(Boolean) && !r.equal).length;
      rows.push(row('stream: tab killed mid-stream', { tried: kills.tried, loaded: kills.resumed, lost: kills.notResumed + unequal }));
      details.kills = kills;
    } finally {
      await context.close();
    }
    return { rows, details };
  },
};

/** Streams the feed at 600× and kills the tab twice a round; every round must resume and end exact. */
async function killStreams(browser: Browser, context: BrowserContext, appUrl: string, path: string, lines: number, clean: string, kills: number) {
  const result = { tried: 0, resumed: 0, notResumed: 0, lost: 0, rounds: [] as { resumed: boolean[]; equal: boolean }[] };
  while (result.tried < kills) {
    let tab = await openTab(browser, context, `${appUrl}/#/stream`);
    await tab.page.getByTestId('stream-status').filter({ hasText: /finished|running/ }).waitFor({ timeout: 120_000 });
    await stream(tab.page, path, '600');
    const round = { resumed: [] as boolean[], equal: false };
    for (let k = 0; k < 2 && result.tried < kills; k++) {
      await tab.page.getByTestId('checkpoint-line').filter({ hasText: /[1-9]/ }).waitFor({ timeout: 60_000 }).catch(() => undefined);
      await tab.page.waitForTimeout(500 + 1500 * Math.random());
      await killTab(tab);
      result.tried++;
      tab = await openTab(browser, context, `${appUrl}/#/stream`);
      const resumed = await tab.page.getByTestId('stream-resumed').waitFor({ timeout: 60_000 }).then(() => true, () => false);
      round.resumed.push(resumed);
      if (resumed) result.resumed++;
      else result.notResumed++;
    }
    const ended = await finished(tab.page, lines, 180_000).then(() => true, () => false);
    round.equal = ended && (await exportedScores(tab.page)) === clean;
    if (!round.equal) result.lost++;
    result.rounds.push(round);
    await tab.page.close();
  }
  return result;
}
