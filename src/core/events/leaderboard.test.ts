import { describe, expect, it } from 'vitest';
import { generateGameLines } from '../generate/games.ts';
import { addStatLines, gameScore } from './gameScore.ts';
import { topRows, type LeaderboardRow } from './leaderboard.ts';
import { parseAction } from './parseAction.ts';
import type { PlayerTotal } from './runningTotals.ts';
import { StreamPipeline } from './streamPipeline.ts';

/** The overall board the slow way: every player-game added up per player, all sorted. */
function naiveBoard(games: readonly PlayerTotal[], by: 'impact' | 'gameScore'): [number, number, number, number][] {
  const rows = new Map<number, { games: number; stats: PlayerTotal['stats']; impact: number }>();
  for (const p of games) {
    const row = rows.get(p.personId);
    if (row === undefined) rows.set(p.personId, { games: 1, stats: { ...p.stats }, impact: p.impact });
    else rows.set(p.personId, { games: row.games + 1, stats: addStatLines(row.stats, p.stats), impact: row.impact + p.impact });
  }
  return [...rows]
    .map(([personId, row]) => [personId, row.games, gameScore(row.stats), row.impact] as [number, number, number, number])
    .sort((a, b) => (by === 'impact' ? b[3] - a[3] : b[2] - a[2]) || a[0] - b[0]);
}

const shape = (rows: LeaderboardRow[]): [number, number, number, number][] => rows.map((r) => [r.personId, r.games, r.gameScore, r.impact]);

describe('leaderboard', () => {
  it('adds closed games kept as sums and open games into the same board as every player-game added up', () => {
    // 12 overlapping games, some closed part way; the generator's players are each game's
    // own, so they are made to play in every game (the same roster places share an id).
    const lines = generateGameLines({ games: 12, seed: 5 });
    const everyGame = (id: number): number => (id === 0 ? 0 : 1_700_000 + (id % 100));
    const pipeline = new StreamPipeline({ allowedLatenessSeconds: 180, idleTimeoutMs: 3000, lifecycle: { correctionWindowMs: 60_000, abandonWindowMs: 120_000 } });
    let closed = 0;
    lines.forEach((line, i) => {
      const parsed = parseAction(line, i + 1);
      if (parsed.ok) pipeline.pushAction({ ...parsed.action, personId: everyGame(parsed.action.personId), assistPersonId: everyGame(parsed.action.assistPersonId) }, 0);
      if (i % 200 === 0) closed += pipeline.closeDueGames().length;
    });
    expect(closed).toBeGreaterThan(3);
    expect(pipeline.counters().openGames).toBeGreaterThan(0);
    const totals = pipeline.totals;
    for (const by of ['impact', 'gameScore'] as const) {
      const want = naiveBoard(totals.playerGames(), by).slice(0, 25);
      const board = totals.leaderboard({ by, limit: 25 });
      expect(shape(board).map(([id, games]) => [id, games])).toEqual(want.map(([id, games]) => [id, games]));
      board.forEach((row, i) => {
        expect(row.gameScore).toBeCloseTo(want[i][2], 9);
        expect(row.impact).toBeCloseTo(want[i][3], 9);
      });
      expect(board.some((row) => row.games > 1)).toBe(true);
    }
    // The board is the caller's: changing it changes nothing kept.
    const first = totals.leaderboard({ by: 'gameScore', limit: 3 });
    first[0].stats.pts += 1000;
    first[0].impact += 1000;
    expect(shape(totals.leaderboard({ by: 'gameScore', limit: 3 }))).toEqual(naiveBoard(totals.playerGames(), 'gameScore').slice(0, 3).map((r) => [r[0], r[1], expect.closeTo(r[2], 9), expect.closeTo(r[3], 9)]));
  });

  it('keeps the best N in order, ties by player id', () => {
    const row = (personId: number, impact: number): LeaderboardRow => ({ gameId: '', personId, teamId: 1, playerName: '', games: 1, stats: { pts: 0, fgm: 0, fga: 0, ftm: 0, fta: 0, orb: 0, drb: 0, ast: 0, stl: 0, blk: 0, pf: 0, tov: 0 }, gameScore: 0, impact });
    const rows = [row(5, 1), row(3, 7), row(9, 7), row(1, -2), row(4, 3), row(2, 7)];
    expect(topRows(rows, 'impact', 4).map((r) => r.personId)).toEqual([2, 3, 9, 4]);
    expect(topRows(rows, 'impact', 10).map((r) => r.personId)).toEqual([2, 3, 9, 4, 5, 1]);
    expect(() => topRows(rows, 'impact', 0)).toThrow('invalid limit: 0');
  });
});
