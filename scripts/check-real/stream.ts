/**
 * Real-data check of the Stream: every feed in the data folder's stream/ (`*.jsonl`) goes
 * through the Stream engine — the coordinator the app runs in its worker, here in Node with
 * the same parse on the calling thread — as recorded, gzip-compressed, and as a messy replay
 * (5 % of lines twice, shuffled within the 180 s window; and the same with a 5 s window, so
 * many actions go late); and through the batch layer's star-schema SQL on native DuckDB.
 * Each run's Game Score must equal the official box score (`boxscore_players_*.csv`) of
 * every player-game of the feed's games, and each run must read as many lines as the file
 * has. Every expectation is read from the folder; a missing file is skipped with a line
 * saying so. Exit code 1 on any mismatch.
 *   npm run check:real -- --data DIR stream
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { consistencyReport } from '../../src/core/events/consistencyReport';
import type { GameAction } from '../../src/core/events/gameAction';
import { emptyStatLine, gameScore, STAT_KEYS, type StatLine } from '../../src/core/events/gameScore';
import { parseAction } from '../../src/core/events/parseAction';
import { playerGameScoresSql, starSchemaSql } from '../../src/core/events/starSchemaSql';
import { messyReplay } from '../../src/core/generate/games';
import { inThreadPool } from '../../src/platform/stream/inThreadPool';
import { StreamEngine } from '../../src/platform/stream/streamEngine';
import { MemoryStreamStorage } from '../../src/platform/stream/streamStorage';
import { dataFiles } from '../lib/dataFolder';
import { appendActionsRaw } from '../lib/nativeStream';

interface BoxLine { stats: StatLine; published: number }
type Scores = Map<string, StatLine & { impact: number }>;

const BOX_COLUMNS: Record<keyof StatLine, string> = {
  pts: 'points', fgm: 'fieldGoalsMade', fga: 'fieldGoalsAttempted', ftm: 'freeThrowsMade', fta: 'freeThrowsAttempted',
  orb: 'reboundsOffensive', drb: 'reboundsDefensive', ast: 'assists', stl: 'steals', blk: 'blocks', pf: 'foulsPersonal', tov: 'turnovers',
};

/** Every box-score file of the folder, player-games keyed gameId:personId. */
function readBoxScores(paths: readonly string[]): Map<string, BoxLine> {
  const box = new Map<string, BoxLine>();
  for (const path of paths) {
    const [header, ...rows] = readFileSync(path, 'utf8').trim().split(/\r?\n/).map((line) => line.split(','));
    const at = (name: string): number => {
      const index = header.indexOf(name);
      if (index < 0) throw new Error(`${basename(path)}: no column ${name}`);
      return index;
    };
    for (const row of rows) {
      const stats = emptyStatLine();
      for (const key of STAT_KEYS) stats[key] = Number(row[at(BOX_COLUMNS[key])]);
      box.set(`${row[at('gameId')]}:${row[at('personId')]}`, { stats, published: Number(row[at('gameScore')]) });
    }
  }
  return box;
}

async function engineScores(name: string, bytes: Uint8Array, lateness: number): Promise<{ scores: Scores; lines: number; counters: Record<string, number>; ms: number }> {
  const engine = new StreamEngine({ pool: inThreadPool({ workers: 2 }), storage: new MemoryStreamStorage(), cores: 3 });
  await engine.update({ allowedLatenessSeconds: lateness });
  const started = performance.now();
  await engine.play({ kind: 'file', name, blob: new Blob([new Uint8Array(bytes)]), speed: 'max' });
  await engine.whenDone();
  const run = engine.run!;
  const ms = performance.now() - started;
  if (run.state !== 'finished') throw new Error(`${name}: the stream ended ${run.state}`);
  const scores: Scores = new Map(run.pipeline.totals.playerGames().map((p) => [`${p.gameId}:${p.personId}`, { ...p.stats, impact: p.impact }]));
  const counters = { ...run.pipeline.counters(), rejects: run.rejectCount };
  await engine.dispose();
  return { scores, lines: run.lines, counters, ms };
}

async function batchScores(connection: DuckDBConnection, lines: readonly string[]): Promise<Scores> {
  const actions: GameAction[] = [];
  lines.forEach((line, i) => {
    const parsed = parseAction(line, i + 1);
    if (parsed.ok) actions.push(parsed.action);
  });
  await appendActionsRaw(connection, actions);
  await connection.run(starSchemaSql());
  const rows = (await connection.runAndReadAll(playerGameScoresSql)).getRowObjects();
  return new Map(rows.map((row) => {
    const stats = emptyStatLine();
    for (const key of STAT_KEYS) stats[key] = Number(row[key]);
    return [`${row.gameId}:${row.personId}`, { ...stats, impact: Number(row.impact) }];
  }));
}

interface Comparison { matched: number; of: number; maxDiff: number; mismatches: string[] }

