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
 * more: it is late (the caller still scores it, so totals are corrected). With strict
 * release, an action is never late when it arrives within the allowed lateness of its
 * game's latest event time.
 *
 * A new version of an action still in the buffer replaces it there (so it is scored once).
 *
 * Actions are rows of their game's GameRows; the buffer holds row numbers. `push` answers
 * whether the action was late and leaves what it released in the first `releasedCount`
 * entries of `released` (reused from one push to the next: read them before pushing
 * again), so a push allocates nothing.
 */
import { Num } from './actionBatchCodec.ts';
import type { GameRows } from './gameRows.ts';

export interface ReordererOptions {
  allowedLatenessSeconds: number;
  idleTimeoutMs: number;
}

interface GameBuffer {
  rows: GameRows;
  /** Buffered rows in event-time order from `head` on (those before it have left). */
  pending: number[];
  head: number;
  maxEventMs: number;
  lastReleasedMs: number;
  lastReleasedOrder: number;
  lastArrivalMs: number;
}

/** A game's buffer in a checkpoint: the buffered actions by actionNumber (their versions are the game's rows). */
export interface GameBufferState {
  pendingActions: number[];
  maxEventMs: number;
  lastReleasedMs: number;
  lastReleasedOrder: number;
  lastArrivalMs: number;
}

export interface ReordererState {
  options: ReordererOptions;
  games: [string, GameBufferState][];
  lateCount: number;
}

/** Rows released from one game. */
export interface ReleasedRows {
  rows: GameRows;
  released: number[];
}

/** "Nothing yet": finite, so a checkpoint survives JSON (which turns −Infinity into null). */
const NONE = -Number.MAX_VALUE;

function checkOptions(options: ReordererOptions): ReordererOptions {
  if (!Number.isFinite(options.allowedLatenessSeconds) || options.allowedLatenessSeconds < 0) {
    throw new Error(`invalid allowedLatenessSeconds: ${options.allowedLatenessSeconds}`);
  }
  if (!(options.idleTimeoutMs > 0)) throw new Error(`invalid idleTimeoutMs: ${options.idleTimeoutMs}`);
  return { allowedLatenessSeconds: options.allowedLatenessSeconds, idleTimeoutMs: options.idleTimeoutMs };
}

/** Row a goes after row b in event time (time, then orderNumber). */
function after(rows: GameRows, a: number, b: number): boolean {
  const ta = rows.num(a, Num.timeActualMs);
  const tb = rows.num(b, Num.timeActualMs);
  return ta > tb || (ta === tb && rows.num(a, Num.orderNumber) > rows.num(b, Num.orderNumber));
}

export class Reorderer {
  #options: ReordererOptions;
  #games = new Map<string, GameBuffer>();
  #lateCount = 0;
  /** What the last push released: its first `releasedCount` entries, in event-time order (rows of the pushed action's game). */
  readonly released: number[] = [];
  releasedCount = 0;

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
    for (const game of this.#games.values()) count += game.pending.length - game.head;
    return count;
  }

  /** −Infinity before the game's first action. */
  watermark(gameId: string): number {
    const game = this.#games.get(gameId);
    return game === undefined ? -Infinity : game.maxEventMs - this.#options.allowedLatenessSeconds * 1000;
  }

