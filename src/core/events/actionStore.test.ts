import { describe, expect, it } from 'vitest';
import { ActionStore, type StoreVerdict } from './actionStore.ts';
import { actionFingerprint, type GameAction } from './gameAction.ts';
import { GameRows } from './gameRows.ts';
import { TextIds } from './textIds.ts';

const base: GameAction = {
  gameId: 'g1', actionNumber: 1, orderNumber: 10, period: 1, clockSeconds: 600, timeActualMs: 1000, editedMs: 2000,
  actionType: 'rebound', subType: 'defensive', qualifiers: '', teamId: 10, teamTricode: 'AAA', personId: 101, playerName: 'A',
  assistPersonId: 0, stealPersonId: 0, blockPersonId: 0, shotResult: '', scoreHome: 0, scoreAway: 0,
};
const act = (change: Partial<GameAction>): GameAction => ({ ...base, ...change });

/** A store over games' rows, offered actions as the pipeline offers them (accepted ones appended and held). */
function storeOf(store = new ActionStore(), games = new Map<string, GameRows>()) {
  const ids = new TextIds();
  const rowsOf = (gameId: string): GameRows => games.get(gameId) ?? games.set(gameId, new GameRows(gameId)).get(gameId)!;
  return {
    store,
    games,
    ids,
    offer(action: GameAction, fingerprint = actionFingerprint(action)): { verdict: StoreVerdict; previous?: GameAction } {
      const rows = rowsOf(action.gameId);
      const verdict = store.offer(rows, action.actionNumber, action.orderNumber, action.editedMs, fingerprint);
      if (verdict === 'duplicate' || verdict === 'stale') return { verdict };
      const previous = verdict === 'correction' ? rows.action(store.previousRow, ids) : undefined;
      store.hold(action.gameId, action.actionNumber, rows.appendAction(action, fingerprint, ids));
      return { verdict, previous };
    },
    latest: (gameId: string, actionNumber: number): GameAction | undefined => {
      const row = store.latestRow(gameId, actionNumber);
      return row < 0 ? undefined : games.get(gameId)!.action(row, ids);
    },
  };
}

describe('ActionStore', () => {
  it('drops a repeat, applies a later version with what to take away, ignores an older one', () => {
    const s = storeOf();
    expect(s.offer(act({})).verdict).toBe('new');
    expect(s.offer(act({})).verdict).toBe('duplicate');
    const correction = s.offer(act({ editedMs: 9000, personId: 102 }));
    expect(correction.verdict).toBe('correction');
    expect(correction.previous?.personId).toBe(101);
    expect(s.offer(act({ editedMs: 5000, personId: 103 })).verdict).toBe('stale');
    // the same edited as the held version, another content: a conflict, the first stays
    expect(s.offer(act({ editedMs: 9000, personId: 104 })).verdict).toBe('stale');
    expect(s.latest('g1', 1)?.personId).toBe(102);
    expect(s.store.counters).toMatchObject({ accepted: 1, duplicates: 1, corrections: 1, stale: 2, conflicts: 1 });
  });

  it('counts sequence problems per game: out of order, reused orderNumber, missing actionNumbers', () => {
    const s = storeOf();
    s.offer(act({ actionNumber: 1, orderNumber: 10 }));
    s.offer(act({ actionNumber: 4, orderNumber: 40 }));
    s.offer(act({ actionNumber: 2, orderNumber: 20 })); // out of order
    s.offer(act({ actionNumber: 5, orderNumber: 40 })); // reuses 40
    s.offer(act({ gameId: 'g2', actionNumber: 3, orderNumber: 5 })); // other game: not out of order
    // g1 misses 3 (of 1..5), g2 misses 1 and 2
    expect(s.store.gaps).toBe(3);
    expect(s.store.counters).toMatchObject({ outOfOrder: 1, duplicateOrder: 1, accepted: 5 });
  });

  it('survives a checkpoint (structured clone, as IndexedDB keeps it): a repeat after restore is still a duplicate', () => {
    const s = storeOf();
    s.offer(act({}));
    s.offer(act({ actionNumber: 2, orderNumber: 20 }));
    // The held versions travel as each game's rows (the pipeline encodes them); the store keeps the rest.
    const rows = GameRows.decode('g1', structuredClone(s.games.get('g1')!.encode(s.store.latestRows('g1'), s.ids)), new TextIds());
    const restored = storeOf(ActionStore.fromState(structuredClone(s.store.toState()), [rows]), new Map([['g1', rows]]));
    expect(restored.offer(act({})).verdict).toBe('duplicate');
    expect(restored.offer(act({ actionNumber: 3, orderNumber: 15 })).verdict).toBe('new');
    expect(restored.store.counters).toMatchObject({ accepted: 3, duplicates: 1, outOfOrder: 1 });
  });

  it('takes the fingerprint a worker computed: equal to its own, or telling two contents apart', () => {
    const s = storeOf();
    expect(s.offer(act({}), actionFingerprint(act({}))).verdict).toBe('new');
    expect(s.offer(act({})).verdict).toBe('duplicate');
    // The same version with another fingerprint is another content under the same edited.
    expect(s.offer(act({}), actionFingerprint(act({})) ^ 1).verdict).toBe('stale');
    expect(s.store.counters.conflicts).toBe(1);
    expect(s.store.heldActions).toBe(1);
  });
});
