/**
 * Wind as a covariate, not an anomaly: in the events where it counts (sprints and hurdles
 * up to 200 m, long and triple jump) a following wind makes a mark better, so the marks are
 * compared as if run or jumped in still air. The effect per m/s is estimated from the event
 * itself, within each athlete's season (an athlete's windy days against their calm ones, so
 * a fast athlete's many windy races do not pass for wind), and never taken as negative.
 */
import { describeEvent } from '../athletics/events';
import type { EventColumns } from './types';
import { mapped } from '../stats/mapped';

export interface WindEffect {
  /** Goodness gained per m/s of following wind (0 where wind does not count). */
  perMetrePerSecond: number;
  /** Readings that went into the estimate. */
  readings: number;
}

export function windEffect(columns: EventColumns, goodness: Float64Array): WindEffect {
  const info = describeEvent(columns.event, columns.sex);
  if (info === null || !info.windCounts) return { perMetrePerSecond: 0, readings: 0 };
  const sums = new Map<string, { n: number; g: number; w: number }>();
  const keyOf = (i: number) => `${columns.athlete[i]}|${columns.season[i]}`;
  for (let i = 0; i < goodness.length; i++) {
    if (!Number.isFinite(columns.wind[i])) continue;
    const entry = sums.get(keyOf(i)) ?? sums.set(keyOf(i), { n: 0, g: 0, w: 0 }).get(keyOf(i))!;
    entry.n++; entry.g += goodness[i]; entry.w += columns.wind[i];
  }
  let sxy = 0, sxx = 0, readings = 0;
  for (let i = 0; i < goodness.length; i++) {
    if (!Number.isFinite(columns.wind[i])) continue;
    const entry = sums.get(keyOf(i))!;
    if (entry.n < 2) continue;
    const dw = columns.wind[i] - entry.w / entry.n;
    sxy += dw * (goodness[i] - entry.g / entry.n);
    sxx += dw * dw;
    readings++;
  }
  // Fewer than 50 paired readings say too little; no estimate then.
  const slope = readings >= 50 && sxx > 0 ? Math.max(0, sxy / sxx) : 0;
  return { perMetrePerSecond: slope, readings };
}

/** Goodness as in still air: the estimated gain of the reading taken off (no reading: as read). */
export function stillAirGoodness(columns: EventColumns, goodness: Float64Array, effect: WindEffect): Float64Array {
  if (effect.perMetrePerSecond === 0) return goodness;
  return mapped(Float64Array, goodness, (g, i) => (Number.isFinite(columns.wind[i]) ? g - effect.perMetrePerSecond * columns.wind[i] : g));
}