  #buffer(rows: GameRows, nowMs: number): GameBuffer {
    let game = this.#games.get(rows.gameId);
    if (game === undefined) {
      game = { rows, pending: [], head: 0, maxEventMs: NONE, lastReleasedMs: NONE, lastReleasedOrder: NONE, lastArrivalMs: nowMs };
      this.#games.set(rows.gameId, game);
    }
    return game;
  }

  /**
   * Row `row` of its game arrives. True when it is late (it went to no buffer); else it is
   * buffered, and `released` holds what leaves now. `mayReplace`: the action is a new
   * version of one that may still be buffered (a correction).
   */
  push(rows: GameRows, row: number, nowMs: number, mayReplace = true): boolean {
    this.releasedCount = 0;
    const game = this.#buffer(rows, nowMs);
    game.lastArrivalMs = nowMs;
    const { pending } = game;
    if (mayReplace) {
      const actionNumber = rows.num(row, Num.actionNumber);
      for (let i = game.head; i < pending.length; i++) {
        if (rows.num(pending[i], Num.actionNumber) === actionNumber) {
          pending.splice(i, 1);
          break;
        }
      }
    }
    const time = rows.num(row, Num.timeActualMs);
    if (time < game.lastReleasedMs || (time === game.lastReleasedMs && rows.num(row, Num.orderNumber) < game.lastReleasedOrder)) {
      this.#lateCount += 1;
      return true;
    }
    let at = pending.length;
    while (at > game.head && after(rows, pending[at - 1], row)) at--;
    if (at === pending.length) pending.push(row);
    else pending.splice(at, 0, row);
    if (time > game.maxEventMs) game.maxEventMs = time;
    const watermark = game.maxEventMs - this.#options.allowedLatenessSeconds * 1000;
    // The common case: the oldest buffered action, if any, is all that leaves.
    while (game.head < pending.length && rows.num(pending[game.head], Num.timeActualMs) < watermark) this.released[this.releasedCount++] = pending[game.head++];
    if (this.releasedCount > 0) this.#released(game);
    return false;
  }

  /** Flushes games idle for longer than idleTimeoutMs of processing time. */
  tick(nowMs: number): ReleasedRows[] {
    const out: ReleasedRows[] = [];
    for (const game of this.#games.values()) {
      if (game.pending.length > game.head && nowMs - game.lastArrivalMs >= this.#options.idleTimeoutMs) out.push({ rows: game.rows, released: this.#release(game, Infinity, []) });
    }
    return out;
  }

  /** A game that closes: what it still buffers, in order, and then nothing of it is kept. */
  closeGame(gameId: string): number[] {
    const game = this.#games.get(gameId);
    if (game === undefined) return [];
    const released = this.#release(game, Infinity, []);
    this.#games.delete(gameId);
    return released;
  }

  /** End of the stream: everything still buffered, in order per game. */
  flushAll(): ReleasedRows[] {
    const out: ReleasedRows[] = [];
    for (const game of this.#games.values()) if (game.pending.length > game.head) out.push({ rows: game.rows, released: this.#release(game, Infinity, []) });
    return out;
  }

  /** Moves the rows before the watermark from the buffer to `into`, in order. */
  #release(game: GameBuffer, watermark: number, into: number[]): number[] {
    const { pending, rows } = game;
    const from = game.head;
    while (game.head < pending.length && rows.num(pending[game.head], Num.timeActualMs) < watermark) into.push(pending[game.head++]);
    if (game.head > from) this.#released(game);
    return into;
  }

  /** After rows left the buffer (up to `head`): the last one released sets what is late from now on. */
  #released(game: GameBuffer): void {
    const { pending, rows } = game;
    const last = pending[game.head - 1];
    game.lastReleasedMs = rows.num(last, Num.timeActualMs);
    game.lastReleasedOrder = rows.num(last, Num.orderNumber);
    // Let go of what left now and then, not at every release: the array keeps its room.
    if (game.head === pending.length) {
      pending.length = 0;
      game.head = 0;
    } else if (game.head >= 256 && game.head * 2 >= pending.length) {
      pending.copyWithin(0, game.head);
      pending.length -= game.head;
      game.head = 0;
    }
  }

  toState(): ReordererState {
    return {
      options: { ...this.#options },
      games: [...this.#games].map(([gameId, game]) => [gameId, {
        pendingActions: game.pending.slice(game.head).map((row) => game.rows.num(row, Num.actionNumber)),
        maxEventMs: game.maxEventMs, lastReleasedMs: game.lastReleasedMs, lastReleasedOrder: game.lastReleasedOrder, lastArrivalMs: game.lastArrivalMs,
      }]),
      lateCount: this.#lateCount,
    };
  }

  /** `rowsOf`: each open game's rows; `rowOf`: the row of an action's latest version there. */
  static fromState(state: ReordererState, rowsOf: (gameId: string) => GameRows, rowOf: (gameId: string, actionNumber: number) => number): Reorderer {
    const reorderer = new Reorderer(state.options);
    for (const [gameId, game] of state.games) {
      const pending = game.pendingActions.map((actionNumber) => {
        const row = rowOf(gameId, actionNumber);
        if (row < 0) throw new Error(`invalid checkpoint: action ${gameId}#${actionNumber} is buffered but not held`);
        return row;
      });
      reorderer.#games.set(gameId, { rows: rowsOf(gameId), pending, head: 0, maxEventMs: game.maxEventMs, lastReleasedMs: game.lastReleasedMs, lastReleasedOrder: game.lastReleasedOrder, lastArrivalMs: game.lastArrivalMs });
    }
    reorderer.#lateCount = state.lateCount;
    return reorderer;
  }
}
