import { SessionModel, segmentNumberAt, type MatrixPoint, type MatrixView, type RideStreamColumns, type RiderSegment, type SegmentMetrics } from '../../core/power/index';
import type { SessionRecorder } from './sessionRecorder';

/** Where a rider's FTP and weight came from, so the card can say it. */
export type ProfileSource = 'file' | 'saved' | 'entered' | null;

export interface RiderEntry {
  readonly id: string;
  readonly name: string;
  readonly ftp: number | null;
  readonly weightKg: number | null;
  readonly squad: string | null;
  /** The sensors the rider wears (live): a power meter, a heart-rate strap, a speed/cadence sensor. */
  readonly sensorIds: readonly string[];
  readonly profileSource: ProfileSource;
  /** The rider's sample interval, s (1 for live bins; a file's own rate for a replay). */
  readonly sampleIntervalS: number;
}

export interface RideCourse {
  readonly segmentsPerLap: number;
  /** Coach's names for segments 1…n of a lap ("Rock garden"). */
  readonly segmentNames: readonly string[];
}

/** A gate still to be drawn: when it was called and what its own computation cost (the bench's marks). */
export interface GateMark {
  readonly at: number;
  computeMs: number;
}

export type SessionChange = 'riders' | 'course' | 'segments' | 'samples';

/**
 * The one pipeline of the workspace: live sensors and the replay clock both call samples()
 * and gate(); the SessionModel turns them into segments and matrix points, and a recorder
 * (live) writes them down. Runs on the main thread: a gate costs two binary searches.
 */
export class RideSession {
  #model = new SessionModel({ segmentsPerLap: 5 });
  #riders: RiderEntry[] = [];
  #course: RideCourse = { segmentsPerLap: 5, segmentNames: [] };
  #sampleCount = 0;
  #gateMark: GateMark | null = null;
  recorder: SessionRecorder | null = null;
  readonly #changed: (change: SessionChange) => void;

  constructor(changed: (change: SessionChange) => void) {
    this.#changed = changed;
  }

  get riders(): readonly RiderEntry[] {
    return this.#riders;
  }
  get course(): RideCourse {
    return this.#course;
  }
  get sampleCount(): number {
    return this.#sampleCount;
  }
  get lapsRidden(): number {
    return this.#model.lapsRidden;
  }
  get revision(): number {
    return this.#model.revision;
  }

  /** Starts over with this course and these riders. */
  reset(course: RideCourse, riders: readonly RiderEntry[]): void {
    this.#model = new SessionModel({ segmentsPerLap: course.segmentsPerLap });
    this.#course = course;
    this.#riders = [...riders];
    this.#sampleCount = 0;
    for (const rider of riders) this.#model.setRider(rider.id, rider, { sampleIntervalS: rider.sampleIntervalS });
    this.#changed('riders');
    this.#changed('segments');
  }

  /** Forgets samples and gates but keeps riders and course (a replay seeking backwards). */
  clearData(): void {
    this.reset(this.#course, this.#riders);
  }

  setCourse(course: RideCourse): void {
    this.#course = course;
    void this.recorder?.update({ course });
    this.#changed('course');
  }

  /** Drops a rider who never rode (no sample, no segment): a sensor that was moved to another rider leaves no empty gate behind. */
  removeRiderIfUnused(id: string): void {
    if (this.#model.sampleCount(id) > 0 || this.#model.segmentCount(id) > 0) return;
    this.#riders = this.#riders.filter((r) => r.id !== id);
    this.#changed('riders');
  }

  addRider(rider: RiderEntry): void {
    this.#riders = [...this.#riders, rider];
    this.#model.setRider(rider.id, rider, { sampleIntervalS: rider.sampleIntervalS });
    this.#changed('riders');
  }

  /** A new FTP or weight recomputes IF, TSS and W/kg of every segment of the rider at once. */
  updateRider(id: string, changes: Partial<Omit<RiderEntry, 'id'>>): void {
    this.#riders = this.#riders.map((r) => (r.id === id ? { ...r, ...changes } : r));
    const rider = this.#riders.find((r) => r.id === id);
    if (rider) this.#model.setRider(id, rider);
    this.#changed('riders');
    this.#changed('segments');
  }

  samples(riderId: string, chunk: RideStreamColumns): void {
    const before = this.#model.revision;
    this.#model.appendSamples(riderId, chunk);
    this.recorder?.addSamples(riderId, chunk);
    this.#sampleCount += chunk.time.length;
    this.#changed('samples');
    if (this.#model.revision !== before) this.#changed('segments');
  }

  /** A rider crossed a gate at `time` (session seconds); returns the segment it closed. */
  gate(riderId: string, time: number, options: { opens?: boolean; record?: boolean } = {}): RiderSegment | null {
    const started = performance.now();
    const mark = (this.#gateMark ??= { at: started, computeMs: 0 });
    const index = this.#model.segmentCount(riderId);
    const closed = this.#model.addGate({ riderId, time, opens: options.opens });
    mark.computeMs += performance.now() - started;
    if (options.record !== false && this.recorder) void this.recorder.addGate(riderId, time, closed ? segmentNumberAt(index, this.#course.segmentsPerLap) : 'start');
    this.#changed('segments');
    return closed;
  }

  /** The oldest gate not yet drawn, handed to the one who draws it (and forgotten here). */
  takeGateMark(): GateMark | null {
    const mark = this.#gateMark;
    this.#gateMark = null;
    return mark;
  }

  points(view: MatrixView): readonly MatrixPoint[] {
    return this.#model.points(view);
  }

  segments(): RiderSegment[] {
    return this.#model.segments();
  }

  latestSegment(riderId: string): RiderSegment | null {
    return this.#model.latestSegment(riderId);
  }

  segmentCount(riderId: string): number {
    return this.#model.segmentCount(riderId);
  }

  rideSummary(riderId: string): SegmentMetrics | null {
    return this.#model.rideSummary(riderId);
  }

  riderSampleCount(riderId: string): number {
    return this.#model.sampleCount(riderId);
  }
}
