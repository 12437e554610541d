/** A head unit's lap (FIT lap message, laps file, an interval), on the ride's clock in seconds. */
export interface RideLap {
  readonly startTime: number;
  readonly endTime: number;
}

/**
 * A gate on a rider's clock. A gate that `opens` starts a segment (and closes the one before);
 * one that does not only closes: the time until the next gate belongs to no segment — the
 * rest between two intervals, a pause between two laps.
 */
export interface RideGate {
  readonly time: number;
  readonly opens: boolean;
}

/**
 * A head unit's laps as gates, so a recorded ride lands in the matrix without taps: each
 * lap's start opens a segment; a lap followed by a gap longer than `toleranceS` (a rest, a
 * paused recording) is closed at its own end, so the gap is not counted in its duration —
 * which is what a coach compares. Laps starting together (a lap button pressed twice) make
 * one gate, not an empty segment.
 */
export function gatesFromLaps(laps: readonly RideLap[], toleranceS = 1): RideGate[] {
  laps.forEach((lap, i) => {
    if (!Number.isFinite(lap.startTime) || !Number.isFinite(lap.endTime)) throw new Error(`invalid lap ${i + 1}: start ${lap.startTime}, end ${lap.endTime}`);
    if (lap.endTime < lap.startTime) throw new Error(`invalid lap ${i + 1}: ends at ${lap.endTime} before it starts at ${lap.startTime}`);
  });
  // Laps starting together (a lap button pressed twice) are one lap, as long as the longer.
  const ordered: RideLap[] = [];
  for (const lap of [...laps].sort((a, b) => a.startTime - b.startTime)) {
    const last = ordered[ordered.length - 1];
    if (last && lap.startTime === last.startTime) ordered[ordered.length - 1] = { startTime: last.startTime, endTime: Math.max(last.endTime, lap.endTime) };
    else ordered.push(lap);
  }
  const gates: RideGate[] = [];
  ordered.forEach((lap, i) => {
    const last = gates[gates.length - 1];
    // A lap that starts before the last one ended (overlapping laps) starts where that one did.
    if (!last || lap.startTime > last.time) gates.push({ time: lap.startTime, opens: true });
    const next = ordered[i + 1];
    const open = gates[gates.length - 1];
    if ((!next || next.startTime > lap.endTime + toleranceS) && lap.endTime > open.time) gates.push({ time: lap.endTime, opens: false });
  });
  return gates;
}

/** Plain gate times (taps, timing splits, a recorded session): every gate opens the next segment. */
export function openingGates(times: readonly number[]): RideGate[] {
  return times.map((time) => ({ time, opens: true }));
}
