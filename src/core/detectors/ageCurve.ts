/**
 * What is typical in an event, estimated from the event's own results: the season's level
 * (the median mark of each season, so that 1975 and 2025 are judged against their own
 * times) and the age curve (the median of the season-centred marks at each age, so that a
 * 17-year-old is judged against 17-year-olds). Medians, not fitted shapes: a top list mixes
 * senior and youth lists, and the median of each age follows whatever shape that gives.
 * A season or an age with few results borrows its neighbours until it has enough.
 */
import { median } from '../stats/robust';

/** Whole years, 14 and under as 14, 40 and over as 40; −1 when unknown. */
export function ageKey(age: number): number {
  if (!Number.isFinite(age)) return -1;
  return Math.min(40, Math.max(14, Math.floor(age)));
}

/**
 * The median of `values` per integer key, each key's window widened (k ± 1, ± 2…) until it
 * holds `minimum` values; keys without values get their nearest window too.
 */
function windowedMedians(keys: Int32Array, values: Float64Array, minimum: number): Map<number, number> {
  const byKey = new Map<number, number[]>();
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] < 0 || !Number.isFinite(values[i])) continue;
    (byKey.get(keys[i]) ?? byKey.set(keys[i], []).get(keys[i])!).push(values[i]);
  }
  const known = [...byKey.keys()].sort((a, b) => a - b);
  const out = new Map<number, number>();
  if (known.length === 0) return out;
  for (const k of known) {
    let from = k, to = k, pool = byKey.get(k)!;
    while (pool.length < minimum && (from > known[0] || to < known[known.length - 1])) {
      from--; to++;
      pool = known.filter((key) => key >= from && key <= to).flatMap((key) => byKey.get(key)!);
    }
    out.set(k, median(pool));
  }
  return out;
}

export interface EventNorms {
  /** Median goodness of each row's season (its window). */
  seasonLevel: Float64Array;
  /** Expected season-centred goodness at each row's age (the unknown-age median where age is unknown). */
  ageExpected: Float64Array;
  /** The age curve: age in whole years → expected season-centred goodness. */
  curve: Map<number, number>;
}

export function eventNorms(goodness: Float64Array, season: Int32Array, age: Float64Array, minimum = { season: 30, age: 40 }): EventNorms {
  const n = goodness.length;
  const seasons = windowedMedians(season, goodness, minimum.season);
  const seasonLevel = Float64Array.from(season, (s) => seasons.get(s) ?? 0);
  const centred = new Float64Array(n);
  for (let i = 0; i < n; i++) centred[i] = goodness[i] - seasonLevel[i];
  const keys = Int32Array.from(age, ageKey);
  const curve = windowedMedians(keys, centred, minimum.age);
  const unknown: number[] = [];
  for (let i = 0; i < n; i++) if (keys[i] < 0) unknown.push(centred[i]);
  const unknownLevel = unknown.length > 0 ? median(unknown) : n > 0 ? median(centred) : 0;
  const ageExpected = Float64Array.from(keys, (k) => (k < 0 ? unknownLevel : curve.get(k)!));
  return { seasonLevel, ageExpected, curve };
}
