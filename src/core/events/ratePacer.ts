/**
 * A constant event rate, for a source paced at N events a second (the benchmark's 50 % and
 * 90 % of the maximum throughput): the first line is due at once, line i (from 0) at
 * i / rate seconds. Pure arithmetic over elapsed time, so the same pacing runs in a test.
 */
export function checkEventsPerSecond(eventsPerSecond: number): number {
  if (!Number.isFinite(eventsPerSecond) || eventsPerSecond <= 0) throw new Error(`invalid events per second: ${eventsPerSecond}`);
  return eventsPerSecond;
}

/** How many lines are due after `elapsedMs` (counting the first, due at 0). */
export function linesDue(eventsPerSecond: number, elapsedMs: number): number {
  checkEventsPerSecond(eventsPerSecond);
  if (!(elapsedMs >= 0)) return 0;
  return Math.floor((eventsPerSecond * elapsedMs) / 1000 + 1e-9) + 1;
}

/** When line `index` (from 0) is due, in milliseconds from the start. */
export function lineDueMs(eventsPerSecond: number, index: number): number {
  checkEventsPerSecond(eventsPerSecond);
  if (!Number.isInteger(index) || index < 0) throw new Error(`invalid line index: ${index}`);
  return (index * 1000) / eventsPerSecond;
}
