/**
 * The forest's lookup tables against walking its trees: the same path length for every row,
 * to the last bit, whatever the features' number, the ψ, duplicates, rows clipped to one
 * value (as the detector's better-side features are), rows outside the fitted range and NaN.
 */
import { describe, expect, it } from 'vitest';
import { fitIsolationForest, isolationScores, walkedPathLengths } from './isolationForest';
import { forestTables, tablePathLengths } from './isolationTables';
import { createRandom } from './random';

function rows(seed: number, n: number, p: number): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length: n * p }, (_, k) => {
    const v = random.normal();
    // A quarter of the values clipped to 0 and a tenth rounded: many duplicates and ties with cuts.
    return k % 4 === 0 ? Math.max(0, v) : k % 10 === 1 ? Math.round(v) : v;
  });
}

describe('isolation forest lookup tables', () => {
  it.each([
    [1, 256, 3_000], [2, 256, 5_000], [2, 16, 2_000], [3, 64, 2_000], [2, 1024, 4_000],
  ])('give every row the walk\u2019s path length exactly (%i features, \u03c8 %i, %i rows)', (p, samples, n) => {
    const fitted = rows(p * 100 + samples, n, p);
    const model = fitIsolationForest(fitted, p, { trees: 40, samples, seed: 3 });
    const tables = forestTables(model)!;
    expect(tables).not.toBeNull();
    // New rows too: beyond the fitted range, exactly on a cut, NaN.
    const scored = Float64Array.from([...fitted, ...rows(9, 500, p).map((v) => v * 3)]);
    scored[p * 7] = model.threshold[0];
    scored[p * 11 + p - 1] = NaN;
    const walked = walkedPathLengths(model, scored), looked = tablePathLengths(tables, scored);
    let differing = 0;
    for (let i = 0; i < walked.length; i++) if (!Object.is(walked[i], looked[i])) differing++;
    expect(differing).toBe(0);
    expect(walked.length).toBe(n + 500);
  });

  it('are not built when they would outgrow their budget (many features at a large \u03c8)', () => {
    const model = fitIsolationForest(rows(4, 5_000, 6), 6, { trees: 50, samples: 4096, seed: 1 });
    expect(forestTables(model)).toBeNull();
    // …and the scores are the walk's then.
    const points = rows(5, 200, 6);
    const normaliser = 50 * 2 * (Math.log(4095) + 0.5772156649015329) - (50 * 2 * 4095) / 4096;
    expect(Array.from(isolationScores(model, points))).toEqual(Array.from(walkedPathLengths(model, points), (t) => Math.pow(2, -t / normaliser)));
  });
});
