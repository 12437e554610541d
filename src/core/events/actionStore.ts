/**
 * Exactly-once for game actions, keyed by (gameId, actionNumber).
 * - the same version again (same `edited`, same content) is a duplicate: counted, dropped;
 * - a later `edited` is a correction: it replaces the held version, and `previousRow` is
 *   the replaced version, whose credits the totals take away;
 * - an earlier `edited` arriving after a later one is stale: counted, dropped; so is a
 *   different content under the same `edited` (a conflict: the first one stays).
 * Sequence checks per game: orderNumber below the game's highest so far (out of order),
 * an orderNumber already used by another action (duplicate order), and gaps — counted on
 * actionNumber, the feed's dense counter (orderNumber is sparse by design: ×10000 with
 * inserted actions between), as the numbers below the highest seen that never arrived.
 *
 * Hot path: the versions themselves are rows of the game's GameRows; the store keeps, per
 * game, the row of each action's latest version (numbers only), and judges a version from
 * the numbers of its parsed row (the fingerprint came from the worker) before anything is
 * appended, so a duplicate costs two lookups and no row.
 */
import { Num } from './actionBatchCodec.ts';
import type { GameRows } from './gameRows.ts';

export type StoreVerdict = 'new' | 'correction' | 'duplicate' | 'stale';

export interface StoreCounters {
  accepted: number;
  duplicates: number;
  corrections: number;
  stale: number;
  conflicts: number;
  outOfOrder: number;
  duplicateOrder: number;
}

interface GameVersions {
  /** The row of each action's latest version, by actionNumber. */
  latest: Map<number, number>;
  /** actionNumber by orderNumber, to tell a reused orderNumber. */
  orders: Map<number, number>;
  maxOrderNumber: number;
  maxActionNumber: number;
  distinctActions: number;
}

/** A game's sequence state in a checkpoint (its held versions travel as the game's rows). */
export interface GameSequenceState {
  maxOrderNumber: number;
  maxActionNumber: number;
  distinctActions: number;
  /** [orderNumber, actionNumber] pairs, as columns. */
  orders: Float64Array;
}

export interface ActionStoreState {
  sequences: [string, GameSequenceState][];
  counters: StoreCounters;
  closedGaps: number;
}

function zeroCounters(): StoreCounters {
  return { accepted: 0, duplicates: 0, corrections: 0, stale: 0, conflicts: 0, outOfOrder: 0, duplicateOrder: 0 };
}

export class ActionStore {
  #games = new Map<string, GameVersions>();
  #counters = zeroCounters();
  #closedGaps = 0;
  /** After a 'correction': the row of the version it replaces. */
  previousRow = -1;

