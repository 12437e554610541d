/**
 * How unusual a value is within its cell (the results of athletes of the same age, say):
 * its robust z against the cell (median, 1.4826 MAD), the normal upper-tail probability of
 * that z, and the plain share of the cell's values at least as large (itself included).
 * The share is what an analyst reads ("0.4 % improved as much"), but it cannot go below
 * 1/m and ties every value beyond the cell's largest; the normal tail of the robust z keeps
 * ordering the far tail, so it is the probability a detector scores. A cell with fewer
 * than `minCell` values borrows its neighbours along the ordered key (ages 26 and 28 for
 * 27, then 25 and 29…) within the same stratum, until it has enough; the unknown key (−1)
 * is a cell of its own, pooled with the whole stratum when it is small.
 */
import { normalLogUpperTail } from './normal';
import { median, medianAbsoluteDeviation } from './robust';
import { standardDeviation } from './descriptive';
import { sortOrder } from './sortOrder';
import { mapped } from './mapped';
export interface CellTailInput {
  /** The values to judge; NaN where a row is not judged. */
  values: Float64Array;
  /** An ordered key per row (an age in whole years); −1 for unknown. */
  key: Int32Array;
  /** A second dimension never pooled across (a level tercile); all 0 when absent. */
  stratum?: Int32Array;
  minCell: number;
}

export interface CellTail {
  /** Robust z of the value against its cell; NaN where the row is not judged. */
  z: Float64Array;
  /** Normal upper-tail probability of z; NaN where the row is not judged. */
  probability: Float64Array;
  /** Share of the cell's values at least as large, itself included; NaN where not judged. */
  share: Float64Array;
  /** How many values the row was judged against. */
  referenceSize: Int32Array;
  /** The range of keys pooled for the row (−1, −1 for the unknown key alone). */
  keyFrom: Int32Array;
  keyTo: Int32Array;
}

/** The first index of a sorted array whose value is ≥ x. */
function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function cellUpperTail(input: CellTailInput): CellTail {
  const { values, key, minCell } = input;
  const n = values.length;
  if (key.length !== n || (input.stratum && input.stratum.length !== n)) throw new Error(`cellUpperTail: lengths differ (${n} values, ${key.length} keys)`);
  if (!(minCell >= 1)) throw new Error(`invalid minCell: ${minCell}`);
  const probability = new Float64Array(n).fill(NaN), share = new Float64Array(n).fill(NaN), z = new Float64Array(n).fill(NaN);
  const referenceSize = new Int32Array(n), keyFrom = new Int32Array(n).fill(-1), keyTo = new Int32Array(n).fill(-1);
  // The judged rows by stratum, then key (the unknown key −1 first): a cell is one run of this
  // order and a window of neighbouring keys one stretch of it.
  const judged: number[] = [];
  for (let i = 0; i < n; i++) if (!Number.isNaN(values[i])) judged.push(i);
  const cellKey = mapped(Int32Array, key, (k) => (k < 0 ? -1 : k));
  const byKey = sortOrder(cellKey, Int32Array.from(judged));
  const order = input.stratum ? sortOrder(input.stratum, byKey) : byKey;
  const stratumOf = (t: number) => (input.stratum ? input.stratum[order[t]] : 0);
  const judge = (rowsFrom: number, rowsTo: number, refFrom: number, refTo: number, from: number, to: number) => {
    const sorted = new Float64Array(refTo - refFrom);
    for (let t = refFrom; t < refTo; t++) sorted[t - refFrom] = values[order[t]];
    sorted.sort();
    const centre = median(sorted);
    const mad = 1.4826 * medianAbsoluteDeviation(sorted, centre);
    const sd = standardDeviation(sorted);
    const scale = mad > 0 ? mad : sd > 0 ? sd : 1;
    for (let t = rowsFrom; t < rowsTo; t++) {
      const i = order[t];
      z[i] = (values[i] - centre) / scale;
      probability[i] = Math.exp(normalLogUpperTail(z[i]));
      share[i] = (sorted.length - lowerBound(sorted, values[i])) / sorted.length;
      referenceSize[i] = sorted.length;
      keyFrom[i] = from;
      keyTo[i] = to;
    }
  };
  for (let first = 0; first < order.length;) {
    // One stratum: its cells' keys and where each cell starts (starts[c + 1] where it ends).
    let last = first;
    const keys: number[] = [], starts: number[] = [];
    while (last < order.length && stratumOf(last) === stratumOf(first)) {
      if (keys.length === 0 || keys[keys.length - 1] !== cellKey[order[last]]) { keys.push(cellKey[order[last]]); starts.push(last); }
      last++;
    }
    starts.push(last);
    const knownFrom = keys[0] < 0 ? 1 : 0, knownTo = keys.length - 1; // the known keys' cells
    const hasKnown = knownFrom <= knownTo;
    for (let c = 0; c < keys.length; c++) {
      const size = starts[c + 1] - starts[c];
      if (keys[c] < 0) {
        if (size >= minCell || !hasKnown) judge(starts[c], starts[c + 1], starts[c], starts[c + 1], -1, -1);
        else judge(starts[c], starts[c + 1], first, last, keys[knownFrom], keys[knownTo]);
        continue;
      }
      let from = keys[c], to = keys[c], lo = c, hi = c;
      while (starts[hi + 1] - starts[lo] < minCell && (from > keys[knownFrom] || to < keys[knownTo])) {
        from--; to++;
        while (lo > knownFrom && keys[lo - 1] >= from) lo--;
        while (hi < knownTo && keys[hi + 1] <= to) hi++;
      }
      judge(starts[c], starts[c + 1], starts[lo], starts[hi + 1], Math.max(from, keys[knownFrom]), Math.min(to, keys[knownTo]));
    }
    first = last;
  }
  return { z, probability, share, referenceSize, keyFrom, keyTo };
}
