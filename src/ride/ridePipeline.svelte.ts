import { SessionModel, segmentNumberAt, type MatrixPoint, type MatrixView, type RideStreamColumns, type RiderSegment } from '../core/power/index';
import type { SessionRecorder } from '../platform/ride/sessionRecorder';
import type { PendingGate } from './gateLatency';

export interface RiderEntry {
  readonly id: string;
  name: string;
  ftp: number | null;
  weightKg: number | null;
  squad: string | null;
  /** Sensor assigned to the rider (live), or null. */
  sensorId: string | null;
}

export const RIDER_COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22'];

/**
 * The one pipeline of the workspace: live sensors and the replay clock both call samples()
 * and gate(); the SessionModel turns them into segments and matrix points. It runs on the
 * main thread because a gate costs microseconds (prefix sums) — see bench/suites/ride.ts.
 * `version` changes on every gate, which is what the table and the matrix redraw on.
 */
export class RidePipeline {
  #model: SessionModel;
  #riders = $state<RiderEntry[]>([]);
  #version = $state(0);
  #segmentsPerLap = $state(5);
  #segmentNames = $state<string[]>([]);
  #sampleCount = $state(0);
  recorder: SessionRecorder | null = null;
  /** The first gate not yet drawn (the benchmark's start mark); the matrix takes it. */
  pendingGate: PendingGate | null = null;

  constructor(segmentsPerLap = 5) {
    this.#model = new SessionModel({ segmentsPerLap });
    this.#segmentsPerLap = segmentsPerLap;
  }

  get riders(): RiderEntry[] {
    return this.#riders;
  }
  get version(): number {
    return this.#version;
  }
  get segmentsPerLap(): number {
    return this.#segmentsPerLap;
  }
  get segmentNames(): string[] {
    return this.#segmentNames;
  }
  get sampleCount(): number {
    return this.#sampleCount;
  }

  /** Starts over with a course of `segmentsPerLap` segments and these riders. */
  reset(segmentsPerLap: number, riders: RiderEntry[], segmentNames: string[] = []): void {
    this.#model = new SessionModel({ segmentsPerLap });
    this.#segmentsPerLap = segmentsPerLap;
    this.#segmentNames = segmentNames;
    this.#riders = riders;
    this.#sampleCount = 0;
    for (const rider of riders) this.#model.setRider(rider.id, { ftp: rider.ftp, weightKg: rider.weightKg });
    this.#version++;
  }

  /** Forgets samples and gates but keeps riders and course (a replay seeking backwards). */
  clearData(): void {
    this.reset(this.#segmentsPerLap, this.#riders, this.#segmentNames);
  }

  setSegmentNames(names: string[]): void {
    this.#segmentNames = names;
    void this.recorder?.update({ course: { segmentsPerLap: this.#segmentsPerLap, segmentNames: names } });
  }

  addRider(rider: RiderEntry): void {
    this.#riders = [...this.#riders, rider];
    this.#model.setRider(rider.id, { ftp: rider.ftp, weightKg: rider.weightKg });
  }

  /** Profile edits apply to segments closed from now on; earlier ones keep their numbers. */
  updateRider(id: string, changes: Partial<Omit<RiderEntry, 'id'>>): void {
    this.#riders = this.#riders.map((r) => (r.id === id ? { ...r, ...changes } : r));
    const rider = this.#riders.find((r) => r.id === id);
    if (rider) this.#model.setRider(id, { ftp: rider.ftp, weightKg: rider.weightKg });
  }

  samples(riderId: string, chunk: RideStreamColumns): void {
    this.#model.appendSamples(riderId, chunk);
    this.recorder?.addSamples(riderId, chunk);
    this.#sampleCount += chunk.time.length;
  }

  /** A rider crossed a gate at `time` (session seconds); returns the closed segment. */
  gate(riderId: string, time: number, options: { record?: boolean } = {}): RiderSegment | null {
    const started = performance.now();
    const pending = (this.pendingGate ??= { at: started, computeMs: 0 });
    const index = this.#model.segmentCount(riderId);
    const closed = this.#model.addGate({ riderId, time });
    pending.computeMs += performance.now() - started;
    if (options.record !== false && this.recorder) {
      const label = closed ? segmentNumberAt(index, this.#segmentsPerLap) : 'start';
      void this.recorder.addGate(riderId, time, label);
    }
    this.#version++;
    return closed;
  }

  points(view: MatrixView): readonly MatrixPoint[] {
    return this.#model.points(view);
  }

  segments(): RiderSegment[] {
    return this.#model.segments();
  }

  segmentCount(riderId: string): number {
    return this.#model.segmentCount(riderId);
  }

  riderName(id: string): string {
    return this.#riders.find((r) => r.id === id)?.name ?? id;
  }

  colour(id: string): string {
    const index = this.#riders.findIndex((r) => r.id === id);
    return RIDER_COLOURS[(index < 0 ? 0 : index) % RIDER_COLOURS.length];
  }
}
