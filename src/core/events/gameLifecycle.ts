/**
 * When a game's state can be let go. A game is open while its actions may still come; once
 * closed, its final totals are kept (and archived once) and everything else about it —
 * every held version, the reorder buffer, the momentum ring, the credits kept for
 * corrections — is dropped, so the state, and a checkpoint of it, depends on the games
 * that are open, not on how long the stream has run.
 *
 * A game closes when it is quiet (no action since the last review) and the stream's event
 * clock has gone past its latest action by a window:
 * - `correctionWindowMs` after its final action (the feed's `game`/`end`): corrections come
 *   late (in the real feed `edited` trails `timeActual` by up to 2.5 hours);
 * - `abandonWindowMs` without one (a cut feed, a schema without a final action).
 *
 * The stream's clock is the second latest of the open games' latest event times, and never
 * goes back: one game with a wrong clock cannot move it alone. It suits a feed that brings
 * its games side by side as well as one that brings them one after another (the real 8-game
 * file does); a game still sending actions is never closed, however old its times. An action
 * of a closed game is not counted: the caller lists it as arriving after its game closed.
 */
import type { GameAction } from './gameAction.ts';

export interface LifecycleOptions {
  correctionWindowMs: number;
  abandonWindowMs: number;
}

export const defaultLifecycle: Readonly<LifecycleOptions> = Object.freeze({ correctionWindowMs: 3 * 3_600_000, abandonWindowMs: 6 * 3_600_000 });

export interface GameClockState {
  maxEventMs: number;
  ended: boolean;
  arrivals: number;
  /** Arrivals at the last review: unchanged since means the game is quiet. */
  reviewedArrivals: number;
}

export interface LifecycleState {
  options: LifecycleOptions;
  clockMs: number;
  games: [string, GameClockState][];
}

export function isGameEnd(action: Pick<GameAction, 'actionType' | 'subType'>): boolean {
  return action.actionType === 'game' && action.subType === 'end';
}

function checkOptions(options: LifecycleOptions): LifecycleOptions {
  for (const name of ['correctionWindowMs', 'abandonWindowMs'] as const) {
    if (!(Number.isFinite(options[name]) && options[name] > 0)) throw new Error(`invalid ${name}: ${options[name]}`);
  }
  return { correctionWindowMs: options.correctionWindowMs, abandonWindowMs: options.abandonWindowMs };
}

/** "No clock yet": finite, so a checkpoint survives JSON. */
const NONE = -Number.MAX_VALUE;

export class GameLifecycle {
  #options: LifecycleOptions;
  #games = new Map<string, GameClockState>();
  #clockMs = NONE;

  constructor(options: LifecycleOptions = defaultLifecycle, state?: LifecycleState) {
    this.#options = checkOptions(state?.options ?? options);
    this.#clockMs = state?.clockMs ?? NONE;
    for (const [gameId, game] of state?.games ?? []) this.#games.set(gameId, { ...game });
  }

  get options(): LifecycleOptions {
    return { ...this.#options };
  }

  setOptions(change: Partial<LifecycleOptions>): void {
    this.#options = checkOptions({ ...this.#options, ...change });
  }

  get openGames(): number {
    return this.#games.size;
  }

  /** The stream's event clock (epoch ms), or null before two games have been seen. */
  get clockMs(): number | null {
    return this.#clockMs === NONE ? null : this.#clockMs;
  }

  isOpen(gameId: string): boolean {
    return this.#games.has(gameId);
  }

  /** An accepted action of an open game: its event time, and whether it is the game's final action (isGameEnd). */
  arrived(gameId: string, eventMs: number, endsGame: boolean): void {
    let game = this.#games.get(gameId);
    if (game === undefined) {
      game = { maxEventMs: eventMs, ended: false, arrivals: 0, reviewedArrivals: 0 };
      this.#games.set(gameId, game);
    }
    game.arrivals++;
    if (eventMs > game.maxEventMs) game.maxEventMs = eventMs;
    if (endsGame) game.ended = true;
  }

  /** The games due to close now (call it after each batch of actions); they are forgotten here. */
  review(): string[] {
    let latest = NONE;
    let second = NONE;
    // Called after every block: no array per game (no destructuring swap, no entry arrays).
    for (const game of this.#games.values()) {
      if (game.maxEventMs > latest) {
        second = latest;
        latest = game.maxEventMs;
      } else if (game.maxEventMs > second) {
        second = game.maxEventMs;
      }
    }
    if (second > this.#clockMs) this.#clockMs = second;
    const due: string[] = [];
    this.#games.forEach((game, gameId) => {
      const quiet = game.arrivals === game.reviewedArrivals;
      game.reviewedArrivals = game.arrivals;
      const window = game.ended ? this.#options.correctionWindowMs : this.#options.abandonWindowMs;
      if (quiet && this.#clockMs - game.maxEventMs >= window) due.push(gameId);
    });
    for (const gameId of due) this.#games.delete(gameId);
    return due;
  }

  toState(): LifecycleState {
    return { options: { ...this.#options }, clockMs: this.#clockMs, games: [...this.#games].map(([id, game]) => [id, { ...game }]) };
  }
}
