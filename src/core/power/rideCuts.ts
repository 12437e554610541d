import type { RideGate } from './lapGates';
import type { RideStream } from './rideStream';

/** How to cut a ride that has no laps: every N seconds of riding, or every N metres. */
export type RideCut = { readonly by: 'time'; readonly everyS: number } | { readonly by: 'distance'; readonly everyM: number };

/** Whether the stream has a distance to cut by (at least two recorded distances that differ). */
export function hasDistance(stream: RideStream): boolean {
  let first = NaN;
  for (const d of stream.distance) {
    if (Number.isNaN(d)) continue;
    if (Number.isNaN(first)) first = d;
    else if (d > first) return true;
  }
  return false;
}

/**
 * Gates that cut a ride without laps into pieces, as a head unit's auto-lap would: by time,
 * counted in recorded samples (a pause moves no piece on, as a timer stops), or at the first
 * sample past every N metres. The last piece is kept when it is at least half a piece; a
 * shorter rest joins the piece before it, so no stub of a few seconds lands in the matrix.
 */
export function cutRide(stream: RideStream, cut: RideCut): RideGate[] {
  const n = stream.time.length;
  if (n === 0) return [];
  const step = cut.by === 'time' ? cut.everyS : cut.everyM;
  if (!(step > 0) || !Number.isFinite(step)) throw new Error(`invalid cut: every ${step} ${cut.by === 'time' ? 's' : 'm'}`);
  const starts: number[] = [0];
  if (cut.by === 'time') {
    const perPiece = Math.max(1, Math.round(step / stream.sampleIntervalS));
    for (let i = perPiece; i < n; i += perPiece) starts.push(i);
  } else {
    if (!hasDistance(stream)) throw new Error('this ride has no distance to cut by: cut it by time');
    const origin = firstDistance(stream);
    let next = origin + step;
    for (let i = 0; i < n; i++) {
      const d = stream.distance[i];
      if (Number.isNaN(d) || d < next) continue;
      starts.push(i);
      while (next <= d) next += step;
    }
  }
  const end = stream.time[n - 1] + stream.sampleIntervalS;
  const last = starts[starts.length - 1];
  const lastIsShort = cut.by === 'time' ? (n - last) * stream.sampleIntervalS < step / 2 : lastDistance(stream) - stream.distance[last] < step / 2;
  if (starts.length > 1 && lastIsShort) starts.pop();
  const times = starts.filter((s, k) => k === 0 || stream.time[s] > stream.time[starts[k - 1]]).map((s) => stream.time[s]);
  return [...times.map((time) => ({ time, opens: true })), { time: end, opens: false }];
}

function firstDistance(stream: RideStream): number {
  for (const d of stream.distance) if (!Number.isNaN(d)) return d;
  return NaN;
}

function lastDistance(stream: RideStream): number {
  for (let i = stream.distance.length - 1; i >= 0; i--) if (!Number.isNaN(stream.distance[i])) return stream.distance[i];
  return NaN;
}
