import { describe, expect, it } from 'vitest';
import type { GameAction } from './gameAction.ts';
import { Reorderer } from './reorderer.ts';

const act = (gameId: string, actionNumber: number, seconds: number, change: Partial<GameAction> = {}): GameAction => ({
  gameId, actionNumber, orderNumber: actionNumber * 10, period: 1, clockSeconds: 600, timeActualMs: seconds * 1000,
  editedMs: 0, actionType: 'rebound', subType: 'defensive', qualifiers: '', teamId: 10, teamTricode: '', personId: 101,
  playerName: '', assistPersonId: 0, stealPersonId: 0, blockPersonId: 0, shotResult: '', scoreHome: 0, scoreAway: 0, ...change,
});
const numbers = (actions: GameAction[]): number[] => actions.map((a) => a.actionNumber);

describe('Reorderer', () => {
  it('releases in event-time order once the watermark (max − lateness) has passed', () => {
    const reorderer = new Reorderer({ allowedLatenessSeconds: 5, idleTimeoutMs: 60_000 });
    expect(numbers(reorderer.push(act('g', 1, 10), 0).released)).toEqual([]);
    expect(numbers(reorderer.push(act('g', 3, 12), 0).released)).toEqual([]);
    expect(numbers(reorderer.push(act('g', 2, 11), 0).released)).toEqual([]); // 1 s late: put in place
    expect(reorderer.watermark('g')).toBe(7000);
    // max 16 → watermark 11 s: releases the action at 10 s only (strictly before)
    expect(numbers(reorderer.push(act('g', 4, 16), 0).released)).toEqual([1]);
    expect(numbers(reorderer.push(act('g', 5, 20), 0).released)).toEqual([2, 3]);
    expect(numbers(reorderer.flushAll())).toEqual([4, 5]);
  });

  it('sends an action that can no longer be put in order to the late side output', () => {
    const reorderer = new Reorderer({ allowedLatenessSeconds: 2, idleTimeoutMs: 60_000 });
    reorderer.push(act('g', 1, 10), 0);
    expect(numbers(reorderer.push(act('g', 2, 20), 0).released)).toEqual([1]);
    const out = reorderer.push(act('g', 3, 9), 0);
    expect([numbers(out.released), numbers(out.late), reorderer.lateCount]).toEqual([[], [3], 1]);
    // 15 s is after the last released (10 s), so it still finds its place (and, below the
    // watermark of 18 s, leaves at once)
    const placed = reorderer.push(act('g', 4, 15), 0);
    expect([numbers(placed.released), numbers(placed.late)]).toEqual([[4], []]);
    expect(numbers(reorderer.flushAll())).toEqual([2]);
  });

  it('keeps a watermark per game, and flushes a game idle for longer than the timeout', () => {
    const reorderer = new Reorderer({ allowedLatenessSeconds: 5, idleTimeoutMs: 1000 });
    reorderer.push(act('quiet', 1, 100), 0);
    reorderer.push(act('busy', 1, 0), 0);
    // the busy game's own clock releases it; the quiet game's later event time does not matter
    expect(numbers(reorderer.push(act('busy', 2, 6), 500).released)).toEqual([1]);
    expect(numbers(reorderer.tick(900))).toEqual([]);
    expect(reorderer.tick(1000).map((a) => a.gameId)).toEqual(['quiet']);
    expect(numbers(reorderer.tick(1500))).toEqual([2]);
  });

  it('replaces a buffered action by its new version, and restores from a JSON checkpoint', () => {
    const reorderer = new Reorderer({ allowedLatenessSeconds: 5, idleTimeoutMs: 60_000 });
    reorderer.push(act('g', 1, 10, { personId: 101 }), 0);
    reorderer.push(act('g', 1, 10, { personId: 102 }), 0);
    expect(reorderer.pendingCount).toBe(1);
    const restored = Reorderer.fromState(JSON.parse(JSON.stringify(reorderer.toState())));
    expect(restored.flushAll().map((a) => a.personId)).toEqual([102]);
    expect(() => new Reorderer({ allowedLatenessSeconds: -3, idleTimeoutMs: 1 })).toThrow('invalid allowedLatenessSeconds: -3');
  });
});
