/**
 * Running totals per player-game, with corrections: every applied action remembers the
 * momentum factor it was scored with, so a later version takes exactly what the version it
 * replaces gave (rescored by the caller with that factor) before adding its own — an action
 * is counted once whatever arrives twice. Only a number is kept per action, not its credits. Counts are whole numbers (exact in
 * any order); impact is a float sum (equal to rounding in any order).
 *
 * Hot path: per game, maps keyed by actionNumber and personId (numbers, no key strings),
 * and the accumulators are added to in place.
 */
import { decodeApplied, encodeApplied, type AppliedColumns } from './appliedColumns.ts';
import { accumulateStatLine, emptyStatLine, gameScore, type StatLine } from './gameScore.ts';
import type { PlayerCredit, ScoredAction } from './impactScorer.ts';
import { addToRow, checkLimit, ClosedSums, rowOf, topRows, type LeaderboardOptions, type LeaderboardRow } from './leaderboard.ts';

export type { LeaderboardOptions, LeaderboardRow };

export interface PlayerTotal {
  gameId: string;
  personId: number;
  teamId: number;
  playerName: string;
  stats: StatLine;
  gameScore: number;
  impact: number;
}

interface PlayerAccumulator {
  gameId: string;
  personId: number;
  teamId: number;
  stats: StatLine;
  impact: number;
}

export interface RunningTotalsState {
  /** The open games' applied actions as columns (cheap to clone). */
  applied: AppliedColumns;
  players: PlayerAccumulator[];
  names: [number, string][];
  corrected: number;
  /** Actions applied in games closed since (their totals are archived apart). */
  closedApplied: number;
}

export function playerGameKey(gameId: string, personId: number): string {
  return `${gameId}:${personId}`;
}

interface GameTotals {
  /** Momentum factor by actionNumber, of every applied action. */
  applied: Map<number, number>;
  players: Map<number, PlayerAccumulator>;
}

export class RunningTotals {
  #games = new Map<string, GameTotals>();
  /** Final player lines of closed games: what stays of a game once it is let go. */
  #closed = new Map<string, PlayerTotal[]>();
  /** The closed games' lines summed per player, for the overall board. */
  #closedSums = new ClosedSums();
  #names = new Map<number, string>();
  #corrected = 0;
  #appliedCount = 0;
  #closedApplied = 0;

