import { describe, expect, it } from 'vitest';
import { actionFingerprint, type GameAction } from './gameAction.ts';
import { GameRows } from './gameRows.ts';
import { Reorderer, type ReleasedRows } from './reorderer.ts';
import { TextIds } from './textIds.ts';

const act = (actionNumber: number, seconds: number, change: Partial<GameAction> = {}): GameAction => ({
  gameId: 'g', actionNumber, orderNumber: actionNumber * 10, period: 1, clockSeconds: 600, timeActualMs: seconds * 1000,
  editedMs: 0, actionType: 'rebound', subType: 'defensive', qualifiers: '', teamId: 10, teamTricode: '', personId: 101,
  playerName: '', assistPersonId: 0, stealPersonId: 0, blockPersonId: 0, shotResult: '', scoreHome: 0, scoreAway: 0, ...change,
});

/** Games' rows, and the reorderer pushed actions as the pipeline pushes them (appended rows). */
function harness(options = { allowedLatenessSeconds: 5, idleTimeoutMs: 60_000 }) {
  const ids = new TextIds();
  const games = new Map<string, GameRows>();
  const rowsOf = (gameId: string): GameRows => games.get(gameId) ?? games.set(gameId, new GameRows(gameId)).get(gameId)!;
  const numbers = (rows: GameRows, released: readonly number[]): number[] => released.map((row) => rows.action(row, ids).actionNumber);
  const all = (out: ReleasedRows[]): number[] => out.flatMap(({ rows, released }) => numbers(rows, released));
  let reorderer = new Reorderer(options);
  return {
    get reorderer() {
      return reorderer;
    },
    set reorderer(next: Reorderer) {
      reorderer = next;
    },
    ids, games, rowsOf, all,
    /** Pushes an action: [released actionNumbers, late]. */
    push(gameId: string, action: GameAction, nowMs = 0): [number[], boolean] {
      const rows = rowsOf(gameId);
      const row = rows.appendAction({ ...action, gameId }, actionFingerprint(action), ids);
      const late = reorderer.push(rows, row, nowMs);
      return [numbers(rows, reorderer.released.slice(0, reorderer.releasedCount)), late];
    },
    personOf: (out: ReleasedRows[]): number[] => out.flatMap(({ rows, released }) => released.map((row) => rows.action(row, ids).personId)),
  };
}

describe('Reorderer', () => {
  it('releases in event-time order once the watermark (max − lateness) has passed', () => {
    const h = harness();
    expect(h.push('g', act(1, 10))).toEqual([[], false]);
    expect(h.push('g', act(3, 12))).toEqual([[], false]);
    expect(h.push('g', act(2, 11))).toEqual([[], false]); // 1 s late: put in place
    expect(h.reorderer.watermark('g')).toBe(7000);
    // max 16 → watermark 11 s: releases the action at 10 s only (strictly before)
    expect(h.push('g', act(4, 16))).toEqual([[1], false]);
    expect(h.push('g', act(5, 20))).toEqual([[2, 3], false]);
    expect(h.all(h.reorderer.flushAll())).toEqual([4, 5]);
  });

  it('sends an action that can no longer be put in order to the late side output', () => {
    const h = harness({ allowedLatenessSeconds: 2, idleTimeoutMs: 60_000 });
    h.push('g', act(1, 10));
    expect(h.push('g', act(2, 20))).toEqual([[1], false]);
    expect(h.push('g', act(3, 9))).toEqual([[], true]);
    expect(h.reorderer.lateCount).toBe(1);
    // 15 s is after the last released (10 s), so it still finds its place (and, below the
    // watermark of 18 s, leaves at once)
    expect(h.push('g', act(4, 15))).toEqual([[4], false]);
    expect(h.all(h.reorderer.flushAll())).toEqual([2]);
  });

  it('keeps a watermark per game, and flushes a game idle for longer than the timeout', () => {
    const h = harness({ allowedLatenessSeconds: 5, idleTimeoutMs: 1000 });
    h.push('quiet', act(1, 100), 0);
    h.push('busy', act(1, 0), 0);
    // the busy game's own clock releases it; the quiet game's later event time does not matter
    expect(h.push('busy', act(2, 6), 500)).toEqual([[1], false]);
    expect(h.all(h.reorderer.tick(900))).toEqual([]);
    expect(h.reorderer.tick(1000).map(({ rows }) => rows.gameId)).toEqual(['quiet']);
    expect(h.all(h.reorderer.tick(1500))).toEqual([2]);
  });

  it('replaces a buffered action by its new version, and restores from a JSON checkpoint', () => {
    const h = harness();
    h.push('g', act(1, 10, { personId: 101 }));
    h.push('g', act(1, 10, { personId: 102 }));
    expect(h.reorderer.pendingCount).toBe(1);
    // The buffer is saved by actionNumber; the rows are the game's (here: the latest version is row 1).
    const restored = Reorderer.fromState(JSON.parse(JSON.stringify(h.reorderer.toState())), h.rowsOf, () => 1);
    expect(h.personOf(restored.flushAll())).toEqual([102]);
    expect(() => new Reorderer({ allowedLatenessSeconds: -3, idleTimeoutMs: 1 })).toThrow('invalid allowedLatenessSeconds: -3');
  });

  it('keeps its order over many releases while the buffer is let go of piece by piece', () => {
    const h = harness({ allowedLatenessSeconds: 30, idleTimeoutMs: 60_000 });
    const released: number[] = [];
    // 500 actions, each 1 s apart, arriving in pairs swapped: every release is in order.
    for (let n = 1; n <= 500; n += 2) {
      released.push(...h.push('g', act(n + 1, n + 1))[0]);
      released.push(...h.push('g', act(n, n))[0]);
    }
    released.push(...h.all(h.reorderer.flushAll()));
    expect(released).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
  });
});
