import { describe, expect, it } from 'vitest';
import { actionFingerprint, type GameAction } from './gameAction.ts';
import { StreamPipeline } from './streamPipeline.ts';

const act = (actionNumber: number, seconds: number, change: Partial<GameAction> = {}): GameAction => ({
  gameId: 'g1', actionNumber, orderNumber: actionNumber * 10, period: 1, clockSeconds: 600 - seconds, timeActualMs: seconds * 1000,
  editedMs: seconds * 1000, actionType: 'rebound', subType: 'defensive', qualifiers: '', teamId: 10, teamTricode: 'AAA',
  personId: 101, playerName: 'A. One', assistPersonId: 0, stealPersonId: 0, blockPersonId: 0, shotResult: '',
  scoreHome: 0, scoreAway: 0, ...change,
});

describe('StreamPipeline', () => {
  it('keeps the late side output in its checkpoint, so a resumed stream lists it and counts nothing twice', () => {
    const pipeline = new StreamPipeline({ allowedLatenessSeconds: 5, idleTimeoutMs: 3_600_000 });
    // 1 at 0 s and 2 at 10 s: the watermark (10 − 5) releases 1; then 3 at 20 s releases 2.
    for (const action of [act(1, 0), act(2, 10), act(3, 20)]) pipeline.pushAction(action, 0);
    // 4 happened at 1 s, before the released 2 (10 s): late, still credited.
    pipeline.pushAction(act(4, 1, { personId: 102, playerName: 'B. Two' }), 0);
    expect(pipeline.late.kept.map((a) => a.actionNumber)).toEqual([4]);
    const resumed = new StreamPipeline({ allowedLatenessSeconds: 5, idleTimeoutMs: 3_600_000 }, structuredClone(pipeline.toCheckpoint()));
    expect(resumed.late.kept.map((a) => [a.actionNumber, a.personId])).toEqual([[4, 102]]);
    // The same late line read again after the resume is a duplicate, not a second late entry.
    resumed.pushAction(act(4, 1, { personId: 102, playerName: 'B. Two' }), 0);
    resumed.finish();
    expect(resumed.late.count).toBe(1);
    expect(resumed.counters()).toMatchObject({ late: 1, duplicates: 1, scored: 4 });
    // Four defensive rebounds: 0.3 each, three for A. One and one for B. Two.
    expect(resumed.totals.leaderboard({ by: 'gameScore' }).map((r) => [r.personId, r.stats.drb])).toEqual([[101, 3], [102, 1]]);
  });

  it('closes an ended game once the stream has moved a window past it: its totals stay, its state goes, a later action is not counted', () => {
    const hour = 3_600_000;
    const pipeline = new StreamPipeline({ allowedLatenessSeconds: 5, idleTimeoutMs: 3_600_000, lifecycle: { correctionWindowMs: hour, abandonWindowMs: 2 * hour } });
    const game = (gameId: string, n: number, ms: number, change: Partial<GameAction> = {}): GameAction => ({ ...act(n, 0, change), gameId, timeActualMs: ms, editedMs: ms });
    pipeline.pushAction(game('a', 1, 0), 0);
    pipeline.pushAction(game('a', 2, 1000, { actionType: 'game', subType: 'end', personId: 0 }), 0);
    // Two other games move on; the stream's clock is the second latest of them.
    for (const [n, ms] of [[1, 0.5 * hour], [2, 0.9 * hour]] as const) {
      pipeline.pushAction(game('b', n, ms), 0);
      pipeline.pushAction(game('c', n, ms), 0);
      expect(pipeline.closeDueGames()).toEqual([]);
    }
    pipeline.pushAction(game('b', 3, 1.2 * hour), 0);
    pipeline.pushAction(game('c', 3, 1.2 * hour), 0);
    const [closed, ...more] = pipeline.closeDueGames();
    expect(more).toEqual([]);
    expect(closed.gameId).toBe('a');
    expect(closed.players.map((p) => [p.personId, p.stats.drb])).toEqual([[101, 1]]);
    expect(closed.actions.count).toBe(2);
    expect(pipeline.counters()).toMatchObject({ openGames: 2, closedGames: 1, scored: 6, pending: 2 });
    // Nothing of game a is held any more, and a resend of its action is listed, not counted.
    expect(pipeline.latest('a', 1)).toBeUndefined();
    expect(pipeline.pushAction(game('a', 1, 0), 0)).toBe('after-close');
    expect(pipeline.counters()).toMatchObject({ afterClose: 1, duplicates: 0 });
    const board = pipeline.totals.leaderboard({ by: 'gameScore' });
    expect(board[0]).toMatchObject({ personId: 101, games: 3 });
    expect(board[0].stats.drb).toBe(1 + 2 + 2);
    // The checkpoint holds the open games only; the archived game is restored beside it.
    const resumed = new StreamPipeline({ allowedLatenessSeconds: 5, idleTimeoutMs: 3_600_000 }, structuredClone(pipeline.toCheckpoint()));
    expect(resumed.totals.playerGames().map((p) => p.gameId).sort()).toEqual(['b', 'c']);
    resumed.restoreClosed([closed]);
    expect(resumed.totals.playerGames().map((p) => p.gameId).sort()).toEqual(['a', 'b', 'c']);
    expect(resumed.pushAction(game('a', 2, 1000), 0)).toBe('after-close');
  });

  it('never closes a game that is still sending actions, however old its times (games sent one after another)', () => {
    const hour = 3_600_000;
    const pipeline = new StreamPipeline({ allowedLatenessSeconds: 5, idleTimeoutMs: 3_600_000, lifecycle: { correctionWindowMs: hour, abandonWindowMs: hour } });
    const game = (gameId: string, n: number, ms: number): GameAction => ({ ...act(n, 0), gameId, timeActualMs: ms, editedMs: ms });
    for (let n = 1; n <= 10; n++) {
      pipeline.pushAction(game('late-day', n, 10 * hour + n), 0);
      pipeline.pushAction(game('later-day', n, 20 * hour + n), 0);
    }
    pipeline.closeDueGames();
    // A game of an earlier day arrives now: hours behind the clock, but active.
    for (let n = 1; n <= 5; n++) {
      pipeline.pushAction(game('early-day', n, n * 60_000), 0);
      expect(pipeline.closeDueGames()).not.toContain('early-day');
    }
    expect(pipeline.isClosed('early-day')).toBe(false);
  });

  it('takes the fingerprint the worker sent: a different one under the same edited is a conflict', () => {
    const pipeline = new StreamPipeline({ allowedLatenessSeconds: 0, idleTimeoutMs: 1000 });
    pipeline.pushAction(act(1, 0), 0, actionFingerprint(act(1, 0)));
    pipeline.pushAction(act(1, 0), 0, actionFingerprint(act(1, 0)));
    pipeline.pushAction(act(1, 0), 0, 12345);
    expect(pipeline.counters()).toMatchObject({ accepted: 1, duplicates: 1, conflicts: 1 });
  });
});