/** The box score's player-games of the games this feed holds, against ours. */
function compareWithBox(box: Map<string, BoxLine>, games: Set<string>, scores: Map<string, StatLine>): Comparison {
  const result: Comparison = { matched: 0, of: 0, maxDiff: 0, mismatches: [] };
  for (const [key, official] of box) {
    if (!games.has(key.slice(0, key.indexOf(':')))) continue;
    result.of += 1;
    const ours = scores.get(key) ?? emptyStatLine();
    const diff = Math.abs(gameScore(ours) - official.published);
    result.maxDiff = Math.max(result.maxDiff, diff);
    const countsAgree = STAT_KEYS.every((k) => ours[k] === official.stats[k]);
    // The published Game Score is rounded to 0.1; the counts must agree exactly.
    if (countsAgree && Math.abs(gameScore(ours) - gameScore(official.stats)) < 1e-9 && diff <= 0.05 + 1e-9) result.matched += 1;
    else result.mismatches.push(`${key}: ours ${gameScore(ours).toFixed(2)} (${STAT_KEYS.map((k) => ours[k]).join('/')}), official ${official.published}`);
  }
  for (const key of scores.keys()) if (!box.has(key)) result.mismatches.push(`${key}: credited in the events, not in the box score`);
  return result;
}

const feeds = dataFiles('stream', (name) => /\.jsonl$/i.test(name));
const boxFiles = dataFiles('stream', (name) => /^boxscore_players.*\.csv$/i.test(name));
if (feeds.length === 0 || boxFiles.length === 0) {
  if (feeds.length === 0) console.log('skipped: no stream/*.jsonl feed in the data folder');
  if (boxFiles.length === 0) console.log('skipped: no stream/boxscore_players*.csv in the data folder, nothing to compare the Game Score with');
  process.exit(0);
}
const box = readBoxScores(boxFiles);
const connection = await (await DuckDBInstance.create(':memory:')).connect();
const table: Record<string, string | number>[] = [];
let failed = false;
for (const feed of feeds) {
  const name = basename(feed);
  const bytes = new Uint8Array(readFileSync(feed));
  const text = new TextDecoder().decode(bytes);
  // Lines as an editor counts them: a last line without a newline counts too.
  const fileLines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  const recorded = text.split('\n').filter((line) => line.trim() !== '');
  const games = new Set(recorded.map((line) => { const parsed = parseAction(line, 0); return parsed.ok ? parsed.action.gameId : ''; }).filter(Boolean));
  const messy = messyReplay(recorded, { seed: 7, duplicateFraction: 0.05, allowedLatenessSeconds: 180 });
  const messyBytes = new TextEncoder().encode(`${messy.join('\n')}\n`);
  const runs = [
    { run: 'recorded', bytes, lines: fileLines, lateness: 180, batch: recorded },
    { run: 'recorded, gzip', bytes: new Uint8Array(gzipSync(bytes)), lines: fileLines, lateness: 180, batch: null },
    { run: 'messy replay, window 180 s', bytes: messyBytes, lines: messy.length, lateness: 180, batch: messy },
    { run: 'messy replay, window 5 s', bytes: messyBytes, lines: messy.length, lateness: 5, batch: null },
  ];
  for (const run of runs) {
    const streamed = await engineScores(run.run.includes('gzip') ? `${name}.gz` : name, run.bytes, run.lateness);
    const layers: [string, Scores][] = [['stream', streamed.scores]];
    if (run.batch !== null) layers.push(['batch (SQL)', await batchScores(connection, run.batch)]);
    if (streamed.lines !== run.lines) {
      failed = true;
      console.error(`MISMATCH ${name} ${run.run}: read ${streamed.lines} lines, the file has ${run.lines}`);
    }
    for (const [layer, scores] of layers) {
      const result = compareWithBox(box, games, scores);
      failed ||= result.mismatches.length > 0 || result.of === 0;
      for (const line of result.mismatches.slice(0, 5)) console.error(`MISMATCH ${name} ${run.run} ${layer}: ${line}`);
      const c = streamed.counters;
      table.push({ feed: name, run: run.run, layer, lines: `${streamed.lines}/${run.lines}`, matched: `${result.matched}/${result.of}`, 'max |GmSc − official|': result.maxDiff.toFixed(3),
        ...(layer === 'stream' ? { rejects: c.rejects, duplicates: c.duplicates, late: c.late, corrections: c.corrections, closed: c.closedGames, ms: Math.round(streamed.ms) } : {}) });
    }
    if (run.batch !== null) {
      const sql = layers[1][1];
      const impact = consistencyReport(new Map([...streamed.scores].map(([k, v]) => [k, v.impact])), new Map([...sql].map(([k, v]) => [k, v.impact])), { topN: 20 });
      console.log(`${name}, ${run.run}: impact stream vs SQL — MAE ${impact.meanAbsoluteError.toExponential(2)}, Spearman ${impact.spearman.toFixed(4)}, Kendall ${impact.kendallTau.toFixed(4)}` +
        (impact.drift ? ` — drift: ${impact.flags.join('; ')}` : ' — consistent'));
    }
  }
}
console.table(table);
connection.closeSync();
console.log(failed ? 'FAILED: some player-games or line counts differ' : 'OK: every player-game of every feed equals the official box score in every run, and every line was read');
process.exit(failed ? 1 : 0);
