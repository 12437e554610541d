/**
 * A game's name as a fan writes it, "CHI @ DET · 2 Feb": the away team at the home team and
 * the day it was played. The feed does not say which team is at home; the score does: a
 * made shot adds its points to scoreHome or to scoreAway, so each made shot is a vote for
 * its team's side (votes, not the first shot, since a late action can bring an older score).
 * Before a team has scored, the two teams seen are listed in the order they appeared; a feed
 * without team codes (the generic schema) names its teams by id; a game with no team yet is
 * its id.
 */
import { Num, Txt } from './actionBatchCodec.ts';
import { pointsOf } from './actionPlay.ts';
import type { GameRows } from './gameRows.ts';
import type { TextIds } from './textIds.ts';

interface GameTeams {
  /** Team code (or id) by team id, in order of appearance. */
  teams: Map<number, string>;
  /** Votes for "this team is at home" (positive) or away (negative). */
  homeVotes: Map<number, number>;
  firstEventMs: number;
  lastHome: number;
  lastAway: number;
}

export type GameTitlesState = [string, { teams: [number, string][]; homeVotes: [number, number][]; firstEventMs: number; lastHome: number; lastAway: number }][];

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

export class GameTitles {
  #games = new Map<string, GameTeams>();
  #ids: TextIds;

  /** `ids`: the stream's texts (the team codes of the rows). */
  constructor(ids: TextIds, state: GameTitlesState = []) {
    this.#ids = ids;
    for (const [gameId, game] of state) {
      this.#games.set(gameId, { ...game, teams: new Map(game.teams), homeVotes: new Map(game.homeVotes) });
    }
  }

  /** An accepted action (a row of its game), in arrival order. */
  seen(rows: GameRows, row: number): void {
    const eventMs = rows.num(row, Num.timeActualMs);
    let game = this.#games.get(rows.gameId);
    if (game === undefined) {
      game = { teams: new Map(), homeVotes: new Map(), firstEventMs: eventMs, lastHome: 0, lastAway: 0 };
      this.#games.set(rows.gameId, game);
    }
    if (eventMs < game.firstEventMs) game.firstEventMs = eventMs;
    const teamId = rows.num(row, Num.teamId);
    if (teamId !== 0 && !game.teams.has(teamId)) game.teams.set(teamId, this.#ids.text(rows.textId(row, Txt.teamTricode)) || String(teamId));
    const points = pointsOf(rows.num(row, Num.play));
    const scoreHome = rows.num(row, Num.scoreHome);
    const scoreAway = rows.num(row, Num.scoreAway);
    if (points > 0 && teamId !== 0) {
      const home = scoreHome - game.lastHome === points && scoreAway === game.lastAway;
      const away = scoreAway - game.lastAway === points && scoreHome === game.lastHome;
      if (home !== away) game.homeVotes.set(teamId, (game.homeVotes.get(teamId) ?? 0) + (home ? 1 : -1));
    }
    game.lastHome = scoreHome;
    game.lastAway = scoreAway;
  }

  title(gameId: string): string {
    const game = this.#games.get(gameId);
    if (game === undefined || game.teams.size === 0) return gameId;
    const teams = [...game.teams];
    const day = DAY.format(game.firstEventMs);
    if (teams.length < 2) return `${teams[0][1]} · ${day}`;
    const votes = (teamId: number): number => game.homeVotes.get(teamId) ?? 0;
    const [first, second] = teams;
    // The team with more home votes is at home; without votes, order of appearance.
    const [away, home] = votes(first[0]) > votes(second[0]) ? [second, first] : votes(second[0]) > votes(first[0]) ? [first, second] : [first, second];
    return votes(first[0]) === votes(second[0]) ? `${first[1]} – ${second[1]} · ${day}` : `${away[1]} @ ${home[1]} · ${day}`;
  }

  /** The games seen (and not forgotten), in order of their first action. */
  gameIds(): string[] {
    return [...this.#games.keys()];
  }

  forget(gameId: string): void {
    this.#games.delete(gameId);
  }

  toState(): GameTitlesState {
    return [...this.#games].map(([gameId, game]) => [gameId, { ...game, teams: [...game.teams], homeVotes: [...game.homeVotes] }]);
  }
}
