import { defaultScope, hasDistance, type DecodedRide, type MatrixScope, type RideGate, type RiderSegment, type SegmentMetrics } from '../../core/power/index';
import type { RiderEntry } from './rideSession';
import type { RideSession } from './rideSession';

/** What the ride file picker offers (the decoder reads these; see rideFileDecoder.ts). */
export const RIDE_FILE_TYPES = '.fit,.csv,.txt,.pwx,.tcx,.xml,.json,.xlsx,.xls';

export const RIDER_COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22'];

/** A rider as the screen shows them: profile, colour, latest segment and the ride so far. */
export interface RiderView extends RiderEntry {
  readonly colour: string;
  readonly segmentCount: number;
  readonly latest: RiderSegment | null;
  /** The whole ride so far as one segment (NP, IF, TSS), or null before samples. */
  readonly ride: SegmentMetrics | null;
}

export interface ReplayView {
  readonly label: string;
  readonly positionS: number;
  readonly durationS: number;
  readonly playing: boolean;
  readonly speed: number | 'max';
}

/** Rides of the replay that have no laps to compare (none, or one for the whole ride): the coach may cut them. */
export interface CutOffer {
  readonly riderNames: readonly string[];
  /** Whether every one of them has a distance to cut by. */
  readonly byDistance: boolean;
}

/** Which comparison the matrix opens with, and the sentence that says so. */
export interface ScopeAdvice {
  readonly scope: MatrixScope;
  readonly reason: string;
}

export function riderViews(session: RideSession): RiderView[] {
  return session.riders.map((rider, i) => ({
    ...rider,
    colour: RIDER_COLOURS[i % RIDER_COLOURS.length],
    segmentCount: session.segmentCount(rider.id),
    latest: session.latestSegment(rider.id),
    ride: session.rideSummary(rider.id),
  }));
}

/** Segments a list of gates makes: each opening gate that another gate follows. */
export function segmentsOfGates(gates: readonly RideGate[]): number {
  return gates.filter((gate, i) => gate.opens && i < gates.length - 1).length;
}

export function cutOffer(rides: readonly DecodedRide[], gates: readonly (readonly RideGate[])[], riderNames: readonly string[]): CutOffer | null {
  const uncut = rides.map((ride, i) => ({ ride, name: riderNames[i] ?? ride.riderName })).filter((_, i) => segmentsOfGates(gates[i] ?? []) < 2);
  if (uncut.length === 0) return null;
  return { riderNames: uncut.map((u) => u.name), byDistance: uncut.every((u) => hasDistance(u.ride.stream)) };
}

export function scopeAdvice(session: RideSession): ScopeAdvice {
  const riders = session.riders;
  const scope = defaultScope(riders.length, session.lapsRidden);
  const lapsAreSegments = session.course.segmentsPerLap === 1;
  if (riders.length !== 1) return { scope, reason: 'Riders compared with each other on each segment.' };
  const name = riders[0].name;
  if (scope === 'session') return { scope, reason: lapsAreSegments ? `One rider: ${name}’s laps compared with each other.` : `One rider: each course segment compared over ${name}’s laps.` };
  return { scope, reason: `One rider: ${name}’s segments compared with each other.` };
}
