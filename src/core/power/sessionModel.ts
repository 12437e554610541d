import { normalise, median, type Normalisation } from './normalisation';
import { quadrantOf, type Quadrant } from './quadrants';
import { RideAccumulator } from './rideAccumulator';
import type { RideStreamColumns } from './rideStream';
import { metricsFromSums, type RiderProfile, type SegmentMetricName, type SegmentMetrics } from './segmentMetrics';
import { parseSegmentNumber, segmentNumberAt } from './segmentNumber';

/** A rider crossing a gate; the first gate of a rider starts segment 1.1. */
export interface GateEvent {
  readonly riderId: string;
  /** Seconds since session start, on the same clock as the samples. */
  readonly time: number;
}

export interface RiderSegment {
  readonly riderId: string;
  readonly segmentNumber: string;
  readonly metrics: SegmentMetrics;
  /** False while samples up to the closing gate have not all arrived yet (BLE lag). */
  readonly complete: boolean;
}

/**
 * What the matrix shows. scope 'segment' compares the riders on one segment of one lap
 * (all the 2.3s); 'session' compares one piece of course over every lap and rider (all the
 * x.3s), so a rider also meets their own earlier laps.
 */
export interface MatrixView {
  readonly xMetric?: SegmentMetricName;
  readonly yMetric?: SegmentMetricName;
  readonly normalisation?: Normalisation;
  readonly scope?: 'segment' | 'session';
}

export interface MatrixPoint {
  readonly riderId: string;
  readonly segmentNumber: string;
  readonly x: number;
  readonly y: number;
  readonly quadrant: Quadrant | null;
  readonly metrics: SegmentMetrics;
}

export interface SessionModelOptions {
  readonly segmentsPerLap: number;
  /** Nominal sample interval of every rider's stream, s (default 1). */
  readonly sampleIntervalS?: number;
  readonly windowS?: number;
  readonly includeZeros?: boolean;
}

interface RiderState {
  profile: RiderProfile;
  readonly stream: RideAccumulator;
  readonly gates: number[];
  readonly segments: RiderSegment[];
}

/**
 * The live session: gate events and sample chunks go in, matrix points come out. A gate
 * computes one segment from prefix sums (O(log n)) and marks its two groups stale; points()
 * re-normalises only stale groups, so a gate costs microseconds with 10 riders.
 */
export class SessionModel {
  private readonly riders = new Map<string, RiderState>();
  private readonly groupVersion = new Map<string, number>();
  private readonly groupMembers = new Map<string, RiderSegment[]>();
  private readonly cache = new Map<string, Map<string, { version: number; points: MatrixPoint[] }>>();
  /** Bumped by every segment change; points() hands back the same array while it holds. */
  private revision = 0;
  private readonly viewPoints = new Map<string, { revision: number; points: readonly MatrixPoint[] }>();
  private readonly options: Required<SessionModelOptions>;

  constructor(options: SessionModelOptions) {
    const { segmentsPerLap, sampleIntervalS = 1, windowS = 30, includeZeros = true } = options;
    if (!Number.isInteger(segmentsPerLap) || segmentsPerLap < 1) throw new Error(`invalid segmentsPerLap: ${segmentsPerLap}`);
    if (!(sampleIntervalS > 0)) throw new Error(`invalid sampleIntervalS: ${sampleIntervalS}`);
    this.options = { segmentsPerLap, sampleIntervalS, windowS, includeZeros };
  }

  /** Registers a rider or updates their profile (FTP, weight); later segments use it. */
  setRider(riderId: string, profile: RiderProfile): void {
    this.rider(riderId).profile = profile;
  }

  appendSamples(riderId: string, chunk: RideStreamColumns): void {
    const rider = this.rider(riderId);
    rider.stream.append(chunk);
    // Gates that came before their samples (BLE lag) are recomputed once the samples arrive.
    for (let i = rider.segments.length - 1; i >= 0 && !rider.segments[i].complete; i--) this.computeSegment(rider, riderId, i);
  }

  /** Records a gate; returns the segment it closed, or null for a rider's start gate. */
  addGate(event: GateEvent): RiderSegment | null {
    const rider = this.rider(event.riderId);
    const last = rider.gates[rider.gates.length - 1];
    if (!Number.isFinite(event.time) || (last !== undefined && event.time <= last)) {
      throw new Error(`invalid gate for ${event.riderId}: ${event.time} is not after ${last}`);
    }
    rider.gates.push(event.time);
    if (rider.gates.length < 2) return null;
    return this.computeSegment(rider, event.riderId, rider.gates.length - 2);
  }

