import { describe, expect, it } from 'vitest';
import { decodeApplied, encodeApplied } from './appliedColumns.ts';

const games: [string, Map<number, number>][] = [['g1', new Map([[7, 1.1], [8, 1]])], ['g2', new Map([[3, 0.9]])]];

describe('appliedColumns', () => {
  it('gives back every applied action and its momentum factor, game by game', () => {
    const columns = encodeApplied(games);
    expect(columns.gameIds).toEqual(['g1', 'g2']);
    expect(Array.from(columns.counts)).toEqual([2, 1]);
    expect(decodeApplied(structuredClone(columns))).toEqual(games);
  });

  it('refuses columns that do not add up', () => {
    const columns = encodeApplied(games);
    expect(() => decodeApplied({ ...columns, counts: Int32Array.from([2, 2]) })).toThrow('invalid applied columns: 2 games, 2 counts, 3 actions for 4');
  });
});
