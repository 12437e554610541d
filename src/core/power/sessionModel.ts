import { groupKeys, groupPoints, type MatrixPoint, type MatrixScope } from './matrixGroups';
import type { Normalisation } from './normalisation';
import { RideAccumulator } from './rideAccumulator';
import type { RideStreamColumns } from './rideStream';
import { metricsFromSums, type RiderProfile, type SegmentMetricName, type SegmentMetrics } from './segmentMetrics';
import { parseSegmentNumber, segmentNumberAt } from './segmentNumber';

export type { MatrixPoint } from './matrixGroups';

/** A rider crossing a gate; the first gate of a rider starts segment 1.1. */
export interface GateEvent {
  readonly riderId: string;
  /** Seconds since session start, on the same clock as the samples. */
  readonly time: number;
  /** false: the gate closes the segment but opens none (a rest follows). Default true. */
  readonly opens?: boolean;
}

export interface RiderSegment {
  readonly riderId: string;
  readonly segmentNumber: string;
  readonly metrics: SegmentMetrics;
  /** False while samples up to the closing gate have not all arrived yet (BLE lag). */
  readonly complete: boolean;
}

/** What the matrix shows (see MatrixScope for the groups). */
export interface MatrixView {
  readonly xMetric?: SegmentMetricName;
  readonly yMetric?: SegmentMetricName;
  readonly normalisation?: Normalisation;
  readonly scope?: MatrixScope;
}

export interface SessionModelOptions {
  readonly segmentsPerLap: number;
  /** Nominal sample interval of a rider's stream when setRider does not say, s (default 1). */
  readonly sampleIntervalS?: number;
  readonly windowS?: number;
  readonly includeZeros?: boolean;
}

interface RiderState {
  profile: RiderProfile;
  intervalS: number;
  stream: RideAccumulator | null;
  lastGate: number;
  /** Start of the segment the rider is riding, or null between a closing gate and the next. */
  openStart: number | null;
  readonly spans: { readonly start: number; readonly end: number }[];
  readonly segments: RiderSegment[];
}

/**
 * The live session: gate events and sample chunks go in, matrix points come out. A gate
 * computes one segment from prefix sums (O(log n)) and marks its groups stale; points()
 * re-normalises only stale groups, so a gate costs microseconds with 10 riders. A profile
 * change recomputes that rider's segments at once, from the same sums.
 */
export class SessionModel {
  readonly #riders = new Map<string, RiderState>();
  readonly #groupVersion = new Map<string, number>();
  readonly #groupMembers = new Map<string, RiderSegment[]>();
  readonly #cache = new Map<string, Map<string, { version: number; points: MatrixPoint[] }>>();
  /** Bumped by every segment change; points() hands back the same array while it holds. */
  #revision = 0;
  readonly #viewPoints = new Map<string, { revision: number; points: readonly MatrixPoint[] }>();
  readonly #options: Required<SessionModelOptions>;
  #lapsRidden = 0;

  constructor(options: SessionModelOptions) {
    const { segmentsPerLap, sampleIntervalS = 1, windowS = 30, includeZeros = true } = options;
    if (!Number.isInteger(segmentsPerLap) || segmentsPerLap < 1) throw new Error(`invalid segmentsPerLap: ${segmentsPerLap}`);
    if (!(sampleIntervalS > 0)) throw new Error(`invalid sampleIntervalS: ${sampleIntervalS}`);
    this.#options = { segmentsPerLap, sampleIntervalS, windowS, includeZeros };
  }

  get revision(): number {
    return this.#revision;
  }

  /** The highest lap number ridden by anyone (1 while everyone is on the first lap). */
  get lapsRidden(): number {
    return this.#lapsRidden;
  }

  /**
   * Registers a rider or updates their profile; a new FTP or weight recomputes every segment
   * of theirs at once. The sample interval counts only before the first sample.
   */
  setRider(riderId: string, profile: RiderProfile, options: { sampleIntervalS?: number } = {}): void {
    const rider = this.#rider(riderId);
    if (options.sampleIntervalS !== undefined && rider.stream === null) {
      if (!(options.sampleIntervalS > 0)) throw new Error(`invalid sampleIntervalS: ${options.sampleIntervalS}`);
      rider.intervalS = options.sampleIntervalS;
    }
    const changed = rider.profile.ftp !== profile.ftp || rider.profile.weightKg !== profile.weightKg;
    rider.profile = { ftp: profile.ftp, weightKg: profile.weightKg };
    if (changed) for (let i = 0; i < rider.segments.length; i++) this.#computeSegment(rider, riderId, i);
  }

