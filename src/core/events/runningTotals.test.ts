import { describe, expect, it } from 'vitest';
import type { GameAction } from './gameAction.ts';
import { ImpactScorer } from './impactScorer.ts';
import { RunningTotals } from './runningTotals.ts';

const act = (actionNumber: number, change: Partial<GameAction>): GameAction => ({
  gameId: 'g1', actionNumber, orderNumber: actionNumber, period: 1, clockSeconds: 600, timeActualMs: actionNumber * 1000,
  editedMs: 0, actionType: '2pt', subType: '', qualifiers: '', teamId: 10, teamTricode: 'AAA', personId: 101,
  playerName: 'A. One', assistPersonId: 0, stealPersonId: 0, blockPersonId: 0, shotResult: 'Made', scoreHome: 0,
  scoreAway: 0, ...change,
});

describe('RunningTotals', () => {
  it('replaces the credits of a corrected action instead of adding them twice', () => {
    const scorer = new ImpactScorer();
    const totals = new RunningTotals();
    totals.apply(scorer.score(act(1, { assistPersonId: 102 })));
    totals.apply(scorer.score(act(2, { actionType: 'rebound', subType: 'defensive', shotResult: '', personId: 102, playerName: 'B. Two' })));
    // shooter 2 + 0.4 − 0.7 = 1.7; assist 0.7 and defensive rebound 0.3 for 102
    expect(totals.leaderboard({ by: 'gameScore' }).map((r) => [r.personId, Number(r.gameScore.toFixed(10))])).toEqual([[101, 1.7], [102, 1]]);
    // the assist was wrong: it went to nobody
    const factor = totals.appliedMomentumFactor('g1', 1) ?? NaN;
    expect(totals.apply(scorer.rescore(act(1, { editedMs: 5 }), factor), scorer.rescore(act(1, { assistPersonId: 102 }), factor))).toBe('corrected');
    expect(() => totals.apply(scorer.rescore(act(1, { editedMs: 6 }), factor))).toThrow('action g1#1 is already applied: a correction needs the version it replaces');
    const board = totals.leaderboard({ by: 'gameScore' });
    expect(board.map((r) => [r.playerName, Number(r.gameScore.toFixed(10)), r.stats.ast])).toEqual([['A. One', 1.7, 0], ['B. Two', 0.3, 0]]);
    expect(totals.correctedCount).toBe(1);
  });

  it('adds a player over games on the overall board and keeps games apart on a game board', () => {
    const scorer = new ImpactScorer();
    const totals = new RunningTotals();
    totals.apply(scorer.score(act(1, {})));
    totals.apply(scorer.score(act(1, { gameId: 'g2', actionType: '3pt' })));
    expect(totals.leaderboard({ by: 'gameScore' })[0]).toMatchObject({ gameId: '', games: 2, stats: { pts: 5, fgm: 2, fga: 2 } });
    expect(totals.leaderboard({ by: 'gameScore', gameId: 'g2' })[0].stats.pts).toBe(3);
    const restored = RunningTotals.fromState(structuredClone(totals.toState()));
    expect(restored.scoreMap('gameScore')).toEqual(totals.scoreMap('gameScore'));
    expect(() => totals.leaderboard({ by: 'impact', limit: 0 })).toThrow('invalid limit: 0');
  });
});
