/**
 * A detector's judgement of a whole event, computed once per event's columns and parameters:
 * explaining forty flagged marks of one athlete asks for the same judgement forty times, and
 * each is a pass over tens of thousands of results. Kept only while the columns are in use.
 */
import type { EventColumns } from './types';

export function perEvent<Params, Result>(judge: (columns: EventColumns, params: Params) => Result): (columns: EventColumns, params?: Params) => Result {
  const judged = new WeakMap<EventColumns, Map<string, Result>>();
  return (columns, params) => {
    const key = JSON.stringify(params ?? null);
    let byParams = judged.get(columns);
    if (!byParams) judged.set(columns, (byParams = new Map()));
    if (!byParams.has(key)) byParams.set(key, judge(columns, params as Params));
    return byParams.get(key)!;
  };
}
