/**
 * What an analyst knows about a performance before judging it, computed once per event and
 * sex for every detector: the mark as goodness in still air, the season's level and the age
 * curve of the event (ageCurve.ts), the level of the mark against both in robust sd, the
 * athlete's results on earlier days (mean, count), and the athlete's seasons (the first one,
 * the best of all before this, the last one before this, the best of the three before this). Exposure (how many
 * results) is kept here to judge against, never as a sign of anything.
 */
import { median, medianAbsoluteDeviation } from '../stats/robust';
import { standardDeviation } from '../stats/descriptive';
import { sortOrder } from '../stats/sortOrder';
import { eventNorms, type EventNorms } from './ageCurve';
import { careerOrder, type CareerOrder } from './careerHistory';
import { goodnessOf } from './goodness';
import { stillAirGoodness, windEffect, type WindEffect } from './windAdjustment';
import type { EventColumns } from './types';
import { mapped } from '../stats/mapped';

export interface PerformanceContext {
  career: CareerOrder;
  wind: WindEffect;
  norms: EventNorms;
  /** Higher is better, in still air. */
  goodness: Float64Array;
  /** Goodness minus the season's level and the age curve. */
  residual: Float64Array;
  /** Robust sd of the residuals (1.4826 MAD): the event's unit of "how much better". */
  scale: number;
  /** residual / scale. */
  level: Float64Array;
  /** Share of the season's marks this one beats (ties half), in (0, 1). */
  seasonPercentile: Float64Array;
  /**
   * The event's peak age: the median age at which athletes with two or more seasons made
   * their best mark for its season (whole years); NaN without ages. Where the age curve is
   * flat at the top its maximum wanders, the ages of careers' best marks do not.
   */
  peakAge: number;
  /** The athlete's best goodness in earlier seasons (the personal best the season starts from); NaN in a first season. */
  bestBefore: Float64Array;
  /** The athlete's best level in earlier seasons; NaN in a first season. */
  bestBeforeLevel: Float64Array;
  /** The athlete's mean goodness on earlier days; NaN for a first day. */
  priorMean: Float64Array;
  /** The athlete's results on earlier days. */
  priorCount: Int32Array;
  /** 1 in the athlete's first season in the event. */
  firstSeason: Uint8Array;
  /** The athlete's last season with results before this one; NaN if none. */
  previousSeason: Float64Array;
  /** The best level of that season; NaN if none. */
  previousSeasonLevel: Float64Array;
  /** The athlete's best goodness in the three seasons before this one; NaN if none. */
  recentBest: Float64Array;
}

const cache = new WeakMap<EventColumns, PerformanceContext>();

export function performanceContext(columns: EventColumns): PerformanceContext {
  const cached = cache.get(columns);
  if (cached) return cached;
  const context = build(columns);
  cache.set(columns, context);
  return context;
}

function robustScale(values: Float64Array): number {
  if (values.length === 0) return 1;
  const mad = 1.4826 * medianAbsoluteDeviation(values, median(values));
  if (mad > 0) return mad;
  const sd = standardDeviation(values);
  return sd > 0 ? sd : 1;
}

function seasonPercentiles(season: Int32Array, goodness: Float64Array): Float64Array {
  // Rows by season, and within a season by goodness (ties side by side).
  const order = sortOrder(season, sortOrder(goodness));
  const out = new Float64Array(goodness.length);
  for (let first = 0; first < order.length;) {
    let last = first + 1;
    while (last < order.length && season[order[last]] === season[order[first]]) last++;
    const size = last - first;
    for (let t = first; t < last;) {
      let end = t + 1;
      while (end < last && goodness[order[end]] === goodness[order[t]]) end++;
      // Beats t marks, ties with end − t − 1: percentile of the midpoint, in (0, 1).
      const beaten = t - first + (end - t - 1) / 2;
      for (let u = t; u < end; u++) out[order[u]] = (beaten + 0.5) / size;
      t = end;
    }
    first = last;
  }
  return out;
}

