/**
 * Event-time reordering per game with a watermark.
 *
 * Each game has its own watermark = the latest event time seen in that game − allowed
 * lateness. Buffered actions strictly before the watermark are released in event-time
 * order (timeActualMs, then orderNumber). Per-game watermarks mean a quiet game never
 * holds back a busy one; a game with no arrivals for `idleTimeoutMs` of processing time
 * (half-time, a long review) is flushed by `tick`, so its last actions do not wait for
 * the next one.
 *
 * An action that would have to go before one already released cannot be put in order any
 * more: it goes to the `late` side output (the caller still scores it, so totals are
 * corrected). With strict release, an action is never late when it arrives within the
 * allowed lateness of its game's latest event time.
 *
 * A new version of an action still in the buffer replaces it there (so it is scored once).
 */
import type { GameAction } from './gameAction.ts';

export interface ReordererOptions {
  allowedLatenessSeconds: number;
  idleTimeoutMs: number;
}

export interface ReorderOutput {
  released: GameAction[];
  late: GameAction[];
}

interface GameBuffer {
  pending: GameAction[];
  maxEventMs: number;
  lastReleasedMs: number;
  lastReleasedOrder: number;
  lastArrivalMs: number;
}

export interface ReordererState {
  options: ReordererOptions;
  games: [string, GameBuffer][];
  lateCount: number;
}

// Most pushes release nothing: one shared answer for them, nothing allocated.
const NONE_RELEASED: readonly GameAction[] = Object.freeze([]);
const NOTHING: ReorderOutput = Object.freeze({ released: NONE_RELEASED as GameAction[], late: NONE_RELEASED as GameAction[] });

/** "Nothing yet": finite, so a checkpoint survives JSON (which turns −Infinity into null). */
const NONE = -Number.MAX_VALUE;

function eventOrder(a: GameAction, b: GameAction): number {
  return a.timeActualMs - b.timeActualMs || a.orderNumber - b.orderNumber;
}

function checkOptions(options: ReordererOptions): ReordererOptions {
  if (!Number.isFinite(options.allowedLatenessSeconds) || options.allowedLatenessSeconds < 0) {
    throw new Error(`invalid allowedLatenessSeconds: ${options.allowedLatenessSeconds}`);
  }
  if (!(options.idleTimeoutMs > 0)) throw new Error(`invalid idleTimeoutMs: ${options.idleTimeoutMs}`);
  return { allowedLatenessSeconds: options.allowedLatenessSeconds, idleTimeoutMs: options.idleTimeoutMs };
}

export class Reorderer {
  #options: ReordererOptions;
  #games = new Map<string, GameBuffer>();
  #lateCount = 0;

  constructor(options: ReordererOptions) {
    this.#options = checkOptions(options);
  }

  get options(): ReordererOptions {
    return { ...this.#options };
  }

  /** Changing the lateness while running applies from the next push. */
  setOptions(change: Partial<ReordererOptions>): void {
    this.#options = checkOptions({ ...this.#options, ...change });
  }

  get lateCount(): number {
    return this.#lateCount;
  }

  get pendingCount(): number {
    let count = 0;
    for (const game of this.#games.values()) count += game.pending.length;
    return count;
  }

  /** −Infinity before the game's first action. */
  watermark(gameId: string): number {
    const game = this.#games.get(gameId);
    return game === undefined ? -Infinity : game.maxEventMs - this.#options.allowedLatenessSeconds * 1000;
  }

  /** `mayReplace`: the action is a new version of one that may still be buffered (a correction). */
  push(action: GameAction, nowMs: number, mayReplace = true): ReorderOutput {
    let game = this.#games.get(action.gameId);
    if (game === undefined) {
      game = { pending: [], maxEventMs: NONE, lastReleasedMs: NONE, lastReleasedOrder: NONE, lastArrivalMs: nowMs };
      this.#games.set(action.gameId, game);
    }
    game.lastArrivalMs = nowMs;
    if (mayReplace) {
      const replaced = game.pending.findIndex((held) => held.actionNumber === action.actionNumber);
      if (replaced >= 0) game.pending.splice(replaced, 1);
    }
    const beforeReleased =
      action.timeActualMs < game.lastReleasedMs ||
      (action.timeActualMs === game.lastReleasedMs && action.orderNumber < game.lastReleasedOrder);
    if (beforeReleased) {
      this.#lateCount += 1;
      return { released: [], late: [action] };
    }
    let at = game.pending.length;
    while (at > 0 && eventOrder(game.pending[at - 1], action) > 0) at--;
    game.pending.splice(at, 0, action);
    game.maxEventMs = Math.max(game.maxEventMs, action.timeActualMs);
    const released = this.#release(game, this.watermark(action.gameId));
    return released.length === 0 ? NOTHING : { released, late: NONE_RELEASED as GameAction[] };
  }

  /** Flushes games idle for longer than idleTimeoutMs of processing time. */
  tick(nowMs: number): GameAction[] {
    const released: GameAction[] = [];
    for (const game of this.#games.values()) {
      if (game.pending.length > 0 && nowMs - game.lastArrivalMs >= this.#options.idleTimeoutMs) {
        released.push(...this.#release(game, Infinity));
      }
    }
    return released;
  }

  /** A game that closes: what it still buffers, in order, and then nothing of it is kept. */
  closeGame(gameId: string): GameAction[] {
    const game = this.#games.get(gameId);
    if (game === undefined) return [];
    const released = this.#release(game, Infinity);
    this.#games.delete(gameId);
    return released;
  }

  /** End of the stream: everything still buffered, in order per game. */
  flushAll(): GameAction[] {
    const released: GameAction[] = [];
    for (const game of this.#games.values()) released.push(...this.#release(game, Infinity));
    return released;
  }

  #release(game: GameBuffer, watermark: number): GameAction[] {
    let count = 0;
    while (count < game.pending.length && game.pending[count].timeActualMs < watermark) count++;
    if (count === 0) return NONE_RELEASED as GameAction[];
    const released = game.pending.splice(0, count);
    const last = released[released.length - 1];
    game.lastReleasedMs = last.timeActualMs;
    game.lastReleasedOrder = last.orderNumber;
    return released;
  }

  toState(): ReordererState {
    return {
      options: { ...this.#options },
      games: [...this.#games].map(([gameId, game]) => [gameId, { ...game, pending: game.pending.map((a) => ({ ...a })) }]),
      lateCount: this.#lateCount,
    };
  }

  static fromState(state: ReordererState): Reorderer {
    const reorderer = new Reorderer(state.options);
    for (const [gameId, game] of state.games) {
      reorderer.#games.set(gameId, { ...game, pending: game.pending.map((a) => ({ ...a })) });
    }
    reorderer.#lateCount = state.lateCount;
    return reorderer;
  }
}
