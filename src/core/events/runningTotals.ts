/**
 * Running totals per player-game, with corrections: every applied action remembers the
 * credits it gave, so a later version takes exactly those away before adding its own —
 * an action is counted once whatever arrives twice. Counts are whole numbers (exact in
 * any order); impact is a float sum (equal to rounding in any order).
 */
import { addStatLines, emptyStatLine, gameScore, type StatLine } from './gameScore.ts';
import type { PlayerCredit, ScoredAction } from './impactScorer.ts';

export interface PlayerTotal {
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

interface AppliedAction {
  momentumFactor: number;
  credits: PlayerCredit[];
}

interface PlayerAccumulator {
  gameId: string;
  personId: number;
  teamId: number;
  stats: StatLine;
  impact: number;
}

export interface RunningTotalsState {
  applied: [string, AppliedAction][];
  players: PlayerAccumulator[];
  names: [number, string][];
  corrected: number;
}

export function playerGameKey(gameId: string, personId: number): string {
  return `${gameId}:${personId}`;
}

export class RunningTotals {
  #applied = new Map<string, AppliedAction>();
  #players = new Map<string, PlayerAccumulator>();
  #names = new Map<number, string>();
  #corrected = 0;

  isApplied(key: string): boolean {
    return this.#applied.has(key);
  }

  /** The momentum factor an applied action was scored with (its corrections keep it). */
  appliedMomentumFactor(key: string): number | undefined {
    return this.#applied.get(key)?.momentumFactor;
  }

  get appliedCount(): number {
    return this.#applied.size;
  }

  get correctedCount(): number {
    return this.#corrected;
  }

  /** Adds a scored action; a second version of the same action replaces the first. */
  apply(scored: ScoredAction): 'added' | 'corrected' {
    const { action } = scored;
    if (action.personId !== 0 && action.playerName !== '') this.#names.set(action.personId, action.playerName);
    const previous = this.#applied.get(scored.key);
    if (previous !== undefined) {
      for (const credit of previous.credits) this.#add(action.gameId, credit, -1);
      this.#corrected += 1;
    }
    for (const credit of scored.credits) this.#add(action.gameId, credit, 1);
    this.#applied.set(scored.key, { momentumFactor: scored.momentumFactor, credits: scored.credits });
    return previous === undefined ? 'added' : 'corrected';
  }

  #add(gameId: string, credit: PlayerCredit, sign: 1 | -1): void {
    const key = playerGameKey(gameId, credit.personId);
    let player = this.#players.get(key);
    if (player === undefined) {
      player = { gameId, personId: credit.personId, teamId: credit.teamId, stats: emptyStatLine(), impact: 0 };
      this.#players.set(key, player);
    }
    player.stats = addStatLines(player.stats, credit.stats, sign);
    player.impact += sign * credit.impact;
  }

  /** Every player-game with anything credited. */
  playerGames(): PlayerTotal[] {
    return [...this.#players.values()].map((p) => ({
      gameId: p.gameId,
      personId: p.personId,
      teamId: p.teamId,
      playerName: this.#names.get(p.personId) ?? '',
      stats: { ...p.stats },
      gameScore: gameScore(p.stats),
      impact: p.impact,
    }));
  }

  /** Player-game scores keyed `gameId:personId`, for the consistency report. */
  scoreMap(by: 'impact' | 'gameScore'): Map<string, number> {
    const scores = new Map<string, number>();
    for (const p of this.playerGames()) scores.set(playerGameKey(p.gameId, p.personId), p[by]);
    return scores;
  }

  leaderboard(options: LeaderboardOptions): LeaderboardRow[] {
    const limit = options.limit ?? 10;
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`invalid limit: ${limit}`);
    const rows = new Map<number, LeaderboardRow>();
    for (const p of this.playerGames()) {
      if (options.gameId !== undefined && p.gameId !== options.gameId) continue;
      const row = rows.get(p.personId);
      if (row === undefined) {
        rows.set(p.personId, { ...p, gameId: options.gameId ?? '', games: 1 });
      } else {
        row.games += 1;
        row.stats = addStatLines(row.stats, p.stats);
        row.gameScore = gameScore(row.stats);
        row.impact += p.impact;
      }
    }
    return [...rows.values()]
      .sort((a, b) => b[options.by] - a[options.by] || a.personId - b.personId)
      .slice(0, limit);
  }

  toState(): RunningTotalsState {
    return {
      applied: [...this.#applied].map(([key, a]) => [key, { momentumFactor: a.momentumFactor, credits: a.credits.map((c) => ({ ...c, stats: { ...c.stats } })) }]),
      players: [...this.#players.values()].map((p) => ({ ...p, stats: { ...p.stats } })),
      names: [...this.#names],
      corrected: this.#corrected,
    };
  }

  static fromState(state: RunningTotalsState): RunningTotals {
    const totals = new RunningTotals();
    for (const [key, applied] of state.applied) totals.#applied.set(key, applied);
    for (const p of state.players) totals.#players.set(playerGameKey(p.gameId, p.personId), { ...p, stats: { ...p.stats } });
    for (const [personId, name] of state.names) totals.#names.set(personId, name);
    totals.#corrected = state.corrected;
    return totals;
  }
}
