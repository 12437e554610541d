/**
 * Real-data check of the Stream core: the streaming Game Score (splitter → parse → store →
 * reorder → totals) and the batch Game Score (star-schema SQL on native DuckDB) of every
 * player-game of ../shared/data/stream equal the official box score — for the file as
 * recorded and for a messy replay (5 % of lines twice, shuffled within the 180 s window),
 * and for the messy replay with a 5 s window (many actions go late, totals still correct).
 *   npx tsx scripts/check-real/stream.ts        (exit code 1 on any mismatch)
 */
import { appendActionsRaw } from '../lib/nativeStream';
import { readFileSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { consistencyReport } from '../../src/core/events/consistencyReport.ts';
import type { GameAction } from '../../src/core/events/gameAction.ts';
import { emptyStatLine, gameScore, STAT_KEYS, type StatLine } from '../../src/core/events/gameScore.ts';
import { parseAction } from '../../src/core/events/parseAction.ts';
import { playerGameScoresSql, starSchemaSql } from '../../src/core/events/starSchemaSql.ts';
import { StreamPipeline } from '../../src/core/events/streamPipeline.ts';
import { messyReplay } from '../../src/core/generate/games.ts';

const dataFolder = new URL('../../../shared/data/stream/', import.meta.url);
const feedText = readFileSync(new URL('nba_live_pbp_2025-02_8games.jsonl', dataFolder), 'utf8');
const boxText = readFileSync(new URL('boxscore_players_8games.csv', dataFolder), 'utf8');

interface BoxLine { stats: StatLine; published: number }
const BOX_COLUMNS: Record<keyof StatLine, string> = {
  pts: 'points', fgm: 'fieldGoalsMade', fga: 'fieldGoalsAttempted', ftm: 'freeThrowsMade', fta: 'freeThrowsAttempted',
  orb: 'reboundsOffensive', drb: 'reboundsDefensive', ast: 'assists', stl: 'steals', blk: 'blocks', pf: 'foulsPersonal', tov: 'turnovers',
};

function readBox(text: string): Map<string, BoxLine> {
  const [header, ...rows] = text.trim().split(/\r?\n/).map((line) => line.split(','));
  const at = (name: string): number => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`boxscore_players_8games.csv: no column ${name}`);
    return index;
  };
  const box = new Map<string, BoxLine>();
  for (const row of rows) {
    const stats = emptyStatLine();
    for (const key of STAT_KEYS) stats[key] = Number(row[at(BOX_COLUMNS[key])]);
    box.set(`${row[at('gameId')]}:${row[at('personId')]}`, { stats, published: Number(row[at('gameScore')]) });
  }
  return box;
}

function streamScores(lines: readonly string[], latenessSeconds: number): { pipeline: StreamPipeline; scores: Map<string, StatLine & { impact: number }> } {
  const pipeline = new StreamPipeline({ allowedLatenessSeconds: latenessSeconds, idleTimeoutMs: 30_000 });
  const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);
  for (let at = 0; at < bytes.length; at += 65_536) pipeline.pushBytes(bytes.subarray(at, at + 65_536), Date.now());
  pipeline.finish(Date.now());
  const scores = new Map(pipeline.totals.playerGames().map((p) => [`${p.gameId}:${p.personId}`, { ...p.stats, impact: p.impact }]));
  return { pipeline, scores };
}

async function batchScores(connection: DuckDBConnection, lines: readonly string[]): Promise<Map<string, StatLine & { impact: number }>> {
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

interface Comparison { matched: number; maxDiff: number; mismatches: string[] }

function compareWithBox(box: Map<string, BoxLine>, scores: Map<string, StatLine>): Comparison {
  const result: Comparison = { matched: 0, maxDiff: 0, mismatches: [] };
  for (const [key, official] of box) {
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

const box = readBox(boxText);
const recorded = feedText.split('\n').filter((line) => line.trim() !== '');
const messy = messyReplay(recorded, { seed: 7, duplicateFraction: 0.05, allowedLatenessSeconds: 180 });
const connection = await (await DuckDBInstance.create(':memory:')).connect();
const runs = [
  { name: 'recorded, window 180 s', lines: recorded, lateness: 180 },
  { name: 'messy replay, window 180 s', lines: messy, lateness: 180 },
  { name: 'messy replay, window 5 s', lines: messy, lateness: 5 },
];
const table: Record<string, string | number>[] = [];
let failed = false;
for (const run of runs) {
  const started = performance.now();
  const { pipeline, scores } = streamScores(run.lines, run.lateness);
  const streamMs = performance.now() - started;
  const batch = await batchScores(connection, run.lines);
  const c = pipeline.counters();
  for (const [layer, result] of [['stream', compareWithBox(box, scores)], ['batch', compareWithBox(box, batch)]] as const) {
    failed ||= result.mismatches.length > 0;
    for (const line of result.mismatches.slice(0, 5)) console.error(`MISMATCH ${run.name} ${layer}: ${line}`);
    table.push({ run: run.name, layer, lines: run.lines.length, 'matched': `${result.matched}/${box.size}`,
      'max |GmSc − official|': result.maxDiff.toFixed(3),
      ...(layer === 'stream'
        ? { rejects: c.rejects, duplicates: c.duplicates, stale: c.stale, late: c.late, corrections: c.corrections, ms: Math.round(streamMs) }
        : { rejects: '', duplicates: '', stale: '', late: '', corrections: '', ms: '' }) });
  }
  const impact = consistencyReport(new Map([...scores].map(([k, v]) => [k, v.impact])), new Map([...batch].map(([k, v]) => [k, v.impact])), { topN: 20 });
  console.log(`${run.name}: impact stream vs SQL — MAE ${impact.meanAbsoluteError.toExponential(2)}, max ${impact.maxAbsoluteError.toExponential(2)}, ` +
    `Spearman ${impact.spearman.toFixed(4)}, Kendall ${impact.kendallTau.toFixed(4)}, KS ${impact.ks.toFixed(4)}, PSI ${impact.psi.toFixed(5)}` +
    (impact.drift ? ` — drift: ${impact.flags.join('; ')}` : ' — consistent'));
}
console.table(table);
connection.closeSync();
console.log(failed ? 'FAILED: some player-games differ from the official box score' : `OK: all ${box.size} player-games equal the official box score in every run`);
process.exit(failed ? 1 : 0);
