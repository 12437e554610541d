/**
 * Running totals per player-game, with corrections: every applied action remembers the
 * momentum factor it was scored with, so a later version takes exactly what the version it
 * replaces gave (rescored with that factor) before adding its own — an action is counted
 * once whatever arrives twice. Only a number is kept per action, not its credits. Counts
 * are whole numbers (exact in any order); impact is a float sum (equal to rounding in any
 * order).
 *
 * Hot path: an action is a row of its game's GameRows whose play code (actionPlay.ts) says
 * which credit its player gets; per game, maps keyed by actionNumber and personId (numbers),
 * accumulators added to in place: applying an action allocates nothing.
 */
import { Num, Txt } from './actionBatchCodec.ts';
import { creditOf } from './actionPlay.ts';
import { decodeApplied, encodeApplied } from './appliedColumns.ts';
import type { GameRows } from './gameRows.ts';
import { ASSIST_COUNTS, ASSIST_LINE, Credit, CREDIT_COUNTS, CREDIT_LINES, countsOf, gameScore, isAssisted, statLineOf, STAT_KEYS } from './gameScore.ts';
import { addToRow, checkLimit, ClosedSums, rowOf, topRows, type LeaderboardOptions, type LeaderboardRow } from './leaderboard.ts';
import type { TextIds } from './textIds.ts';
import { playerGameKey, type PlayerTotal, type RunningTotalsState } from './runningTotals.types.ts';

export type { LeaderboardOptions, LeaderboardRow };
export { playerGameKey, type PlayerTotal, type RunningTotalsState } from './runningTotals.types.ts';

/** Game Score of each credit kind, and of an assist: computed once. */
const CREDIT_SCORES = CREDIT_LINES.map((line) => gameScore(line));
const ASSIST_SCORE = gameScore(ASSIST_LINE);

/** Where impact is in an accumulator's numbers, after the counts (STAT_KEYS order). */
const IMPACT = STAT_KEYS.length;

/**
 * A player-game being summed: numbers in a typed array, added to in place (as object
 * fields, a count that once held −0 turned every later addition into a new heap number).
 */
interface PlayerAccumulator {
  gameId: string;
  personId: number;
  teamId: number;
  /** The counts in STAT_KEYS order, then impact. */
  sums: Float64Array;
}

interface GameTotals {
  /** Momentum factor by actionNumber, of every applied action. */
  applied: Map<number, number>;
  players: Map<number, PlayerAccumulator>;
}

export class RunningTotals {
  #ids: TextIds;
  #games = new Map<string, GameTotals>();
  /** Final player lines of closed games: what stays of a game once it is let go. */
  #closed = new Map<string, PlayerTotal[]>();
  /** The closed games' lines summed per player, for the overall board. */
  #closedSums = new ClosedSums();
  #names = new Map<number, string>();
  /** The text id of each player's name, to notice a new spelling without comparing texts. */
  #nameIds = new Map<number, number>();
  #corrected = 0;
  #appliedCount = 0;
  #closedApplied = 0;

  /** `ids`: the stream's texts (the player names of the rows). */
  constructor(ids: TextIds) {
    this.#ids = ids;
  }

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
   * Adds an action that is not applied yet: its credits, each Game Score × `weight` (its
   * clutch weight) × `factor` (its momentum factor, 1 when late), and the factor it keeps.
   */
  add(rows: GameRows, row: number, weight: number, factor: number): void {
    const game = this.#game(rows.gameId);
    const actionNumber = rows.num(row, Num.actionNumber);
    if (game.applied.has(actionNumber)) throw new Error(`action ${rows.gameId}#${actionNumber} is already applied: a correction needs the version it replaces`);
    this.#name(rows, row);
    this.#credit(game, rows, row, weight, factor, 1);
    game.applied.set(actionNumber, factor);
    this.#appliedCount += 1;
  }

  /**
   * A new version (`row`) of an applied action replaces the first (`previousRow`): what the
   * first gave, with its own clutch weight and the factor it was applied with, is taken
   * away, and the new version's credits are added with that same factor.
   */
  correct(rows: GameRows, row: number, weight: number, previousRow: number, previousWeight: number): void {
    const game = this.#game(rows.gameId);
    const factor = game.applied.get(rows.num(row, Num.actionNumber));
    if (factor === undefined) throw new Error(`action ${rows.gameId}#${rows.num(row, Num.actionNumber)} is not applied: nothing to correct`);
    this.#name(rows, row);
    this.#credit(game, rows, previousRow, previousWeight, factor, -1);
    this.#credit(game, rows, row, weight, factor, 1);
    this.#corrected += 1;
  }

