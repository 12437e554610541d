import { describe, expect, it } from 'vitest';
import { baseRate, confusionCounts, flagsAtThreshold, scoresAtThreshold, thresholdScores } from './confusion.ts';
import { aggregateByAthlete } from './athleteLevel.ts';
import { athleteLabels, performanceLabels, sanctionPeriod } from './labels.ts';
import { consensusOutliers } from './consensus.ts';
import { bestZScores, resultCountScores } from './baselines.ts';
import { evaluateByGroup, evaluateMethod } from './report.ts';

describe('confusion', () => {
  it('counts and scores by hand', () => {
    const labels = [1, 1, 0, 0, 1, 0];
    const flagged = [1, 0, 1, 0, 1, 0];
    expect(confusionCounts(labels, flagged)).toEqual({ tp: 2, fp: 1, fn: 1, tn: 2 });
    const s = thresholdScores({ tp: 2, fp: 1, fn: 1, tn: 2 });
    expect([s.precision, s.recall, s.f1]).toEqual([2 / 3, 2 / 3, 4 / 6]);
    expect(thresholdScores({ tp: 0, fp: 0, fn: 3, tn: 5 })).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(baseRate(labels)).toBe(0.5);
    expect(Array.from(flagsAtThreshold([0.2, 3, NaN, 3.5], 3))).toEqual([0, 1, 0, 1]);
    expect(scoresAtThreshold([0.9, 0.1, 0.8], [1, 0, 0], 0.5)).toMatchObject({ tp: 1, fp: 1, precision: 0.5, recall: 1 });
    expect(() => confusionCounts([1], [1, 0])).toThrow('confusionCounts: lengths differ (1 and 2)');
  });
});

describe('athlete level and labels', () => {
  const athleteOf = Int32Array.from([0, 0, 1, 2, 2, 2]);
  it('takes the max score and any flag per athlete', () => {
    const result = aggregateByAthlete(athleteOf, [1, 5, NaN, 2, 7, 3], [0, 1, 0, 0, 0, 0], 4);
    expect(Array.from(result.score)).toEqual([5, NaN, 7, NaN]);
    expect(Array.from(result.flagged)).toEqual([1, 0, 0, 0]);
    expect(Array.from(result.performances)).toEqual([2, 1, 3, 0]);
    expect(() => aggregateByAthlete([0, 9], [1, 1], [0, 0], 2)).toThrow('invalid athlete code at row 1: 9 (expected 0..1)');
  });
  it('labels performances up to and during the sanction', () => {
    expect(sanctionPeriod({ violationYears: [2009, 2012], banYears: 2 })).toEqual({ from: -Infinity, to: 2014 });
    expect(sanctionPeriod({ violationYears: [2009], banYears: 4 }, { yearsBefore: 1, throughBan: false })).toEqual({ from: 2008, to: 2009 });
    expect(sanctionPeriod({ violationYears: [], banYears: null })).toEqual({ from: -Infinity, to: Infinity });
    const seasons = [2005, 2016, 2010, 2008, 2011, 2013];
    const periods = new Map([[0, [{ from: -Infinity, to: 2014 }]], [2, [{ from: 2010, to: 2011 }]]]);
    expect(Array.from(performanceLabels(athleteOf, seasons, 3, periods))).toEqual([1, 0, 0, 0, 1, 0]);
    expect(Array.from(athleteLabels(3, [2]))).toEqual([0, 0, 1]);
  });
});

describe('consensus', () => {
  it('lists rows flagged by at least k methods with their methods', () => {
    const result = consensusOutliers([
      { id: 'zscore', flagged: [1, 0, 1, 1] },
      { id: 'iqr', flagged: [1, 0, 0, 1] },
      { id: 'lof', flagged: [0, 1, 0, 1] },
    ], 2);
    expect(Array.from(result.counts)).toEqual([2, 1, 1, 3]);
    expect(result.outliers).toEqual([{ row: 3, methods: ['zscore', 'iqr', 'lof'] }, { row: 0, methods: ['zscore', 'iqr'] }]);
    expect(() => consensusOutliers([], 0)).toThrow('invalid minMethods: 0');
  });
});

describe('baselines', () => {
  it('counts results and takes the best direction-aware z', () => {
    expect(Array.from(resultCountScores([0, 1, 1, 1], 3))).toEqual([1, 3, 0]);
    // group 0 higher is better: 1,2,3 → mean 2, sd 1 → z -1, 0, 1
    // group 1 lower is better: 10, 12 → mean 11, sd √2 → 10 is +0.7071, 12 is −0.7071
    const z = bestZScores({
      athleteOf: [0, 0, 1, 1, 2], athleteCount: 3, groupOf: [0, 0, 0, 1, 1], higherIsBetter: [1, 0], marks: [1, 2, 3, 10, 12],
    });
    expect(Array.from(z.performance).map((v) => v.toFixed(4))).toEqual(['-1.0000', '0.0000', '1.0000', '0.7071', '-0.7071']);
    expect(Array.from(z.athlete).map((v) => v.toFixed(4))).toEqual(['0.0000', '1.0000', '-0.7071']);
  });
});

describe('report', () => {
  it('puts threshold scores, AP and base rate in one row, overall and per group', () => {
    const row = evaluateMethod({ scores: [0.1, 0.4, 0.35, 0.8], flagged: [0, 0, 0, 1] }, [0, 0, 1, 1]);
    expect(row).toMatchObject({ n: 4, positives: 2, tp: 1, fp: 0, precision: 1, recall: 0.5, baseRate: 0.5 });
    expect(row.averagePrecision).toBeCloseTo(5 / 6, 12);
    expect(row.lift).toBeCloseTo(5 / 3, 12);
    const groups = evaluateByGroup({ scores: [3, 1, 2, 5, 4], flagged: [1, 0, 0, 1, 0] }, [1, 0, 1, 0, 1], [0, 0, 0, 2, 2], ['100m', 'LJ', 'HJ']);
    expect(groups.map((g) => [g.group, g.n, g.positives, g.tp, g.averagePrecision])).toEqual([
      ['100m', 3, 2, 1, 1],
      ['HJ', 2, 1, 0, 0.5],
    ]);
  });
});
