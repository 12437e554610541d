import { describe, expect, it } from 'vitest';
import { decodeApplied, encodeApplied, type AppliedEntry } from './appliedColumns.ts';
import { emptyStatLine } from './gameScore.ts';
import { RunningTotals } from './runningTotals.ts';

const made2 = { ...emptyStatLine(), pts: 2, fgm: 1, fga: 1 };
const entries: AppliedEntry[] = [
  // A made 2 with an assist: two credits; then a substitution: none; then another game.
  { gameId: 'g1', actionNumber: 7, momentumFactor: 1.1, credits: [
    { personId: 101, teamId: 10, stats: made2, gameScore: 1.7, impact: 1.87 },
    { personId: 102, teamId: 10, stats: { ...emptyStatLine(), ast: 1 }, gameScore: 0.7, impact: 0.77 },
  ] },
  { gameId: 'g1', actionNumber: 8, momentumFactor: 1, credits: [] },
  { gameId: 'g2', actionNumber: 3, momentumFactor: 0.9, credits: [{ personId: 201, teamId: 20, stats: { ...emptyStatLine(), tov: 1 }, gameScore: -1, impact: -0.9 }] },
];

describe('appliedColumns', () => {
  it('gives back every applied action and credit, in order', () => {
    const columns = encodeApplied(entries);
    expect(columns.gameIds).toEqual(['g1', 'g2']);
    // 3 credits × (personId, teamId, 12 counts, gameScore, impact)
    expect(columns.credits.length).toBe(3 * 16);
    expect(decodeApplied(structuredClone(columns))).toEqual(entries);
  });

  it('refuses columns that do not add up', () => {
    const columns = encodeApplied(entries);
    expect(() => decodeApplied({ ...columns, creditCount: Int32Array.from([2, 0, 2]) })).toThrow('invalid applied columns: 3 actions, 48 credit numbers');
    expect(() => decodeApplied({ ...columns, game: Int32Array.from([0, 0, 5]) })).toThrow('invalid applied columns: game index 5');
  });
});