  /** A player's name as the feed spells it lately (only actions of a player with a name). */
  #name(rows: GameRows, row: number): void {
    const personId = rows.num(row, Num.personId);
    const nameId = rows.textId(row, Txt.playerName);
    // Text id 0 is ''.
    if (personId === 0 || nameId === 0 || this.#nameIds.get(personId) === nameId) return;
    this.#nameIds.set(personId, nameId);
    this.#names.set(personId, this.#ids.text(nameId));
  }

  /** What a row credits, Game Score × weight × factor (in that order, as SQL multiplies), added (sign 1) or taken away (−1). */
  #credit(game: GameTotals, rows: GameRows, row: number, weight: number, factor: number, sign: 1 | -1): void {
    const kind = creditOf(rows.num(row, Num.play));
    if (kind === Credit.None) return;
    const personId = rows.num(row, Num.personId);
    const teamId = rows.num(row, Num.teamId);
    // Only a real player: not the feed's 0 and not the team itself (gameScore.ts isPlayer).
    if (personId === 0 || personId === teamId) return;
    RunningTotals.#add(game, rows.gameId, personId, teamId, CREDIT_COUNTS[kind], CREDIT_SCORES[kind] * weight * factor, sign);
    const assist = rows.num(row, Num.assistPersonId);
    if (isAssisted(kind, personId, assist)) RunningTotals.#add(game, rows.gameId, assist, teamId, ASSIST_COUNTS, ASSIST_SCORE * weight * factor, sign);
  }

  static #add(game: GameTotals, gameId: string, personId: number, teamId: number, counts: Float64Array, impact: number, sign: 1 | -1): void {
    let player = game.players.get(personId);
    if (player === undefined) {
      player = { gameId, personId, teamId, sums: new Float64Array(IMPACT + 1) };
      game.players.set(personId, player);
    }
    const { sums } = player;
    for (let k = 0; k < IMPACT; k++) sums[k] += sign * counts[k];
    sums[IMPACT] += sign * impact;
  }

  #accumulators(): PlayerAccumulator[] {
    const all: PlayerAccumulator[] = [];
    for (const game of this.#games.values()) for (const p of game.players.values()) all.push(p);
    return all;
  }

  #total(p: PlayerAccumulator): PlayerTotal {
    const stats = statLineOf(p.sums);
    // + 0 turns a −0 (a credit taken away) into 0.
    return { gameId: p.gameId, personId: p.personId, teamId: p.teamId, playerName: this.#names.get(p.personId) ?? '', stats, gameScore: gameScore(stats), impact: p.sums[IMPACT] + 0 };
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
        const line = this.#total(p);
        const row = open.get(p.personId);
        if (row !== undefined) {
          addToRow(row, line);
          continue;
        }
        const closed = this.#closedSums.get(p.personId);
        const fresh = closed === undefined ? rowOf(line, '') : rowOf(closed, '');
        if (closed !== undefined) addToRow(fresh, line);
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
      players: this.#accumulators().map((p) => ({ gameId: p.gameId, personId: p.personId, teamId: p.teamId, stats: statLineOf(p.sums), impact: p.sums[IMPACT] })),
      names: [...this.#names],
      corrected: this.#corrected,
      closedApplied: this.#closedApplied,
    };
  }

  static fromState(state: RunningTotalsState, ids: TextIds): RunningTotals {
    const totals = new RunningTotals(ids);
    for (const [gameId, applied] of decodeApplied(state.applied)) {
      totals.#game(gameId).applied = applied;
      totals.#appliedCount += applied.size;
    }
    for (const p of state.players) {
      const sums = new Float64Array(IMPACT + 1);
      sums.set(countsOf(p.stats));
      sums[IMPACT] = p.impact;
      totals.#game(p.gameId).players.set(p.personId, { gameId: p.gameId, personId: p.personId, teamId: p.teamId, sums });
    }
    for (const [personId, name] of state.names) {
      totals.#names.set(personId, name);
      totals.#nameIds.set(personId, ids.id(name));
    }
    totals.#corrected = state.corrected;
    totals.#closedApplied = state.closedApplied;
    totals.#appliedCount += state.closedApplied;
    return totals;
  }
}
