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
  // cells: stratum → key → rows
  const cells = new Map<number, Map<number, number[]>>();
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(values[i])) continue;
    const s = input.stratum ? input.stratum[i] : 0;
    const byKey = cells.get(s) ?? cells.set(s, new Map()).get(s)!;
    const k = key[i] < 0 ? -1 : key[i];
    (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(i);
  }
  for (const byKey of cells.values()) {
    const known = [...byKey.keys()].filter((k) => k >= 0).sort((a, b) => a - b);
    const pooled = (from: number, to: number): number[] => known.filter((k) => k >= from && k <= to).flatMap((k) => byKey.get(k)!);
    const judge = (rows: number[], reference: number[], from: number, to: number) => {
      const sorted = Float64Array.from(reference, (i) => values[i]).sort();
      const centre = median(sorted);
      const mad = 1.4826 * medianAbsoluteDeviation(sorted, centre);
      const sd = standardDeviation(sorted);
      const scale = mad > 0 ? mad : sd > 0 ? sd : 1;
      for (const i of rows) {
        z[i] = (values[i] - centre) / scale;
        probability[i] = Math.exp(normalLogUpperTail(z[i]));
        share[i] = (sorted.length - lowerBound(sorted, values[i])) / sorted.length;
        referenceSize[i] = sorted.length;
        keyFrom[i] = from;
        keyTo[i] = to;
      }
    };
    for (const [k, rows] of byKey) {
      if (k < 0) {
        if (rows.length >= minCell || known.length === 0) judge(rows, rows, -1, -1);
        else judge(rows, [...rows, ...pooled(-Infinity, Infinity)], known[0], known[known.length - 1]);
        continue;
      }
      let from = k, to = k, reference = rows;
      while (reference.length < minCell && (from > known[0] || to < known[known.length - 1])) {
        from--; to++;
        reference = pooled(from, to);
      }
      judge(rows, reference, Math.max(from, known[0]), Math.min(to, known[known.length - 1]));
    }
  }
  return { z, probability, share, referenceSize, keyFrom, keyTo };
}