  #game(gameId: string): GameTotals {
    let game = this.#games.get(gameId);
    if (game === undefined) {
      game = { applied: new Map(), players: new Map() };
      this.#games.set(gameId, game);
    }
    return game;
  }

  isApplied(gameId: string, actionNumber: number): boolean {
    return this.#games.get(gameId)?.applied.has(actionNumber) ?? false;
  }

  /** The momentum factor an applied action was scored with (its corrections keep it). */
  appliedMomentumFactor(gameId: string, actionNumber: number): number | undefined {
    return this.#games.get(gameId)?.applied.get(actionNumber);
  }

  /** Actions applied so far (a correction counts once with its first version), closed games included. */
  get appliedCount(): number {
    return this.#appliedCount;
  }

  get correctedCount(): number {
    return this.#corrected;
  }

  /**
   * Adds a scored action. A second version of an applied action replaces the first:
   * `replaced` is the first version rescored with its factor (appliedMomentumFactor).
   */
  apply(scored: ScoredAction, replaced?: ScoredAction): 'added' | 'corrected' {
    const { action } = scored;
    if (action.personId !== 0 && action.playerName !== '' && this.#names.get(action.personId) !== action.playerName) this.#names.set(action.personId, action.playerName);
    const game = this.#game(action.gameId);
    const applied = game.applied.has(action.actionNumber);
    if (applied) {
      if (replaced === undefined) throw new Error(`action ${action.gameId}#${action.actionNumber} is already applied: a correction needs the version it replaces`);
      for (const credit of replaced.credits) RunningTotals.#add(game, action.gameId, credit, -1);
      this.#corrected += 1;
    } else {
      this.#appliedCount += 1;
    }
    for (const credit of scored.credits) RunningTotals.#add(game, action.gameId, credit, 1);
    game.applied.set(action.actionNumber, scored.momentumFactor);
    return applied ? 'corrected' : 'added';
  }

  static #add(game: GameTotals, gameId: string, credit: PlayerCredit, sign: 1 | -1): void {
    let player = game.players.get(credit.personId);
    if (player === undefined) {
      player = { gameId, personId: credit.personId, teamId: credit.teamId, stats: emptyStatLine(), impact: 0 };
      game.players.set(credit.personId, player);
    }
    // The accumulator is ours alone: added to in place, no new line per action.
    accumulateStatLine(player.stats, credit.stats, sign);
    player.impact += sign * credit.impact;
  }

  #accumulators(): PlayerAccumulator[] {
    const all: PlayerAccumulator[] = [];
    for (const game of this.#games.values()) for (const p of game.players.values()) all.push(p);
    return all;
  }

  #total(p: PlayerAccumulator): PlayerTotal {
    return { gameId: p.gameId, personId: p.personId, teamId: p.teamId, playerName: this.#names.get(p.personId) ?? '', stats: { ...p.stats }, gameScore: gameScore(p.stats), impact: p.impact };
  }

  /** Every player-game with anything credited, closed games first. */
  playerGames(): PlayerTotal[] {
    const all: PlayerTotal[] = [];
    for (const players of this.#closed.values()) for (const p of players) all.push({ ...p, stats: { ...p.stats } });
    for (const p of this.#accumulators()) all.push(this.#total(p));
    return all;
  }

  /** Games whose totals are final and kept apart (closed). */
  get closedGames(): number {
    return this.#closed.size;
  }

  /**
   * A game that closes: its final player lines (kept, and returned for the archive); the
   * credits remembered for corrections are let go.
   */
  closeGame(gameId: string): PlayerTotal[] {
    const game = this.#games.get(gameId);
    const players = game === undefined ? [] : [...game.players.values()].map((p) => this.#total(p));
    if (game !== undefined) this.#closedApplied += game.applied.size;
    this.#games.delete(gameId);
    this.#setClosed(gameId, players);
    return players;
  }

  /** Closed games' final lines, as archived (after a resume). */
  restoreClosed(gameId: string, players: readonly PlayerTotal[]): void {
    this.#setClosed(gameId, players.map((p) => ({ ...p, stats: { ...p.stats } })));
  }

  #setClosed(gameId: string, players: PlayerTotal[]): void {
    const replaced = this.#closed.has(gameId);
    this.#closed.set(gameId, players);
    if (!replaced) return this.#closedSums.add(players);
    // A game's lines given again (never in a stream, possible in a restore): sum afresh.
    this.#closedSums.clear();
    for (const lines of this.#closed.values()) this.#closedSums.add(lines);
  }

  /** Player-game scores keyed `gameId:personId`, for the consistency report. */
  scoreMap(by: 'impact' | 'gameScore'): Map<string, number> {
    const scores = new Map<string, number>();
    for (const p of this.playerGames()) scores.set(playerGameKey(p.gameId, p.personId), p[by]);
    return scores;
  }

  /**
   * The top rows, built from the sums already kept: a game's board from its players; the
   * overall board from the closed games' per-player sums plus the open games' players.
   */
  leaderboard(options: LeaderboardOptions): LeaderboardRow[] {
    const limit = checkLimit(options.limit ?? 10);
    const { by, gameId } = options;
    if (gameId !== undefined) {
      const lines = this.#closed.get(gameId) ?? [...(this.#games.get(gameId)?.players.values() ?? [])].map((p) => this.#total(p));
      return topRows(lines.map((line) => rowOf(line, gameId)), by, limit);
    }
    const open = new Map<number, LeaderboardRow>();
    for (const game of this.#games.values()) {
      for (const p of game.players.values()) {
        const row = open.get(p.personId);
        if (row !== undefined) {
          addToRow(row, p);
          continue;
        }
        const closed = this.#closedSums.get(p.personId);
        const fresh = closed === undefined ? rowOf(this.#total(p), '') : rowOf(closed, '');
        if (closed !== undefined) addToRow(fresh, p);
        open.set(p.personId, fresh);
      }
    }
    const closedOnly = function* (sums: ClosedSums): Generator<Readonly<LeaderboardRow>> {
      for (const row of sums.rows()) if (!open.has(row.personId)) yield row;
    };
    const top = topRows([...open.values(), ...closedOnly(this.#closedSums)] as LeaderboardRow[], by, limit);
    // The closed sums are ours: the caller gets copies.
    return top.map((row) => (open.get(row.personId) === row ? row : rowOf(row, '')));
  }

  toState(): RunningTotalsState {
    return {
      applied: encodeApplied([...this.#games].map(([gameId, game]) => [gameId, game.applied] as const)),
      players: this.#accumulators().map((p) => ({ ...p, stats: { ...p.stats } })),
      names: [...this.#names],
      corrected: this.#corrected,
      closedApplied: this.#closedApplied,
    };
  }

  static fromState(state: RunningTotalsState): RunningTotals {
    const totals = new RunningTotals();
    for (const [gameId, applied] of decodeApplied(state.applied)) {
      totals.#game(gameId).applied = applied;
      totals.#appliedCount += applied.size;
    }
    for (const p of state.players) totals.#game(p.gameId).players.set(p.personId, { ...p, stats: { ...p.stats } });
    for (const [personId, name] of state.names) totals.#names.set(personId, name);
    totals.#corrected = state.corrected;
    totals.#closedApplied = state.closedApplied;
    totals.#appliedCount += state.closedApplied;
    return totals;
  }
}
