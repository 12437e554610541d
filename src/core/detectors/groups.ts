import { sortOrder } from '../stats/sortOrder';
import { mapped } from '../stats/mapped';

/**
 * Rows grouped by an integer key (season, athlete) in compressed form: the rows of group g
 * are order[offsets[g] .. offsets[g + 1]), in their original order within the group.
 */
export interface Groups {
  keys: Int32Array; // the key of each group, ascending
  order: Int32Array;
  offsets: Int32Array; // length groups + 1
}

export function groupByKey(keys: Int32Array): Groups {
  const n = keys.length;
  const order = sortOrder(keys);
  const starts: number[] = [];
  for (let t = 0; t < n; t++) if (t === 0 || keys[order[t]] !== keys[order[t - 1]]) starts.push(t);
  const offsets = Int32Array.from([...starts, n]);
  const groupKeys = mapped(Int32Array, starts, (t) => keys[order[t]]);
  return { keys: groupKeys, order, offsets };
}

/** The values of one group, gathered into a new array. */
export function groupValues(groups: Groups, group: number, values: Float64Array): Float64Array {
  const start = groups.offsets[group], end = groups.offsets[group + 1];
  const out = new Float64Array(end - start);
  for (let t = start; t < end; t++) out[t - start] = values[groups.order[t]];
  return out;
}

/** The group of every row. */
export function groupOfRow(groups: Groups): Int32Array {
  const out = new Int32Array(groups.order.length);
  for (let g = 0; g + 1 < groups.offsets.length; g++) {
    for (let t = groups.offsets[g]; t < groups.offsets[g + 1]; t++) out[groups.order[t]] = g;
  }
  return out;
}
