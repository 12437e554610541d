/**
 * The running totals' memory of each applied action — the momentum factor it was scored
 * with, all a correction needs to take it away — as columns for a checkpoint: typed arrays
 * clone as one copy each, where tens of thousands of small objects would make every
 * checkpoint slower than the stream itself.
 */
export interface AppliedColumns {
  gameIds: string[];
  /** Per game: how many applied actions follow in the columns below. */
  counts: Int32Array;
  actionNumber: Float64Array;
  momentumFactor: Float64Array;
}

export function encodeApplied(games: readonly (readonly [string, ReadonlyMap<number, number>])[]): AppliedColumns {
  const total = games.reduce((sum, [, applied]) => sum + applied.size, 0);
  const columns: AppliedColumns = { gameIds: games.map(([gameId]) => gameId), counts: new Int32Array(games.length), actionNumber: new Float64Array(total), momentumFactor: new Float64Array(total) };
  let at = 0;
  games.forEach(([, applied], g) => {
    columns.counts[g] = applied.size;
    for (const [actionNumber, factor] of applied) {
      columns.actionNumber[at] = actionNumber;
      columns.momentumFactor[at++] = factor;
    }
  });
  return columns;
}

export function decodeApplied(columns: AppliedColumns): [string, Map<number, number>][] {
  const { gameIds, counts, actionNumber, momentumFactor } = columns;
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (counts.length !== gameIds.length || actionNumber.length !== total || momentumFactor.length !== total) {
    throw new Error(`invalid applied columns: ${gameIds.length} games, ${counts.length} counts, ${actionNumber.length} actions for ${total}`);
  }
  let at = 0;
  return gameIds.map((gameId, g) => {
    const applied = new Map<number, number>();
    for (let end = at + counts[g]; at < end; at++) applied.set(actionNumber[at], momentumFactor[at]);
    return [gameId, applied];
  });
}
