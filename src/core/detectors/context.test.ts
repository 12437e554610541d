/**
 * The shared context every detector judges against, on hand-made careers whose figures are
 * worked out in the comments: cells and their tails, the wind effect, the event's season
 * level and age curve, and an athlete's earlier seasons.
 */
import { describe, expect, it } from 'vitest';
import { cellUpperTail } from '../stats/cellTail';
import { ageKey, eventNorms } from './ageCurve';
import { performanceContext } from './performanceContext';
import { explainPerformance, runDetector } from './registry';
import { windEffect } from './windAdjustment';
import type { EventColumns } from './types';

function columns(event: string, direction: 'lower' | 'higher', rows: [athlete: number, season: number, mark: number, age?: number, wind?: number][]): EventColumns {
  return {
    event, sex: 'male', direction,
    mark: Float64Array.from(rows, (r) => r[2]), athlete: Int32Array.from(rows, (r) => r[0]), season: Int32Array.from(rows, (r) => r[1]),
    dayNumber: Float64Array.from(rows, (r, i) => (r[1] - 1970) * 365 + i), age: Float64Array.from(rows, (r) => r[3] ?? NaN),
    wind: Float64Array.from(rows, (r) => r[4] ?? NaN),
  };
}

describe('cellUpperTail', () => {
  it('judges a value within its cell, borrowing neighbouring keys when the cell is small', () => {
    // Key 20: values 1..5 (5 values) — fewer than 6, so keys 19–21 are pooled: 1..5 plus 10 (key 21).
    // 10 against {1,2,3,4,5,10}: share 1/6; median 3.5, |dev| 2.5 1.5 .5 .5 1.5 6.5 → MAD 1.5, scale 2.2239.
    const values = Float64Array.from([1, 2, 3, 4, 5, 10, 7, NaN]);
    const key = Int32Array.from([20, 20, 20, 20, 20, 21, 30, 20]);
    const tail = cellUpperTail({ values, key, minCell: 6 });
    expect(tail.share[5]).toBeCloseTo(1 / 6, 12);
    expect(tail.z[5]).toBeCloseTo((10 - 3.5) / (1.4826 * 1.5), 10);
    expect([tail.keyFrom[0], tail.keyTo[0]]).toEqual([20, 21]); // the keys that exist within 19–21
    expect(tail.referenceSize[0]).toBe(6);
    // Key 30 is far: its window grows until every key is in (7 values).
    expect(tail.referenceSize[6]).toBe(7);
    expect(tail.probability[7]).toBeNaN();
    expect(tail.probability[5]).toBeLessThan(tail.probability[4]);
  });
});

describe('wind', () => {
  it("estimates the gain per m/s within athletes' seasons, and none where wind does not count", () => {
    // Two athletes far apart in level; within each season the mark gains 0.06 s per m/s.
    const rows: [number, number, number, number, number][] = [];
    for (let a = 0; a < 2; a++) for (let r = 0; r < 40; r++) {
      const wind = ((r * 7) % 9) / 2 - 2;
      rows.push([a, 2020, 10 + a - 0.06 * wind, 25, wind]);
    }
    const sprint = columns('100-metres', 'lower', rows);
    const effect = windEffect(sprint, Float64Array.from(sprint.mark, (m) => -m));
    expect(effect.perMetrePerSecond).toBeCloseTo(0.06, 10);
    expect(effect.readings).toBe(80);
    const still = performanceContext(sprint).goodness;
    // In still air every race of an athlete is the same mark.
    expect(still[0]).toBeCloseTo(-10, 10);
    expect(still[39]).toBeCloseTo(-10, 10);
    expect(windEffect(columns('400-metres', 'lower', rows), Float64Array.from(sprint.mark, (m) => -m)).perMetrePerSecond).toBe(0);
  });
});

describe('event norms', () => {
  it("takes each season's median and the median at each age of the season-centred marks", () => {
    // Season 2000: 10, 20, 30 (median 20); season 2001: 40, 50, 60 (median 50).
    // Centred: −10, 0, 10 | −10, 0, 10 at ages 20, 21, 22 | 20, 21, 22 → age curve −10, 0, 10.
    const goodness = Float64Array.from([10, 20, 30, 40, 50, 60]);
    const norms = eventNorms(goodness, Int32Array.from([2000, 2000, 2000, 2001, 2001, 2001]), Float64Array.from([20.5, 21.5, 22.5, 20.1, 21.9, 22.2]), { season: 3, age: 2 });
    expect(Array.from(norms.seasonLevel)).toEqual([20, 20, 20, 50, 50, 50]);
    expect(Array.from(norms.ageExpected)).toEqual([-10, 0, 10, -10, 0, 10]);
    expect([ageKey(12.3), ageKey(NaN), ageKey(55)]).toEqual([14, -1, 40]);
  });
});

describe('an athlete\u2019s earlier seasons', () => {
  it('knows the best of earlier seasons, the first season, the last season before and the best of the three before', () => {
    // Athlete 0 (long jump): 2010 7.00 7.20 | 2011 7.10 | 2015 7.90 (after three seasons away) | 2016 7.50.
    const context = performanceContext(columns('long-jump', 'higher', [
      [0, 2010, 7.0, 20], [0, 2010, 7.2, 20], [0, 2011, 7.1, 21], [0, 2015, 7.9, 25], [0, 2016, 7.5, 26], [1, 2010, 6.5, 22],
    ]));
    expect(Array.from(context.firstSeason)).toEqual([1, 1, 0, 0, 0, 1]);
    expect(Array.from(context.bestBefore).slice(0, 5)).toEqual([NaN, NaN, 7.2, 7.2, 7.9]);
    expect(Array.from(context.previousSeason).slice(0, 5)).toEqual([NaN, NaN, 2010, 2011, 2015]);
    // 2015's three seasons before (2012–2014) are empty; 2016's hold 2015's 7.90.
    expect(Array.from(context.recentBest).slice(0, 5)).toEqual([NaN, NaN, 7.2, NaN, 7.9]);
    expect(Array.from(context.priorCount).slice(0, 5)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('the new detectors explain in the sport\u2019s words', () => {
  it('improvement beyond age names the earlier best, the cell and the chance', () => {
    const rows: [number, number, number, number][] = [];
    for (let a = 0; a < 60; a++) for (let s = 0; s < 3; s++) rows.push([a, 2000 + s, 47 - 0.1 * s + (a % 7) * 0.05, 24 + s]);
    rows.push([60, 2000, 47.5, 24], [60, 2001, 45.0, 25]);
    const event = columns('400-metres', 'lower', rows);
    const run = runDetector('improvement-beyond-age', event, {}, 1);
    const last = event.mark.length - 1;
    expect(run.scores[last]).toBe(Math.max(...Array.from(run.scores)));
    expect(run.flagged[last]).toBe(1);
    // 47.50 s is a slow earlier best (the lowest third); 2.50 s off it tops the 33 results at 25–26 (1/33 = 3.0 %).
    expect(explainPerformance('improvement-beyond-age', event, last, run, {})).toMatch(
      /^45\.00 s is 2\.50 s faster than this athlete's best of earlier seasons, 47\.50 s; among 33 results of athletes aged 25–26 in the lowest third by earlier best, 3\.0 % improved as much \(robust z [\d.]+, chance 1 in [\d,]+\)\.$/,
    );
    expect(explainPerformance('improvement-beyond-age', event, 0, run, {})).toBe("47.00 s is not judged: it is in this athlete's first season in the event, with no earlier best to improve on.");
  });
});
