/**
 * Each statistical detector on a handful of marks, with the expected score worked out by
 * hand in the comments (not copied from the code's output).
 */
import { describe, expect, it } from 'vitest';
import { runDetector, explainPerformance } from '../registry';
import type { EventColumns } from '../types';

function event(direction: 'lower' | 'higher', marks: number[], athletes: number[], seasons: number[], days?: number[]): EventColumns {
  const n = marks.length;
  return {
    event: direction === 'lower' ? '100-metres' : 'long-jump', sex: 'male', direction,
    mark: Float64Array.from(marks), athlete: Int32Array.from(athletes), season: Int32Array.from(seasons),
    dayNumber: Float64Array.from(days ?? marks.map((_, i) => i)), age: new Float64Array(n).fill(NaN),
    wind: new Float64Array(n).fill(NaN),
  };
}

describe('z-score within season', () => {
  it('is (goodness − season mean)/population sd, with times negated', () => {
    // Season 2020 times 10, 11, 12, 13, 14: mean 12, population sd √2 = 1.41421.
    // 10.00 s is 2 s faster: z = 2/√2 = 1.41421; 14.00 s: −1.41421. Season 2021 (5 × 9) has no spread: 0.
    const columns = event('lower', [10, 11, 12, 13, 14, 9, 9, 9, 9, 9], Array(10).fill(0), [2020, 2020, 2020, 2020, 2020, 2021, 2021, 2021, 2021, 2021]);
    const run = runDetector('z-score', columns, { threshold: 1.4 }, 0);
    expect(run.scores[0]).toBeCloseTo(Math.SQRT2, 10);
    expect(run.scores[4]).toBeCloseTo(-Math.SQRT2, 10);
    expect(run.scores[2]).toBe(0);
    expect(Array.from(run.scores.slice(5))).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(run.flagged)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(explainPerformance('z-score', columns, 0, run, { threshold: 1.4 })).toBe(
      "10.00 s is 1.4 sd better than the 2020 season's mean of 12.00 s (sd 1.41, 5 results).",
    );
  });
});

describe('IQR within season', () => {
  it('scores (goodness − Q3)/IQR with numpy-linear quartiles', () => {
    // Jumps 7.0, 7.2, 7.4, 7.6, 8.8 m: Q1 at position 1 = 7.2, Q3 at position 3 = 7.6, IQR 0.4.
    // 8.8 m: (8.8 − 7.6)/0.4 = 3.0; 7.0 m: (7.0 − 7.6)/0.4 = −1.5. Fence 1.5 flags only 8.8.
    const columns = event('higher', [7.0, 7.2, 7.4, 7.6, 8.8], [0, 1, 2, 3, 4], Array(5).fill(2019));
    const run = runDetector('iqr', columns, {}, 0);
    expect(run.scores[4]).toBeCloseTo(3.0, 10);
    expect(run.scores[0]).toBeCloseTo(-1.5, 10);
    expect(Array.from(run.flagged)).toEqual([0, 0, 0, 0, 1]);
    expect(explainPerformance('iqr', columns, 4, run, {})).toBe(
      "8.80 m is 3.00 IQR beyond the 2019 season's better quartile of 7.60 m (IQR 0.40, fence at 1.5 IQR).",
    );
  });
});

describe("modified z-score against the athlete's previous seasons", () => {
  it('uses only earlier seasons within the window and 0.6745·(x − median)/MAD', () => {
    // Athlete 0: 2017 11.50 (outside a 2-season window of 2020), 2018 11.0, 11.2; 2019 11.1, 11.4; 2020 10.5.
    // Window 2018–2019 times 11.0, 11.2, 11.1, 11.4: median 11.15, |dev| 0.15, 0.05, 0.05, 0.25 → MAD 0.10.
    // 10.5 s is 0.65 s better: z = 0.6745 × 0.65/0.10 = 4.38425.
    const marks = [11.5, 11.0, 11.2, 11.1, 11.4, 10.5];
    const columns = event('lower', marks, Array(6).fill(0), [2017, 2018, 2018, 2019, 2019, 2020]);
    const run = runDetector('modified-z-score', columns, {}, 0);
    expect(run.scores[5]).toBeCloseTo(4.38425, 8);
    // 2019's 11.1: window 2017–2018 has 3 results 11.5, 11.0, 11.2 → median 11.2, MAD 0.2,
    // z = 0.6745 × 0.1/0.2 = 0.33725.
    expect(run.scores[3]).toBeCloseTo(0.33725, 8);
    expect(run.scores[1]).toBe(0); // only one earlier result: not judged
    expect(Array.from(run.flagged)).toEqual([0, 0, 0, 0, 0, 1]);
    expect(explainPerformance('modified-z-score', columns, 5, run, {})).toBe(
      "10.50 s is 4.4 robust z better than this athlete's 11.15 s median of the previous 2 seasons (4 results).",
    );
  });
});

describe("percentile rank in the athlete's own history", () => {
  it('scores −log10((1 + #earlier at least as good)/(m + 1))', () => {
    // Athlete 0 jumps 7.0, 7.5, 7.2, 7.5, 7.1 then 7.6 (5 earlier, none as good): p = 1/6, score log10 6 = 0.778151.
    // The 4th jump 7.5 has earlier 7.0, 7.5, 7.2 (m = 3 < minResults 5): not judged.
    // With minResults 3, that 7.5 ties one and beats two: p = (1 + 1)/4 = 0.5, score log10 2 = 0.30103.
    const columns = event('higher', [7.0, 7.5, 7.2, 7.5, 7.1, 7.6], Array(6).fill(0), Array(6).fill(2021));
    const run = runDetector('history-percentile', columns, { significance: 0.2 }, 0);
    expect(run.scores[5]).toBeCloseTo(Math.log10(6), 10);
    expect(run.scores[3]).toBe(0);
    expect(run.threshold).toBeCloseTo(Math.log10(5), 10);
    expect(Array.from(run.flagged)).toEqual([0, 0, 0, 0, 0, 1]); // 1/6 = 0.167 ≤ 0.2 flags
  });

  it('counts ties half in the percentile and sees same-day results as not past', () => {
    const columns = event('higher', [7.0, 7.5, 7.2, 7.5, 7.1, 7.6], Array(6).fill(0), Array(6).fill(2021), [1, 2, 3, 4, 4, 5]);
    const run = runDetector('history-percentile', columns, { minResults: 3 }, 0);
    // 7.5 on day 4 has past days 1–3 (7.0, 7.5, 7.2), not the 7.1 of the same day: p = 2/4.
    expect(run.scores[3]).toBeCloseTo(Math.log10(2), 10);
    expect(explainPerformance('history-percentile', columns, 3, run, { minResults: 3 })).toBe(
      "7.50 m beats 83 % of this athlete's 3 earlier results (percentile rank 83.3; a chance of 0.50 to rank this high).",
    );
  });
});