  #game(gameId: string): GameVersions {
    let game = this.#games.get(gameId);
    if (game === undefined) {
      game = { latest: new Map(), orders: new Map(), maxOrderNumber: -1, maxActionNumber: 0, distinctActions: 0 };
      this.#games.set(gameId, game);
    }
    return game;
  }

  /**
   * What becomes of a version of `actionNumber` in the game whose rows are `rows`. On 'new'
   * and 'correction' the caller appends the version to `rows` and hands its row to `hold`.
   */
  offer(rows: GameRows, actionNumber: number, orderNumber: number, editedMs: number, fingerprint: number): StoreVerdict {
    const game = this.#game(rows.gameId);
    const held = game.latest.get(actionNumber);
    if (held === undefined) {
      this.#checkSequence(game, actionNumber, orderNumber);
      this.#counters.accepted += 1;
      return 'new';
    }
    const heldEdited = rows.num(held, Num.editedMs);
    if (editedMs === heldEdited) {
      if (fingerprint === rows.num(held, Num.fingerprint)) {
        this.#counters.duplicates += 1;
        return 'duplicate';
      }
      this.#counters.stale += 1;
      this.#counters.conflicts += 1;
      return 'stale';
    }
    if (editedMs < heldEdited) {
      this.#counters.stale += 1;
      return 'stale';
    }
    this.#counters.corrections += 1;
    this.previousRow = held;
    return 'correction';
  }

  /** The row of an accepted version (after 'new' or 'correction'). */
  hold(gameId: string, actionNumber: number, row: number): void {
    this.#game(gameId).latest.set(actionNumber, row);
  }

  /** The row of the version currently held for this action, or −1. */
  latestRow(gameId: string, actionNumber: number): number {
    return this.#games.get(gameId)?.latest.get(actionNumber) ?? -1;
  }

  /** The rows of every held latest version of a game, in the order they arrived. */
  latestRows(gameId: string): number[] {
    return [...(this.#games.get(gameId)?.latest.values() ?? [])].sort((a, b) => a - b);
  }

  get counters(): StoreCounters {
    return { ...this.#counters };
  }

  /** actionNumbers below each game's highest that never arrived (voided or still missing), closed games included. */
  get gaps(): number {
    let gaps = this.#closedGaps;
    for (const game of this.#games.values()) gaps += ActionStore.#gapsOf(game);
    return gaps;
  }

  static #gapsOf(game: GameVersions): number {
    return Math.max(0, game.maxActionNumber - game.distinctActions);
  }

  /** Lets a closed game go: nothing of it is held after. */
  closeGame(gameId: string): void {
    const game = this.#games.get(gameId);
    if (game === undefined) return;
    this.#closedGaps += ActionStore.#gapsOf(game);
    this.#games.delete(gameId);
  }

  /** Actions held in open games. */
  get heldActions(): number {
    let held = 0;
    for (const game of this.#games.values()) held += game.latest.size;
    return held;
  }

  #checkSequence(game: GameVersions, actionNumber: number, orderNumber: number): void {
    if (orderNumber < game.maxOrderNumber) this.#counters.outOfOrder += 1;
    const owner = game.orders.get(orderNumber);
    if (owner !== undefined && owner !== actionNumber) this.#counters.duplicateOrder += 1;
    game.orders.set(orderNumber, actionNumber);
    if (orderNumber > game.maxOrderNumber) game.maxOrderNumber = orderNumber;
    if (actionNumber > game.maxActionNumber) game.maxActionNumber = actionNumber;
    game.distinctActions += 1;
  }

  /** The sequence state and counters; the held versions are the games' rows, which the caller saves. */
  toState(): ActionStoreState {
    const sequences: [string, GameSequenceState][] = [];
    for (const [gameId, game] of this.#games) {
      const orders = new Float64Array(game.orders.size * 2);
      let at = 0;
      for (const [order, actionNumber] of game.orders) {
        orders[at++] = order;
        orders[at++] = actionNumber;
      }
      sequences.push([gameId, { maxOrderNumber: game.maxOrderNumber, maxActionNumber: game.maxActionNumber, distinctActions: game.distinctActions, orders }]);
    }
    return { sequences, counters: { ...this.#counters }, closedGaps: this.#closedGaps };
  }

  /** `games`: each open game's rows as saved (row = one latest version). */
  static fromState(state: ActionStoreState, games: readonly GameRows[]): ActionStore {
    const store = new ActionStore();
    for (const rows of games) {
      const game = store.#game(rows.gameId);
      for (let row = 0; row < rows.count; row++) game.latest.set(rows.num(row, Num.actionNumber), row);
    }
    for (const [gameId, s] of state.sequences) {
      const game = store.#game(gameId);
      game.maxOrderNumber = s.maxOrderNumber;
      game.maxActionNumber = s.maxActionNumber;
      game.distinctActions = s.distinctActions;
      for (let at = 0; at + 1 < s.orders.length; at += 2) game.orders.set(s.orders[at], s.orders[at + 1]);
    }
    store.#counters = { ...zeroCounters(), ...state.counters };
    store.#closedGaps = state.closedGaps;
    return store;
  }
}
