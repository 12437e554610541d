/**
 * An athlete's past, once for every detector that judges a performance against the
 * athlete's own earlier results: rows sorted by athlete, then day; a row's past is the
 * athlete's rows on strictly earlier days (results of the same day are not each other's past).
 */
import { sortOrder } from '../stats/sortOrder';
import type { EventColumns } from './types';

export interface CareerOrder {
  order: Int32Array; // row indices by athlete, day, row
  careerStart: Int32Array; // per position: first position of this athlete
  pastEnd: Int32Array; // per position: end (exclusive) of the rows on earlier days
}

export function careerOrder(columns: EventColumns): CareerOrder {
  const { athlete, dayNumber } = columns;
  const n = athlete.length;
  // By day, then (keeping that order among an athlete's rows) by athlete: by athlete, day, row.
  const order = sortOrder(athlete, sortOrder(dayNumber));
  const careerStart = new Int32Array(n), pastEnd = new Int32Array(n);
  for (let t = 0; t < n; t++) {
    const row = order[t];
    const sameAthlete = t > 0 && athlete[order[t - 1]] === athlete[row];
    careerStart[t] = sameAthlete ? careerStart[t - 1] : t;
    pastEnd[t] = sameAthlete && dayNumber[order[t - 1]] === dayNumber[row] ? pastEnd[t - 1] : t;
  }
  return { order, careerStart, pastEnd };
}

/** Values of the rows of a past range [start, end) of the career order that pass `keep`. */
export function pastValues(career: CareerOrder, start: number, end: number, values: Float64Array, keep: (row: number) => boolean = () => true): Float64Array {
  const out: number[] = [];
  for (let t = start; t < end; t++) if (keep(career.order[t])) out.push(values[career.order[t]]);
  return Float64Array.from(out);
}
