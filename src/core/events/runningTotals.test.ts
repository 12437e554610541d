import { describe, expect, it } from 'vitest';
import { actionFingerprint, type GameAction } from './gameAction.ts';
import { GameRows } from './gameRows.ts';
import { ImpactScorer } from './impactScorer.ts';
import { RunningTotals } from './runningTotals.ts';
import { TextIds } from './textIds.ts';

const act = (actionNumber: number, change: Partial<GameAction>): GameAction => ({
  gameId: 'g1', actionNumber, orderNumber: actionNumber, period: 1, clockSeconds: 600, timeActualMs: actionNumber * 1000,
  editedMs: 0, actionType: '2pt', subType: '', qualifiers: '', teamId: 10, teamTricode: 'AAA', personId: 101,
  playerName: 'A. One', assistPersonId: 0, stealPersonId: 0, blockPersonId: 0, shotResult: 'Made', scoreHome: 0,
  scoreAway: 0, ...change,
});

function harness() {
  const ids = new TextIds();
  const scorer = new ImpactScorer();
  const totals = new RunningTotals(ids);
  const games = new Map<string, GameRows>();
  const rowOf = (action: GameAction): [GameRows, number] => {
    const rows = games.get(action.gameId) ?? games.set(action.gameId, new GameRows(action.gameId)).get(action.gameId)!;
    return [rows, rows.appendAction(action, actionFingerprint(action), ids)];
  };
  return {
    ids, totals,
    /** A released action: scored with its game's momentum, added. */
    add(action: GameAction): void {
      const [rows, row] = rowOf(action);
      totals.add(rows, row, scorer.weight(rows, row), scorer.score(rows, row));
    },
    /** A new version of an applied action. */
    correct(action: GameAction, previous: GameAction): void {
      const [rows, previousRow] = rowOf(previous);
      const [, row] = rowOf(action);
      totals.correct(rows, row, scorer.weight(rows, row), previousRow, scorer.weight(rows, previousRow));
    },
    rowOf,
  };
}

describe('RunningTotals', () => {
  it('replaces the credits of a corrected action instead of adding them twice', () => {
    const h = harness();
    h.add(act(1, { assistPersonId: 102 }));
    h.add(act(2, { actionType: 'rebound', subType: 'defensive', shotResult: '', personId: 102, playerName: 'B. Two' }));
    // shooter 2 + 0.4 − 0.7 = 1.7; assist 0.7 and defensive rebound 0.3 for 102
    expect(h.totals.leaderboard({ by: 'gameScore' }).map((r) => [r.personId, Number(r.gameScore.toFixed(10))])).toEqual([[101, 1.7], [102, 1]]);
    // the assist was wrong: it went to nobody
    h.correct(act(1, { editedMs: 5 }), act(1, { assistPersonId: 102 }));
    const [rows, row] = h.rowOf(act(1, { editedMs: 6 }));
    expect(() => h.totals.add(rows, row, 1, 1)).toThrow('action g1#1 is already applied: a correction needs the version it replaces');
    const [, unknown] = h.rowOf(act(9, {}));
    expect(() => h.totals.correct(rows, unknown, 1, unknown, 1)).toThrow('action g1#9 is not applied: nothing to correct');
    const board = h.totals.leaderboard({ by: 'gameScore' });
    expect(board.map((r) => [r.playerName, Number(r.gameScore.toFixed(10)), r.stats.ast])).toEqual([['A. One', 1.7, 0], ['B. Two', 0.3, 0]]);
    expect(h.totals.correctedCount).toBe(1);
    expect(h.totals.appliedCount).toBe(2);
  });

  it('adds a player over games on the overall board and keeps games apart on a game board', () => {
    const h = harness();
    h.add(act(1, {}));
    h.add(act(1, { gameId: 'g2', actionType: '3pt' }));
    expect(h.totals.leaderboard({ by: 'gameScore' })[0]).toMatchObject({ gameId: '', games: 2, stats: { pts: 5, fgm: 2, fga: 2 } });
    expect(h.totals.leaderboard({ by: 'gameScore', gameId: 'g2' })[0].stats.pts).toBe(3);
    const restored = RunningTotals.fromState(structuredClone(h.totals.toState()), h.ids);
    expect(restored.scoreMap('gameScore')).toEqual(h.totals.scoreMap('gameScore'));
    expect(() => h.totals.leaderboard({ by: 'impact', limit: 0 })).toThrow('invalid limit: 0');
  });

  it('credits players only: not a team rebound (personId 0) nor the team itself, and keeps the latest spelling of a name', () => {
    const h = harness();
    h.add(act(1, { actionType: 'rebound', subType: 'offensive', shotResult: '', personId: 0, playerName: '' }));
    h.add(act(2, { actionType: 'turnover', shotResult: '', personId: 10, playerName: '' }));
    h.add(act(3, { actionType: 'steal', shotResult: '', playerName: 'A. Onе' }));
    h.add(act(4, { actionType: 'substitution', shotResult: '', playerName: 'A. One' }));
    expect(h.totals.playerGames().map((p) => [p.personId, p.stats.stl, p.playerName])).toEqual([[101, 1, 'A. One']]);
  });
});