  segments(riderId?: string): RiderSegment[] {
    if (riderId !== undefined) return (this.riders.get(riderId)?.segments ?? []).slice();
    return [...this.riders.values()].flatMap((rider) => rider.segments);
  }

  segmentCount(riderId: string): number {
    return this.riders.get(riderId)?.segments.length ?? 0;
  }

  /**
   * Every rider's segments as matrix points, normalised per group as the view says. The
   * same (frozen) array comes back until a segment changes, so a caller can skip a redraw
   * by comparing references.
   */
  points(view: MatrixView = {}): readonly MatrixPoint[] {
    const xMetric = view.xMetric ?? 'durationS';
    const yMetric = view.yMetric ?? 'normalizedPower';
    const normalisation = view.normalisation ?? 'zScore';
    const scope = view.scope ?? 'segment';
    const viewKey = `${xMetric}|${yMetric}|${normalisation}|${scope}`;
    const cached = this.viewPoints.get(viewKey);
    if (cached && cached.revision === this.revision) return cached.points;
    let groups = this.cache.get(viewKey);
    if (!groups) this.cache.set(viewKey, (groups = new Map()));
    const out: MatrixPoint[] = [];
    for (const [groupKey, members] of this.groupMembers) {
      if (!groupKey.startsWith(`${scope}:`)) continue;
      const version = this.groupVersion.get(groupKey) ?? 0;
      let entry = groups.get(groupKey);
      if (!entry || entry.version !== version) {
        entry = { version, points: pointsOf(members, xMetric, yMetric, normalisation) };
        groups.set(groupKey, entry);
      }
      for (const point of entry.points) out.push(point);
    }
    Object.freeze(out);
    this.viewPoints.set(viewKey, { revision: this.revision, points: out });
    return out;
  }

  private rider(riderId: string): RiderState {
    let rider = this.riders.get(riderId);
    if (!rider) {
      rider = { profile: { ftp: null, weightKg: null }, stream: new RideAccumulator(this.options.sampleIntervalS, this.options.windowS), gates: [], segments: [] };
      this.riders.set(riderId, rider);
    }
    return rider;
  }

  private computeSegment(rider: RiderState, riderId: string, index: number): RiderSegment {
    const startTime = rider.gates[index];
    const endTime = rider.gates[index + 1];
    const sums = rider.stream.sums(startTime, endTime);
    const metrics = metricsFromSums(sums, startTime, endTime, rider.profile, this.options.sampleIntervalS, { includeZeros: this.options.includeZeros });
    const segmentNumber = segmentNumberAt(index, this.options.segmentsPerLap);
    const complete = rider.stream.lastTime >= endTime - this.options.sampleIntervalS / 2;
    const segment: RiderSegment = { riderId, segmentNumber, metrics, complete };
    const previous = rider.segments[index];
    this.revision++;
    rider.segments[index] = segment;
    for (const groupKey of [`segment:${segmentNumber}`, `session:${parseSegmentNumber(segmentNumber).segment}`]) {
      const members = this.groupMembers.get(groupKey) ?? [];
      const at = previous ? members.indexOf(previous) : -1;
      if (at >= 0) members[at] = segment;
      else members.push(segment);
      this.groupMembers.set(groupKey, members);
      this.groupVersion.set(groupKey, (this.groupVersion.get(groupKey) ?? 0) + 1);
    }
    return segment;
  }
}

function pointsOf(members: readonly RiderSegment[], xMetric: SegmentMetricName, yMetric: SegmentMetricName, normalisation: Normalisation): MatrixPoint[] {
  const xs = normalise(members.map((m) => m.metrics[xMetric]), normalisation);
  const ys = normalise(members.map((m) => m.metrics[yMetric]), normalisation);
  const centre = normalisation === 'absolute' ? { x: median(xs), y: median(ys) } : { x: 0, y: 0 };
  return members.map((m, i) => ({
    riderId: m.riderId,
    segmentNumber: m.segmentNumber,
    x: xs[i],
    y: ys[i],
    quadrant: quadrantOf(xs[i], ys[i], centre),
    metrics: m.metrics,
  }));
}
