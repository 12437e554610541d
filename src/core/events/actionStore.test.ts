import { describe, expect, it } from 'vitest';
import { ActionStore } from './actionStore.ts';
import { actionFingerprint, type GameAction } from './gameAction.ts';

const base: GameAction = {
  gameId: 'g1', actionNumber: 1, orderNumber: 10, period: 1, clockSeconds: 600, timeActualMs: 1000, editedMs: 2000,
  actionType: 'rebound', subType: 'defensive', qualifiers: '', teamId: 10, teamTricode: 'AAA', personId: 101, playerName: 'A',
  assistPersonId: 0, stealPersonId: 0, blockPersonId: 0, shotResult: '', scoreHome: 0, scoreAway: 0,
};
const act = (change: Partial<GameAction>): GameAction => ({ ...base, ...change });

describe('ActionStore', () => {
  it('drops a repeat, applies a later version with what to take away, ignores an older one', () => {
    const store = new ActionStore();
    expect(store.offer(act({})).kind).toBe('new');
    expect(store.offer(act({})).kind).toBe('duplicate');
    const correction = store.offer(act({ editedMs: 9000, personId: 102 }));
    expect(correction.kind).toBe('correction');
    if (correction.kind !== 'correction') return;
    expect(correction.previous.personId).toBe(101);
    expect(store.offer(act({ editedMs: 5000, personId: 103 }))).toEqual({ kind: 'stale', conflict: false });
    expect(store.offer(act({ editedMs: 9000, personId: 104 })).kind).toBe('stale');
    expect(store.latest('g1', 1)?.personId).toBe(102);
    expect(store.counters).toMatchObject({ accepted: 1, duplicates: 1, corrections: 1, stale: 2, conflicts: 1 });
  });

  it('counts sequence problems per game: out of order, reused orderNumber, missing actionNumbers', () => {
    const store = new ActionStore();
    store.offer(act({ actionNumber: 1, orderNumber: 10 }));
    store.offer(act({ actionNumber: 4, orderNumber: 40 }));
    store.offer(act({ actionNumber: 2, orderNumber: 20 })); // out of order
    store.offer(act({ actionNumber: 5, orderNumber: 40 })); // reuses 40
    store.offer(act({ gameId: 'g2', actionNumber: 3, orderNumber: 5 })); // other game: not out of order
    // g1 misses 3 (of 1..5), g2 misses 1 and 2
    expect(store.gaps).toBe(3);
    expect(store.counters).toMatchObject({ outOfOrder: 1, duplicateOrder: 1, accepted: 5 });
  });

  it('survives a checkpoint (structured clone, as IndexedDB keeps it): a repeat after restore is still a duplicate', () => {
    const store = new ActionStore();
    store.offer(act({}));
    store.offer(act({ actionNumber: 2, orderNumber: 20 }));
    const restored = ActionStore.fromState(structuredClone(store.toState()));
    expect(restored.offer(act({})).kind).toBe('duplicate');
    expect(restored.offer(act({ actionNumber: 3, orderNumber: 15 })).kind).toBe('new');
    expect(restored.counters).toMatchObject({ accepted: 3, duplicates: 1, outOfOrder: 1 });
  });

  it('takes the fingerprint a worker computed: equal to its own, or telling two contents apart', () => {
    const store = new ActionStore();
    expect(store.offer(act({}), actionFingerprint(act({}))).kind).toBe('new');
    expect(store.offer(act({})).kind).toBe('duplicate');
    // The same version with another fingerprint is another content under the same edited.
    expect(store.offer(act({}), actionFingerprint(act({})) ^ 1)).toMatchObject({ kind: 'stale', conflict: true });
    expect(store.actions().map((a) => a.actionNumber)).toEqual([1]);
  });
});
