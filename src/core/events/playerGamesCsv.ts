/**
 * The streaming totals of every player-game as CSV, for the analyst's export and for the
 * checks that compare them with an official box score. Game Score is written with two
 * decimals from the whole-number counts (it is a multiple of 0.1, so nothing is lost);
 * a name with a comma or a quote is quoted as RFC 4180 says.
 */
import { STAT_KEYS } from './gameScore.ts';
import type { PlayerTotal } from './runningTotals.ts';

function field(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function playerGamesCsv(players: readonly PlayerTotal[]): string {
  const header = ['gameId', 'personId', 'playerName', 'teamId', ...STAT_KEYS, 'gameScore', 'impact'];
  const rows = [...players]
    .sort((a, b) => (a.gameId < b.gameId ? -1 : a.gameId > b.gameId ? 1 : a.personId - b.personId))
    .map((p) => [field(p.gameId), p.personId, field(p.playerName), p.teamId, ...STAT_KEYS.map((k) => p.stats[k]), p.gameScore.toFixed(2), p.impact.toFixed(4)].join(','));
  return `${[header.join(','), ...rows].join('\n')}\n`;
}
