/** The radix order against a comparator sort of the indices, and average ranks against counting. */
import { describe, expect, it } from 'vitest';
import { createRandom } from './random';
import { averageRanks } from './ranks';
import { sortOrder } from './sortOrder';

function awkward(seed: number, n: number): Float64Array {
  const random = createRandom(seed);
  const special = [0, -0, Infinity, -Infinity, NaN, 1e-310, -1e-310, Number.MAX_VALUE, -Number.MAX_VALUE, 2.5, -2.5];
  const values = Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? special[random.int(special.length)] : i % 3 === 0 ? Math.round(random.normal() * 4) / 4 : random.normal() * 10 ** random.int(6)));
  // A NaN with its sign bit set, which a naive bit key would sort first.
  new Uint32Array(values.buffer)[2 * 5 + 1] = 0xfff80000;
  return values;
}

/** The stable comparator order of `indices` (all when absent): the definition sortOrder must meet. */
function comparatorOrder(values: ArrayLike<number>, indices?: number[]): number[] {
  const position = new Map((indices ?? Array.from({ length: values.length }, (_, i) => i)).map((row, p) => [row, p]));
  return [...position.keys()].sort((a, b) => {
    const x = values[a], y = values[b];
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) === Number.isNaN(y) ? position.get(a)! - position.get(b)! : Number.isNaN(x) ? 1 : -1;
    return x < y ? -1 : x > y ? 1 : position.get(a)! - position.get(b)!;
  });
}

describe('sortOrder', () => {
  it.each([[50], [300], [5_000], [20_000]])('is the stable comparator order, NaN last and ±0 equal (%i values)', (n) => {
    const values = awkward(n, n);
    expect(Number.isNaN(values[5])).toBe(true);
    expect(Array.from(sortOrder(values))).toEqual(comparatorOrder(values));
  });

  it.each([[300], [20_000]])('keeps values already in order as they are: ties, ±0 and trailing NaN (%i values)', (n) => {
    const values = awkward(n, n);
    const sorted = Float64Array.from(comparatorOrder(values).map((i) => values[i]));
    expect(Array.from(sortOrder(sorted))).toEqual(Array.from({ length: n }, (_, i) => i));
    const days = Int32Array.from({ length: n }, (_, i) => 7000 + Math.floor(i / 3));
    expect(Array.from(sortOrder(days))).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it.each([[300], [20_000]])('sorts values that are in order but for one: a NaN before the end, a step back (%i values)', (n) => {
    const base = Float64Array.from({ length: n }, (_, i) => i / 4);
    const nanInside = base.slice(); nanInside[n >> 1] = NaN;
    expect(Array.from(sortOrder(nanInside))).toEqual(comparatorOrder(nanInside));
    const stepBack = base.slice(); stepBack[n - 1] = stepBack[n - 2] - 1;
    expect(Array.from(sortOrder(stepBack))).toEqual(comparatorOrder(stepBack));
    expect(Array.from(sortOrder(stepBack)).slice(-2)).not.toEqual([n - 2, n - 1]);
  });

  it('sorts within given indices, stable in their order, and keeps them when their values already ascend', () => {
    const values = awkward(4, 3_000);
    const within = Int32Array.from(comparatorOrder(values, Array.from({ length: 3_000 }, (_, i) => 2_999 - i)));
    expect(Array.from(sortOrder(values, within))).toEqual(Array.from(within));
    const shuffled = Int32Array.from({ length: 3_000 }, (_, i) => (i * 7919) % 3_000);
    expect(Array.from(sortOrder(values, shuffled))).toEqual(comparatorOrder(values, Array.from(shuffled)));
  });
});

describe('averageRanks', () => {
  it('gives each value 1 + (values below) + (ties − 1)/2, NaN none', () => {
    const values = awkward(9, 2_000);
    const ranks = averageRanks(values);
    for (let i = 0; i < values.length; i += 37) {
      if (Number.isNaN(values[i])) { expect(ranks[i]).toBeNaN(); continue; }
      let below = 0, equal = 0;
      for (const v of values) { if (v < values[i]) below++; else if (v === values[i]) equal++; }
      expect(ranks[i]).toBe(below + (equal + 1) / 2);
    }
  });
});

describe('sortOrder within an order', () => {
  it.each([[100], [4_000]])('sorting by day, then by athlete, orders by athlete, day, index (%i rows)', (n) => {
    const random = createRandom(n);
    const athlete = Int32Array.from({ length: n }, () => random.int(n / 20) - n / 40); // negative ids too
    const day = Float64Array.from({ length: n }, () => random.int(50));
    const expected = Array.from({ length: n }, (_, i) => i).sort((a, b) => athlete[a] - athlete[b] || day[a] - day[b] || a - b);
    expect(Array.from(sortOrder(athlete, sortOrder(day)))).toEqual(expected);
  });
});