function build(columns: EventColumns): PerformanceContext {
  const n = columns.mark.length;
  const raw = goodnessOf(columns);
  const wind = windEffect(columns, raw);
  const goodness = stillAirGoodness(columns, raw, wind);
  const norms = eventNorms(goodness, columns.season, columns.age);
  const residual = new Float64Array(n);
  for (let i = 0; i < n; i++) residual[i] = goodness[i] - norms.seasonLevel[i] - norms.ageExpected[i];
  const scale = robustScale(residual);
  const level = mapped(Float64Array, residual, (r) => r / scale);
  const career = careerOrder(columns);
  const { order, careerStart, pastEnd } = career;
  const bestBefore = new Float64Array(n).fill(NaN), bestBeforeLevel = new Float64Array(n).fill(NaN);
  const priorMean = new Float64Array(n).fill(NaN), priorCount = new Int32Array(n);
  const firstSeason = new Uint8Array(n), previousSeason = new Float64Array(n).fill(NaN);
  const previousSeasonLevel = new Float64Array(n).fill(NaN), recentBest = new Float64Array(n).fill(NaN);
  const bestAges: number[] = [];
  // The athlete's runs of one season in career order, with their best goodness and level, and
  // the best of all runs before each; reused from one career to the next.
  const runSeason = new Int32Array(n), runBest = new Float64Array(n), runLevel = new Float64Array(n);
  const beforeBest = new Float64Array(n), beforeLevel = new Float64Array(n), runOf = new Int32Array(n);
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && careerStart[end] === start) end++;
    // Earlier days: running sum up to pastEnd (the same day is not "earlier").
    let sum = 0, counted = start, runs = 0;
    for (let t = start; t < end; t++) {
      const row = order[t];
      while (counted < pastEnd[t]) {
        sum += goodness[order[counted++]];
      }
      const m = pastEnd[t] - start;
      priorCount[row] = m;
      if (m > 0) priorMean[row] = sum / m;
      const s = columns.season[row];
      if (runs === 0 || runSeason[runs - 1] !== s) {
        runSeason[runs] = s; runBest[runs] = goodness[row]; runLevel[runs] = level[row]; runs++;
      } else {
        runBest[runs - 1] = Math.max(runBest[runs - 1], goodness[row]);
        runLevel[runs - 1] = Math.max(runLevel[runs - 1], level[row]);
      }
      runOf[t] = runs - 1;
    }
    // The age of this career's best mark for its season, once the career has two seasons.
    if (runs >= 2) {
      let bestRow = -1;
      for (let t = start; t < end; t++) {
        const row = order[t];
        if (Number.isFinite(columns.age[row]) && (bestRow < 0 || goodness[row] - norms.seasonLevel[row] > goodness[bestRow] - norms.seasonLevel[bestRow])) bestRow = row;
      }
      if (bestRow >= 0) bestAges.push(Math.floor(columns.age[bestRow]));
    }
    const first = runSeason[0];
    beforeBest[0] = NaN; beforeLevel[0] = NaN;
    for (let k = 1, best = -Infinity, bestLevel = -Infinity; k < runs; k++) {
      best = Math.max(best, runBest[k - 1]);
      bestLevel = Math.max(bestLevel, runLevel[k - 1]);
      beforeBest[k] = best; beforeLevel[k] = bestLevel;
    }
    for (let t = start; t < end; t++) {
      const row = order[t];
      const s = columns.season[row];
      const k = runOf[t];
      firstSeason[row] = s === first ? 1 : 0;
      bestBefore[row] = beforeBest[k];
      bestBeforeLevel[row] = beforeLevel[k];
      if (k > 0) { previousSeason[row] = runSeason[k - 1]; previousSeasonLevel[row] = runLevel[k - 1]; }
      let recent = -Infinity;
      for (let j = k - 1; j >= 0 && runSeason[j] >= s - 3; j--) if (runSeason[j] < s) recent = Math.max(recent, runBest[j]);
      if (recent > -Infinity) recentBest[row] = recent;
    }
    start = end;
  }
  return {
    career, wind, norms, goodness, residual, scale, level, seasonPercentile: seasonPercentiles(columns.season, goodness),
    peakAge: bestAges.length > 0 ? median(bestAges) : NaN,
    bestBefore, bestBeforeLevel, priorMean, priorCount, firstSeason, previousSeason, previousSeasonLevel, recentBest,
  };
}
