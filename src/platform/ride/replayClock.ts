import type { RideGate, RideStream, RideStreamColumns } from '../../core/power/index';
import { lowerBound } from '../../core/power/index';

export interface ReplayTrack {
  readonly riderId: string;
  readonly stream: RideStream;
  /** Gates on the stream's clock, increasing. */
  readonly gates: readonly RideGate[];
}

/** Where replayed samples and gates go: the same calls live sensors and taps make. */
export interface ReplaySink {
  samples(riderId: string, chunk: RideStreamColumns): void;
  gate(riderId: string, gate: RideGate): void;
  /** Forget everything (a seek backwards replays from the start). */
  reset(): void;
  /** After each batch: a good moment to redraw. */
  advanced(position: number): void;
}

export type ReplaySpeed = number | 'max';

/** Samples per batch when replaying as fast as possible: large enough to amortise, small enough to stay responsive. */
const MAX_BATCH_SECONDS = 600;

/**
 * Plays several riders' recordings together on one clock: 0.1× to 100× real time, or as
 * fast as possible (batches with a yield between them so the page keeps drawing), with
 * play, pause and seek. Samples before a gate are delivered before the gate.
 */
export class ReplayClock {
  #positionS = 0;
  readonly #sampleCursor: number[];
  readonly #gateCursor: number[];
  #timer: ReturnType<typeof setTimeout> | null = null;
  #lastTickMs = 0;
  readonly #tracks: readonly ReplayTrack[];
  readonly #sink: ReplaySink;
  readonly #now: () => number;
  readonly durationS: number;
  speed: ReplaySpeed = 1;

  constructor(tracks: readonly ReplayTrack[], sink: ReplaySink, now: () => number = () => performance.now()) {
    this.#tracks = tracks;
    this.#sink = sink;
    this.#now = now;
    this.#sampleCursor = tracks.map(() => 0);
    this.#gateCursor = tracks.map(() => 0);
    this.durationS = Math.max(0, ...tracks.map((t) => Math.max((t.stream.time[t.stream.time.length - 1] ?? 0) + t.stream.sampleIntervalS, t.gates[t.gates.length - 1]?.time ?? 0)));
  }

  get position(): number {
    return this.#positionS;
  }

  get playing(): boolean {
    return this.#timer !== null;
  }

  setSpeed(speed: ReplaySpeed): void {
    if (speed !== 'max' && !(speed >= 0.1 && speed <= 100)) throw new Error(`invalid replay speed: ${speed} (0.1 to 100, or max)`);
    this.speed = speed;
  }

  play(): void {
    if (this.#timer || this.#positionS >= this.durationS) return;
    this.#lastTickMs = this.#now();
    this.#timer = setTimeout(() => this.#tick(), 0);
  }

  pause(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** Moves to `positionS`: forwards delivers what lies between, backwards replays from 0. */
  seek(positionS: number): void {
    const target = Math.min(Math.max(0, positionS), this.durationS);
    if (target < this.#positionS) {
      this.#sink.reset();
      this.#sampleCursor.fill(0);
      this.#gateCursor.fill(0);
      this.#positionS = 0;
    }
    this.#deliverUpTo(target);
    this.#sink.advanced(this.#positionS);
  }

  /** Delivers everything at once, synchronously (tests, benchmarks). */
  runToEnd(): void {
    this.seek(this.durationS);
  }

  #tick(): void {
    const nowMs = this.#now();
    const step = this.speed === 'max' ? MAX_BATCH_SECONDS : ((nowMs - this.#lastTickMs) / 1000) * this.speed;
    this.#lastTickMs = nowMs;
    this.#deliverUpTo(Math.min(this.durationS, this.#positionS + step));
    const finished = this.#positionS >= this.durationS;
    this.#timer = finished ? null : setTimeout(() => this.#tick(), this.speed === 'max' ? 0 : 50);
    this.#sink.advanced(this.#positionS);
  }

  /**
   * Gates of every rider in time order (ties: track order); before each gate, every rider's
   * samples stamped before it, so several riders arrive interleaved as they would live.
   */
  #deliverUpTo(target: number): void {
    for (;;) {
      let next = -1;
      for (let k = 0; k < this.#tracks.length; k++) {
        const gate = this.#tracks[k].gates[this.#gateCursor[k]];
        if (gate !== undefined && gate.time <= target && (next < 0 || gate.time < this.#tracks[next].gates[this.#gateCursor[next]].time)) next = k;
      }
      if (next < 0) break;
      const gate = this.#tracks[next].gates[this.#gateCursor[next]++];
      this.#tracks.forEach((track, k) => this.#deliverSamples(k, lowerBound(track.stream.time, gate.time)));
      this.#sink.gate(this.#tracks[next].riderId, gate);
    }
    this.#tracks.forEach((track, k) => this.#deliverSamples(k, lowerBound(track.stream.time, target)));
    this.#positionS = target;
  }

  #deliverSamples(k: number, to: number): void {
    const from = this.#sampleCursor[k];
    if (to <= from) return;
    const { stream, riderId } = this.#tracks[k];
    this.#sampleCursor[k] = to;
    this.#sink.samples(riderId, {
      time: stream.time.subarray(from, to),
      power: stream.power.subarray(from, to),
      cadence: stream.cadence.subarray(from, to),
      heartRate: stream.heartRate.subarray(from, to),
      speed: stream.speed.subarray(from, to),
      distance: stream.distance.subarray(from, to),
    });
  }
}
