import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateGameLines } from '../generate/games.ts';
import { appendActionsRaw } from '../../../scripts/lib/nativeStream.ts';
import type { GameAction } from './gameAction.ts';
import { parseAction } from './parseAction.ts';
import { kpiQueries, playerGameScoresSql, starSchemaSql } from './starSchemaSql.ts';
import { StreamPipeline } from './streamPipeline.ts';

let connection: DuckDBConnection;

async function load(actions: readonly GameAction[], options = {}): Promise<void> {
  await appendActionsRaw(connection, actions);
  await connection.run(starSchemaSql(options));
}

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql)).getRowObjects();
}

beforeAll(async () => {
  connection = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => connection.closeSync());

const act = (actionNumber: number, teamId: number, change: Partial<GameAction>): GameAction => ({
  gameId: 'g', actionNumber, orderNumber: actionNumber * 10, period: 1, clockSeconds: 600, timeActualMs: actionNumber * 1000,
  editedMs: 100, actionType: '2pt', subType: '', qualifiers: '', teamId, teamTricode: teamId === 1 ? 'AAA' : 'BBB',
  personId: teamId * 100, playerName: '', assistPersonId: 0, stealPersonId: 0, blockPersonId: 0, shotResult: 'Made',
  scoreHome: 0, scoreAway: 0, ...change,
});

describe('star schema SQL on native DuckDB', () => {
  it('keeps the latest version and counts the run over the previous N actions in event order (by hand)', async () => {
    // event order: 1 A 3pt, 2 B 2pt, 3 A 2pt, 4 B freethrow, 5 A rebound; window of 2 actions
    const actions = [
      act(3, 1, {}), act(1, 1, { actionType: '3pt' }), act(5, 1, { actionType: 'rebound', subType: 'defensive', shotResult: '' }),
      act(2, 2, {}), act(4, 2, { actionType: 'freethrow' }),
      act(2, 2, { shotResult: 'Missed', editedMs: 50 }), // an older version, arriving last: ignored
    ];
    await load(actions, { momentumWindow: 2 });
    const fact = await rows('SELECT actionNumber, points, momentum_run FROM fact_action ORDER BY event_seq');
    // run of 2 (B): A+3 → −3; run of 3: previous two are A+3 (own) and B+2 → +1; run of 4 (B): B+2, A+2 → 0; run of 5 (A): A+2, B+1 → +1
    expect(fact.map((r) => [r.actionNumber, r.points, r.momentum_run])).toEqual([[1, 3, 0], [2, 2, -3], [3, 2, 1], [4, 1, 0], [5, 0, 1]]);
  });

  it('recomputes the streaming Game Score and impact of generated games to 1e-9', async () => {
    const lines = generateGameLines({ games: 2, seed: 11, correctionFraction: 0.03 });
    const pipeline = new StreamPipeline({ allowedLatenessSeconds: 180, idleTimeoutMs: 3_600_000 });
    const accepted: GameAction[] = [];
    lines.forEach((line, i) => {
      const parsed = parseAction(line, i + 1);
      if (!parsed.ok) return;
      pipeline.pushAction(parsed.action, 0);
      accepted.push(parsed.action);
    });
    pipeline.finish();
    expect(pipeline.counters().corrections).toBeGreaterThan(5);
    await load(accepted);
    const batch = await rows(playerGameScoresSql);
    const streaming = new Map(pipeline.totals.playerGames().map((p) => [`${p.gameId}:${p.personId}`, p]));
    expect(batch.length).toBeGreaterThan(30);
    let compared = 0;
    for (const row of batch) {
      const live = streaming.get(`${row.gameId}:${row.personId}`);
      expect(live, `player ${row.personId}`).toBeDefined();
      if (live === undefined) continue;
      expect(Math.abs(live.gameScore - Number(row.game_score))).toBeLessThan(1e-9);
      expect(Math.abs(live.impact - Number(row.impact))).toBeLessThan(1e-9);
      expect([live.stats.pts, live.stats.ast, live.stats.drb]).toEqual([row.pts, row.ast, row.drb]);
      compared += 1;
    }
    // a correction can leave a player with nothing in the stream: zero there, absent in SQL
    const emptyInStream = [...streaming.values()].filter((p) => Object.values(p.stats).every((v) => v === 0)).length;
    expect(compared + emptyInStream).toBe(streaming.size);
    const top = await rows(kpiQueries.topPlayersByImpact(1));
    expect(top[0].personId).toBe(pipeline.totals.leaderboard({ by: 'impact', limit: 1 })[0].personId);
    expect((await rows(kpiQueries.impactByPeriod())).map((r) => r.label).slice(0, 4)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    expect((await rows(kpiQueries.impactByTeam())).length).toBe(4);
    expect((await rows(kpiQueries.clutchLeaders(3))).length).toBeLessThanOrEqual(3);
  });
});
