/**
 * The leaderboard the screen shows five times a second, built from what is already summed:
 * a closed game's final lines are added once, when it closes, into one line per player
 * (`ClosedSums`), so "All games" costs the open games' players plus one line per player
 * seen, never a pass over every player-game of a long stream. Only the top N are sorted.
 */
import { accumulateStatLine, gameScore, type StatLine } from './gameScore.ts';

/** A player-game's final or running line (RunningTotals gives these). */
export interface PlayerLine {
  gameId: string;
  personId: number;
  teamId: number;
  playerName: string;
  stats: StatLine;
  gameScore: number;
  impact: number;
}

export interface LeaderboardRow {
  /** '' on the overall board, where a player's games are added up. */
  gameId: string;
  personId: number;
  teamId: number;
  playerName: string;
  games: number;
  stats: StatLine;
  gameScore: number;
  impact: number;
}

export interface LeaderboardOptions {
  by: 'impact' | 'gameScore';
  /** Only this game; all games added per player when absent. */
  gameId?: string;
  limit?: number;
}

export function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`invalid limit: ${limit}`);
  return limit;
}

/** A board row of its own (the caller may add to it) from one player-game or another row. */
export function rowOf(line: PlayerLine | Readonly<LeaderboardRow>, gameId: string): LeaderboardRow {
  const games = 'games' in line ? line.games : 1;
  return { gameId, personId: line.personId, teamId: line.teamId, playerName: line.playerName, games, stats: { ...line.stats }, gameScore: line.gameScore, impact: line.impact };
}

/** Adds one more player-game of the same player into a row (the overall board). */
export function addToRow(row: LeaderboardRow, line: Pick<PlayerLine, 'stats' | 'impact'>, games = 1): void {
  row.games += games;
  accumulateStatLine(row.stats, line.stats, 1);
  row.gameScore = gameScore(row.stats);
  row.impact += line.impact;
}

/** Higher first; ties by personId, so the board does not shuffle between views. */
function ahead(a: LeaderboardRow, b: LeaderboardRow, by: 'impact' | 'gameScore'): boolean {
  return a[by] > b[by] || (a[by] === b[by] && a.personId < b.personId);
}

/** The best `limit` rows in order, by insertion into a short list (the board is ten rows of hundreds). */
export function topRows(rows: Iterable<LeaderboardRow>, by: 'impact' | 'gameScore', limit: number): LeaderboardRow[] {
  checkLimit(limit);
  const top: LeaderboardRow[] = [];
  for (const row of rows) {
    if (top.length === limit && !ahead(row, top[limit - 1], by)) continue;
    let at = top.length === limit ? limit - 1 : top.length;
    while (at > 0 && ahead(row, top[at - 1], by)) {
      top[at] = top[at - 1];
      at--;
    }
    top[at] = row;
  }
  return top;
}

/** Closed games' final lines summed per player, as they close. */
export class ClosedSums {
  #byPerson = new Map<number, LeaderboardRow>();

  add(lines: readonly PlayerLine[]): void {
    for (const line of lines) {
      const row = this.#byPerson.get(line.personId);
      if (row === undefined) this.#byPerson.set(line.personId, rowOf(line, ''));
      else addToRow(row, line);
    }
  }

  /** A player's sum over the closed games (read only: copy it to add to it). */
  get(personId: number): Readonly<LeaderboardRow> | undefined {
    return this.#byPerson.get(personId);
  }

  /** Every player's sum over the closed games (read only). */
  rows(): IterableIterator<Readonly<LeaderboardRow>> {
    return this.#byPerson.values();
  }

  clear(): void {
    this.#byPerson.clear();
  }
}
