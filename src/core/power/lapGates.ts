/** A head unit's lap (FIT lap message), on the ride's clock in seconds. */
export interface RideLap {
  readonly startTime: number;
  readonly endTime: number;
}

/**
 * A head unit's laps as gate times, so a recorded ride lands in the matrix without taps:
 * each lap's start opens a segment, the last lap's end closes it. Gates are contiguous, so
 * when the rider paused between two laps the pause belongs to the earlier segment's
 * duration; its power metrics do not change, since a pause holds no samples.
 */
export function gatesFromLaps(laps: readonly RideLap[]): number[] {
  laps.forEach((lap, i) => {
    if (!Number.isFinite(lap.startTime) || !Number.isFinite(lap.endTime)) throw new Error(`invalid lap ${i + 1}: start ${lap.startTime}, end ${lap.endTime}`);
    if (lap.endTime < lap.startTime) throw new Error(`invalid lap ${i + 1}: ends at ${lap.endTime} before it starts at ${lap.startTime}`);
  });
  if (laps.length === 0) return [];
  const ordered = [...laps].sort((a, b) => a.startTime - b.startTime);
  const gates = ordered.map((lap) => lap.startTime);
  gates.push(Math.max(...ordered.map((lap) => lap.endTime)));
  // Two laps starting together (a lap button pressed twice) make one gate, not an empty segment.
  return gates.filter((t, i) => i === 0 || t > gates[i - 1]);
}
