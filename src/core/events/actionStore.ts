/**
 * Exactly-once for game actions, keyed by (gameId, actionNumber).
 * - the same version again (same `edited`, same content) is a duplicate: counted, dropped;
 * - a later `edited` is a correction: it replaces the held version, and the outcome carries
 *   the replaced version, whose credits the totals take away;
 * - an earlier `edited` arriving after a later one is stale: counted, dropped; so is a
 *   different content under the same `edited` (a conflict: the first one stays).
 * Sequence checks per game: orderNumber below the game's highest so far (out of order),
 * an orderNumber already used by another action (duplicate order), and gaps — counted on
 * actionNumber, the feed's dense counter (orderNumber is sparse by design: ×10000 with
 * inserted actions between), as the numbers below the highest seen that never arrived.
 *
 * Hot path: one Map lookup per game and one per actionNumber (numbers, no key strings); the
 * fingerprint can come precomputed from the compute worker that parsed the line.
 */
import { decodeActions, encodeActions, type EncodedActions } from './actionBatchCodec.ts';
import { actionFingerprint, type GameAction } from './gameAction.ts';

/** What became of an offered action; the previous version comes with a correction (to take away what it gave). */
export type StoreOutcome =
  | { kind: 'new' }
  | { kind: 'correction'; previous: GameAction }
  | { kind: 'duplicate' }
  | { kind: 'stale'; conflict: boolean };

// One object per kind without a payload: offering an action allocates nothing on the hot path.
const NEW: StoreOutcome = Object.freeze({ kind: 'new' });
const DUPLICATE: StoreOutcome = Object.freeze({ kind: 'duplicate' });
const STALE: StoreOutcome = Object.freeze({ kind: 'stale', conflict: false });
const CONFLICT: StoreOutcome = Object.freeze({ kind: 'stale', conflict: true });

export interface StoreCounters {
  accepted: number;
  duplicates: number;
  corrections: number;
  stale: number;
  conflicts: number;
  outOfOrder: number;
  duplicateOrder: number;
}

interface HeldVersion {
  fingerprint: number;
  action: GameAction;
}

interface GameSequence {
  maxOrderNumber: number;
  maxActionNumber: number;
  /** actionNumber by orderNumber, to tell a reused orderNumber. */
  orders: Record<number, number>;
  distinctActions: number;
}

export interface ActionStoreState {
  /**
   * Every held version of the open games as columns (typed arrays clone as one copy, so a
   * checkpoint stays cheap).
   */
  held: EncodedActions;
  sequences: [string, GameSequence][];
  counters: StoreCounters;
  closedGaps: number;
}

function zeroCounters(): StoreCounters {
  return { accepted: 0, duplicates: 0, corrections: 0, stale: 0, conflicts: 0, outOfOrder: 0, duplicateOrder: 0 };
}

interface GameHeld {
  byAction: Map<number, HeldVersion>;
  sequence: GameSequence;
  orders: Map<number, number>;
}

export class ActionStore {
  #games = new Map<string, GameHeld>();
  #counters = zeroCounters();
  #closedGaps = 0;

  #game(gameId: string): GameHeld {
    let game = this.#games.get(gameId);
    if (game === undefined) {
      game = { byAction: new Map(), sequence: { maxOrderNumber: -1, maxActionNumber: 0, orders: {}, distinctActions: 0 }, orders: new Map() };
      this.#games.set(gameId, game);
    }
    return game;
  }

  /** `fingerprint` is actionFingerprint(action), when the caller has it already. */
  offer(action: GameAction, fingerprint = actionFingerprint(action)): StoreOutcome {
    const game = this.#game(action.gameId);
    const held = game.byAction.get(action.actionNumber);
    if (held === undefined) {
      game.byAction.set(action.actionNumber, { fingerprint, action });
      this.#checkSequence(game, action);
      this.#counters.accepted += 1;
      return NEW;
    }
    if (action.editedMs === held.action.editedMs) {
      if (fingerprint === held.fingerprint) {
        this.#counters.duplicates += 1;
        return DUPLICATE;
      }
      this.#counters.stale += 1;
      this.#counters.conflicts += 1;
      return CONFLICT;
    }
    if (action.editedMs < held.action.editedMs) {
      this.#counters.stale += 1;
      return STALE;
    }
    game.byAction.set(action.actionNumber, { fingerprint, action });
    this.#counters.corrections += 1;
    return { kind: 'correction', previous: held.action };
  }

  /** The version currently held for this action, if any. */
  latest(gameId: string, actionNumber: number): GameAction | undefined {
    return this.#games.get(gameId)?.byAction.get(actionNumber)?.action;
  }

  /** Every held action, latest versions only (what the batch layer should agree with). */
  actions(): GameAction[] {
    const actions: GameAction[] = [];
    for (const game of this.#games.values()) for (const held of game.byAction.values()) actions.push(held.action);
    return actions;
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

  static #gapsOf({ sequence }: GameHeld): number {
    return Math.max(0, sequence.maxActionNumber - sequence.distinctActions);
  }

  /** Lets a closed game go: its latest versions with their fingerprints (for the archive); nothing of it is held after. */
  closeGame(gameId: string): { action: GameAction; fingerprint: number }[] {
    const game = this.#games.get(gameId);
    if (game === undefined) return [];
    this.#closedGaps += ActionStore.#gapsOf(game);
    this.#games.delete(gameId);
    return [...game.byAction.values()];
  }

  /** Actions held in open games. */
  get heldActions(): number {
    let held = 0;
    for (const game of this.#games.values()) held += game.byAction.size;
    return held;
  }

  #checkSequence(game: GameHeld, action: GameAction): void {
    const { sequence } = game;
    if (action.orderNumber < sequence.maxOrderNumber) this.#counters.outOfOrder += 1;
    const owner = game.orders.get(action.orderNumber);
    if (owner !== undefined && owner !== action.actionNumber) this.#counters.duplicateOrder += 1;
    game.orders.set(action.orderNumber, action.actionNumber);
    sequence.maxOrderNumber = Math.max(sequence.maxOrderNumber, action.orderNumber);
    sequence.maxActionNumber = Math.max(sequence.maxActionNumber, action.actionNumber);
    sequence.distinctActions += 1;
  }

  /** A plain, JSON-able copy for a checkpoint. */
  toState(): ActionStoreState {
    const held: { lineNumber: number; action: GameAction }[] = [];
    const fingerprints: number[] = [];
    const sequences: [string, GameSequence][] = [];
    for (const [gameId, game] of this.#games) {
      for (const version of game.byAction.values()) {
        held.push({ lineNumber: 0, action: version.action });
        fingerprints.push(version.fingerprint);
      }
      sequences.push([gameId, { ...game.sequence, orders: Object.fromEntries(game.orders) }]);
    }
    return { held: encodeActions(held, fingerprints), sequences, counters: { ...this.#counters }, closedGaps: this.#closedGaps };
  }

  static fromState(state: ActionStoreState): ActionStore {
    const store = new ActionStore();
    const held = decodeActions(state.held);
    for (const { action, fingerprint } of held) store.#game(action.gameId).byAction.set(action.actionNumber, { fingerprint, action: { ...action } });
    for (const [gameId, s] of state.sequences) {
      const game = store.#game(gameId);
      game.sequence = { ...s, orders: {} };
      for (const [order, actionNumber] of Object.entries(s.orders)) game.orders.set(Number(order), actionNumber);
    }
    store.#counters = { ...zeroCounters(), ...state.counters };
    store.#closedGaps = state.closedGaps;
    return store;
  }
}