  appendSamples(riderId: string, chunk: RideStreamColumns): void {
    const rider = this.#rider(riderId);
    rider.stream ??= new RideAccumulator(rider.intervalS, this.#options.windowS);
    rider.stream.append(chunk);
    // Gates that came before their samples (BLE lag) are recomputed once the samples arrive.
    for (let i = rider.segments.length - 1; i >= 0 && !rider.segments[i].complete; i--) this.#computeSegment(rider, riderId, i);
  }

  /** Records a gate; returns the segment it closed, or null when it closed none (a start gate). */
  addGate(event: GateEvent): RiderSegment | null {
    const rider = this.#rider(event.riderId);
    if (!Number.isFinite(event.time) || event.time <= rider.lastGate) {
      throw new Error(`invalid gate for ${event.riderId}: ${event.time} is not after ${rider.lastGate}`);
    }
    rider.lastGate = event.time;
    const start = rider.openStart;
    rider.openStart = event.opens === false ? null : event.time;
    if (start === null) return null;
    rider.spans.push({ start, end: event.time });
    return this.#computeSegment(rider, event.riderId, rider.spans.length - 1);
  }

  segments(riderId?: string): RiderSegment[] {
    if (riderId !== undefined) return (this.#riders.get(riderId)?.segments ?? []).slice();
    return [...this.#riders.values()].flatMap((rider) => rider.segments);
  }

  segmentCount(riderId: string): number {
    return this.#riders.get(riderId)?.segments.length ?? 0;
  }

  latestSegment(riderId: string): RiderSegment | null {
    const segments = this.#riders.get(riderId)?.segments;
    return segments?.[segments.length - 1] ?? null;
  }

  /** When the rider's current segment started, or null when no segment is open. */
  openSince(riderId: string): number | null {
    return this.#riders.get(riderId)?.openStart ?? null;
  }

  sampleCount(riderId: string): number {
    return this.#riders.get(riderId)?.stream?.sampleCount ?? 0;
  }

  /** The whole ride of a rider as one segment (NP, IF, TSS over every sample), or null before samples. */
  rideSummary(riderId: string): SegmentMetrics | null {
    const rider = this.#riders.get(riderId);
    if (!rider?.stream || rider.stream.sampleCount === 0) return null;
    const start = rider.stream.firstTime;
    const end = rider.stream.lastTime + rider.intervalS;
    return metricsFromSums(rider.stream.sums(start, end), start, end, rider.profile, rider.intervalS, { includeZeros: this.#options.includeZeros });
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
    const cached = this.#viewPoints.get(viewKey);
    if (cached && cached.revision === this.#revision) return cached.points;
    let groups = this.#cache.get(viewKey);
    if (!groups) this.#cache.set(viewKey, (groups = new Map()));
    const out: MatrixPoint[] = [];
    for (const [groupKey, members] of this.#groupMembers) {
      if (!groupKey.startsWith(`${scope}:`)) continue;
      const version = this.#groupVersion.get(groupKey) ?? 0;
      let entry = groups.get(groupKey);
      if (!entry || entry.version !== version) {
        entry = { version, points: groupPoints(members, xMetric, yMetric, normalisation) };
        groups.set(groupKey, entry);
      }
      for (const point of entry.points) out.push(point);
    }
    Object.freeze(out);
    this.#viewPoints.set(viewKey, { revision: this.#revision, points: out });
    return out;
  }

  #rider(riderId: string): RiderState {
    let rider = this.#riders.get(riderId);
    if (!rider) {
      rider = { profile: { ftp: null, weightKg: null }, intervalS: this.#options.sampleIntervalS, stream: null, lastGate: Number.NEGATIVE_INFINITY, openStart: null, spans: [], segments: [] };
      this.#riders.set(riderId, rider);
    }
    return rider;
  }

  #computeSegment(rider: RiderState, riderId: string, index: number): RiderSegment {
    const { start, end } = rider.spans[index];
    rider.stream ??= new RideAccumulator(rider.intervalS, this.#options.windowS);
    const metrics = metricsFromSums(rider.stream.sums(start, end), start, end, rider.profile, rider.intervalS, { includeZeros: this.#options.includeZeros });
    const segmentNumber = segmentNumberAt(index, this.#options.segmentsPerLap);
    const complete = rider.stream.lastTime >= end - rider.intervalS / 2;
    const segment: RiderSegment = { riderId, segmentNumber, metrics, complete };
    const previous = rider.segments[index];
    this.#revision++;
    this.#lapsRidden = Math.max(this.#lapsRidden, parseSegmentNumber(segmentNumber).lap);
    rider.segments[index] = segment;
    for (const groupKey of groupKeys(riderId, segmentNumber)) {
      const members = this.#groupMembers.get(groupKey) ?? [];
      const at = previous ? members.indexOf(previous) : -1;
      if (at >= 0) members[at] = segment;
      else members.push(segment);
      this.#groupMembers.set(groupKey, members);
      this.#groupVersion.set(groupKey, (this.#groupVersion.get(groupKey) ?? 0) + 1);
    }
    return segment;
  }
}
