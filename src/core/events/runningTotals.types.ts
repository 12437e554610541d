/**
 * What running totals give out and keep in a checkpoint (runningTotals.ts): a player-game's
 * total, the state a checkpoint holds, and the key that names a player-game.
 */
import type { AppliedColumns } from './appliedColumns.ts';
import type { StatLine } from './gameScore.ts';
import type { PlayerLine } from './leaderboard.ts';

/** A player-game's running line: the leaderboard's PlayerLine, one shape for both. */
export type PlayerTotal = PlayerLine;

export interface PlayerState {
  gameId: string;
  personId: number;
  teamId: number;
  stats: StatLine;
  impact: number;
}

export interface RunningTotalsState {
  /** The open games' applied actions as columns (cheap to clone). */
  applied: AppliedColumns;
  players: PlayerState[];
  names: [number, string][];
  corrected: number;
  /** Actions applied in games closed since (their totals are archived apart). */
  closedApplied: number;
}

export function playerGameKey(gameId: string, personId: number): string {
  return `${gameId}:${personId}`;
}
