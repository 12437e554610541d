/**
 * What is typical in an event, estimated from the event's own results: the season's level
 * (the median mark of each season, so that 1975 and 2025 are judged against their own
 * times) and the age curve (the median of the season-centred marks at each age, so that a
 * 17-year-old is judged against 17-year-olds). Medians, not fitted shapes: a top list mixes
 * senior and youth lists, and the median of each age follows whatever shape that gives.
 * A season or an age with few results borrows its neighbours until it has enough.
 */
import { median } from '../stats/robust';
import { sortOrder } from '../stats/sortOrder';

/** Whole years, 14 and under as 14, 40 and over as 40; −1 when unknown. */
export function ageKey(age: number): number {
  if (!Number.isFinite(age)) return -1;
  return Math.min(40, Math.max(14, Math.floor(age)));
}

/**
 * The median of `values` per integer key, each key's window widened (k ± 1, ± 2…) until it
 * holds `minimum` values; keys without values get their nearest window too. Rows are put in
 * key order once (sortOrder.ts), so each key's values are one run of it.
 */
function windowedMedians(keys: Int32Array, values: Float64Array, minimum: number): Map<number, number> {
  const order = sortOrder(keys);
  const known: number[] = [], starts: number[] = [];
  let m = 0;
  const kept = new Float64Array(keys.length); // the values of known keys, in key order
  for (let t = 0; t < order.length; t++) {
    const row = order[t];
    if (keys[row] < 0 || !Number.isFinite(values[row])) continue;
    if (known.length === 0 || known[known.length - 1] !== keys[row]) { known.push(keys[row]); starts.push(m); }
    kept[m++] = values[row];
  }
  starts.push(m);
  const out = new Map<number, number>();
  for (let j = 0; j < known.length; j++) {
    // Widen the window one key either side at a time; its values are one stretch of `kept`.
    let from = known[j], to = known[j], lo = j, hi = j;
    while (starts[hi + 1] - starts[lo] < minimum && (from > known[0] || to < known[known.length - 1])) {
      from--; to++;
      while (lo > 0 && known[lo - 1] >= from) lo--;
      while (hi + 1 < known.length && known[hi + 1] <= to) hi++;
    }
    out.set(known[j], median(kept.subarray(starts[lo], starts[hi + 1])));
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
  const seasonLevel = new Float64Array(n), centred = new Float64Array(n), keys = new Int32Array(n);
  const unknown: number[] = [];
  for (let i = 0; i < n; i++) {
    seasonLevel[i] = seasons.get(season[i]) ?? 0;
    centred[i] = goodness[i] - seasonLevel[i];
    keys[i] = ageKey(age[i]);
    if (keys[i] < 0) unknown.push(centred[i]);
  }
  const curve = windowedMedians(keys, centred, minimum.age);
  const unknownLevel = unknown.length > 0 ? median(unknown) : n > 0 ? median(centred) : 0;
  const ageExpected = new Float64Array(n);
  for (let i = 0; i < n; i++) ageExpected[i] = keys[i] < 0 ? unknownLevel : curve.get(keys[i])!;
  return { seasonLevel, ageExpected, curve };
}
