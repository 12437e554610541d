/**
 * The running totals' memory of what each applied action credited (needed to take it away
 * when a correction comes), as columns for a checkpoint: typed arrays clone as one copy
 * each, where tens of thousands of small objects would make every checkpoint of a long
 * stream slower than the stream itself.
 */
import { STAT_KEYS, type StatLine } from './gameScore.ts';
import type { PlayerCredit } from './impactScorer.ts';

export interface AppliedEntry {
  gameId: string;
  actionNumber: number;
  momentumFactor: number;
  credits: PlayerCredit[];
}

export interface AppliedColumns {
  count: number;
  gameIds: string[];
  /** Per action: index into gameIds, actionNumber, momentumFactor, credit count. */
  game: Int32Array;
  actionNumber: Float64Array;
  momentumFactor: Float64Array;
  creditCount: Int32Array;
  /** Per credit, in action order: personId, teamId, the 12 counts, gameScore, impact. */
  credits: Float64Array;
}

const CREDIT_WIDTH = 2 + STAT_KEYS.length + 2;

export function encodeApplied(entries: readonly AppliedEntry[]): AppliedColumns {
  const gameIds: string[] = [];
  const gameIndex = new Map<string, number>();
  const count = entries.length;
  const columns = { game: new Int32Array(count), actionNumber: new Float64Array(count), momentumFactor: new Float64Array(count), creditCount: new Int32Array(count) };
  let totalCredits = 0;
  for (const entry of entries) totalCredits += entry.credits.length;
  const credits = new Float64Array(totalCredits * CREDIT_WIDTH);
  let at = 0;
  entries.forEach((entry, row) => {
    let index = gameIndex.get(entry.gameId);
    if (index === undefined) gameIndex.set(entry.gameId, (index = gameIds.push(entry.gameId) - 1));
    columns.game[row] = index;
    columns.actionNumber[row] = entry.actionNumber;
    columns.momentumFactor[row] = entry.momentumFactor;
    columns.creditCount[row] = entry.credits.length;
    for (const credit of entry.credits) {
      credits[at] = credit.personId;
      credits[at + 1] = credit.teamId;
      STAT_KEYS.forEach((key, i) => (credits[at + 2 + i] = credit.stats[key]));
      credits[at + 2 + STAT_KEYS.length] = credit.gameScore;
      credits[at + 3 + STAT_KEYS.length] = credit.impact;
      at += CREDIT_WIDTH;
    }
  });
  return { count, gameIds, ...columns, credits };
}

export function decodeApplied(columns: AppliedColumns): AppliedEntry[] {
  const { count, gameIds, game, actionNumber, momentumFactor, creditCount, credits } = columns;
  let totalCredits = 0;
  for (let row = 0; row < count; row++) totalCredits += creditCount[row];
  if (game.length !== count || actionNumber.length !== count || momentumFactor.length !== count || creditCount.length !== count || credits.length !== totalCredits * CREDIT_WIDTH) {
    throw new Error(`invalid applied columns: ${count} actions, ${credits.length} credit numbers`);
  }
  const entries: AppliedEntry[] = new Array(count);
  let at = 0;
  for (let row = 0; row < count; row++) {
    const gameId = gameIds[game[row]];
    if (gameId === undefined) throw new Error(`invalid applied columns: game index ${game[row]}`);
    const list: PlayerCredit[] = [];
    for (let c = 0; c < creditCount[row]; c++, at += CREDIT_WIDTH) {
      const stats = {} as StatLine;
      STAT_KEYS.forEach((key, i) => (stats[key] = credits[at + 2 + i]));
      list.push({ personId: credits[at], teamId: credits[at + 1], stats, gameScore: credits[at + 2 + STAT_KEYS.length], impact: credits[at + 3 + STAT_KEYS.length] });
    }
    entries[row] = { gameId, actionNumber: actionNumber[row], momentumFactor: momentumFactor[row], credits: list };
  }
  return entries;
}
