/**
 * Exactly-once for game actions, keyed by (gameId, actionNumber).
 * - the same version again (same `edited`, same content) is a duplicate: counted, dropped;
 * - a later `edited` is a correction: it replaces the held version, and the outcome carries
 *   the replaced version and its Game Score credits, which the totals take away;
 * - an earlier `edited` arriving after a later one is stale: counted, dropped; so is a
 *   different content under the same `edited` (a conflict: the first one stays).
 * Sequence checks per game: orderNumber below the game's highest so far (out of order),
 * an orderNumber already used by another action (duplicate order), and gaps — counted on
 * actionNumber, the feed's dense counter (orderNumber is sparse by design: ×10000 with
 * inserted actions between), as the numbers below the highest seen that never arrived.
 */
import { actionFingerprint, actionKey, type GameAction } from './gameAction.ts';
import { statCredits, type StatCredit } from './gameScore.ts';

export type StoreOutcome =
  | { kind: 'new'; action: GameAction }
  | { kind: 'correction'; action: GameAction; previous: GameAction; previousCredits: StatCredit[] }
  | { kind: 'duplicate'; action: GameAction }
  | { kind: 'stale'; action: GameAction; conflict: boolean };

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
  held: [string, HeldVersion][];
  sequences: [string, GameSequence][];
  counters: StoreCounters;
}

function zeroCounters(): StoreCounters {
  return { accepted: 0, duplicates: 0, corrections: 0, stale: 0, conflicts: 0, outOfOrder: 0, duplicateOrder: 0 };
}

export class ActionStore {
  #held = new Map<string, HeldVersion>();
  #sequences = new Map<string, GameSequence>();
  #counters = zeroCounters();

  offer(action: GameAction): StoreOutcome {
    const key = actionKey(action);
    const fingerprint = actionFingerprint(action);
    const held = this.#held.get(key);
    if (held === undefined) {
      this.#held.set(key, { fingerprint, action });
      this.#checkSequence(action);
      this.#counters.accepted += 1;
      return { kind: 'new', action };
    }
    if (action.editedMs === held.action.editedMs) {
      if (fingerprint === held.fingerprint) {
        this.#counters.duplicates += 1;
        return { kind: 'duplicate', action };
      }
      this.#counters.stale += 1;
      this.#counters.conflicts += 1;
      return { kind: 'stale', action, conflict: true };
    }
    if (action.editedMs < held.action.editedMs) {
      this.#counters.stale += 1;
      return { kind: 'stale', action, conflict: false };
    }
    this.#held.set(key, { fingerprint, action });
    this.#counters.corrections += 1;
    return { kind: 'correction', action, previous: held.action, previousCredits: statCredits(held.action) };
  }

  /** The version currently held for this action, if any. */
  latest(gameId: string, actionNumber: number): GameAction | undefined {
    return this.#held.get(actionKey({ gameId, actionNumber }))?.action;
  }

  /** Every held action, latest versions only (what the batch layer should agree with). */
  actions(): GameAction[] {
    return [...this.#held.values()].map((held) => held.action);
  }

  get counters(): StoreCounters {
    return { ...this.#counters };
  }

  /** actionNumbers below each game's highest that never arrived (voided or still missing). */
  get gaps(): number {
    let gaps = 0;
    for (const sequence of this.#sequences.values()) gaps += Math.max(0, sequence.maxActionNumber - sequence.distinctActions);
    return gaps;
  }

  #checkSequence(action: GameAction): void {
    let sequence = this.#sequences.get(action.gameId);
    if (sequence === undefined) {
      sequence = { maxOrderNumber: -1, maxActionNumber: 0, orders: {}, distinctActions: 0 };
      this.#sequences.set(action.gameId, sequence);
    }
    if (action.orderNumber < sequence.maxOrderNumber) this.#counters.outOfOrder += 1;
    const owner = sequence.orders[action.orderNumber];
    if (owner !== undefined && owner !== action.actionNumber) this.#counters.duplicateOrder += 1;
    sequence.orders[action.orderNumber] = action.actionNumber;
    sequence.maxOrderNumber = Math.max(sequence.maxOrderNumber, action.orderNumber);
    sequence.maxActionNumber = Math.max(sequence.maxActionNumber, action.actionNumber);
    sequence.distinctActions += 1;
  }

  /** A plain, JSON-able copy for a checkpoint. */
  toState(): ActionStoreState {
    return {
      held: [...this.#held].map(([key, held]) => [key, { fingerprint: held.fingerprint, action: { ...held.action } }]),
      sequences: [...this.#sequences].map(([gameId, s]) => [gameId, { ...s, orders: { ...s.orders } }]),
      counters: { ...this.#counters },
    };
  }

  static fromState(state: ActionStoreState): ActionStore {
    const store = new ActionStore();
    for (const [key, held] of state.held) store.#held.set(key, { fingerprint: held.fingerprint, action: { ...held.action } });
    for (const [gameId, s] of state.sequences) store.#sequences.set(gameId, { ...s, orders: { ...s.orders } });
    store.#counters = { ...zeroCounters(), ...state.counters };
    return store;
  }
}
