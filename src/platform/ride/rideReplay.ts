import { cutRide, hasDistance, type RideCut } from '../../core/power/index';
import { ReplayClock, type ReplaySpeed } from './replayClock';
import type { RideWithGates } from './rideImport';
import type { RideCourse, RideSession, RiderEntry } from './rideSession';
import { cutOffer, segmentsOfGates, type CutOffer, type ReplayView } from './rideView';

/**
 * Replays rides (files or a recorded session) through the session on one clock: 0.1× to
 * 100× or as fast as possible, play, pause and seek. It keeps the decoded rides, so a cut, a
 * laps file or timing splits replay them again without decoding anything twice.
 */
export class RideReplay {
  readonly #session: RideSession;
  readonly #changed: () => void;
  readonly #now: () => number;
  #clock: ReplayClock | null = null;
  #rides: RideWithGates[] = [];
  #label = '';
  #speed: ReplaySpeed = 'max';
  #view: ReplayView | null = null;

  constructor(session: RideSession, changed: () => void, now: () => number) {
    this.#session = session;
    this.#changed = changed;
    this.#now = now;
  }

  get view(): ReplayView | null {
    return this.#view;
  }
  get rides(): readonly RideWithGates[] {
    return this.#rides;
  }
  get label(): string {
    return this.#label;
  }
  get position(): number {
    return this.#clock?.position ?? 0;
  }
  get cutOffer(): CutOffer | null {
    if (!this.#clock || this.#rides.length === 0) return null;
    return cutOffer(
      this.#rides.map((r) => r.ride),
      this.#rides.map((r) => r.gates),
      this.#session.riders.map((r) => r.name),
    );
  }

  start(rides: readonly RideWithGates[], riders: readonly RiderEntry[], course: RideCourse, label: string): void {
    this.stop();
    this.#rides = [...rides];
    this.#label = label;
    this.#session.reset(course, riders);
    const tracks = rides.map((r, i) => ({ riderId: riders[i].id, stream: r.ride.stream, gates: r.gates }));
    const clock: ReplayClock = new ReplayClock(
      tracks,
      {
        samples: (riderId, chunk) => this.#session.samples(riderId, chunk),
        gate: (riderId, gate) => this.#session.gate(riderId, gate.time, { opens: gate.opens, record: false }),
        reset: () => this.#session.clearData(),
        advanced: () => this.#update(),
      },
      this.#now,
    );
    clock.setSpeed(this.#speed);
    this.#clock = clock;
    clock.play();
    this.#update();
  }

  /** Gives the rides new gates (laps, splits, a cut) and replays them from the start. */
  restart(rides: readonly RideWithGates[], course: RideCourse, label: string): void {
    this.start(rides, this.#session.riders, course, label);
  }

  /** Cuts every ride that has no laps to compare (every N minutes, or N metres) and replays. */
  cut(cut: RideCut): string[] {
    const skipped: string[] = [];
    const rides = this.#rides.map((r) => {
      if (segmentsOfGates(r.gates) >= 2) return r;
      if (cut.by === 'distance' && !hasDistance(r.ride.stream)) {
        skipped.push(`"${r.ride.fileName}" has no distance to cut by: cut it by time`);
        return r;
      }
      const words = cut.by === 'time' ? `every ${cut.everyS / 60} min` : `every ${cut.everyM / 1000} km`;
      return { ...r, gates: cutRide(r.ride.stream, cut), gateSource: `cut ${words}` };
    });
    this.restart(rides, { segmentsPerLap: 1, segmentNames: [] }, this.#label);
    return skipped;
  }

  stop(): void {
    this.#clock?.pause();
    this.#clock = null;
    this.#view = null;
    this.#changed();
  }

  togglePlay(): void {
    const clock = this.#clock;
    if (!clock) return;
    if (clock.playing) clock.pause();
    else {
      if (clock.position >= clock.durationS) clock.seek(0);
      clock.play();
    }
    this.#update();
  }

  /** A new speed on a stopped replay plays it at that speed (from the start when it had ended): one press, not two. */
  setSpeed(speed: ReplaySpeed): void {
    this.#speed = speed;
    const clock = this.#clock;
    if (!clock) return;
    clock.setSpeed(speed);
    if (!clock.playing) this.togglePlay();
    else this.#update();
  }

  seek(positionS: number): void {
    this.#clock?.seek(positionS);
  }

  /** Delivers everything at once (checks, benchmarks). */
  runToEnd(): void {
    this.#clock?.pause();
    this.#clock?.runToEnd();
  }

  #update(): void {
    const clock = this.#clock;
    this.#view = clock ? { label: this.#label, positionS: clock.position, durationS: clock.durationS, playing: clock.playing, speed: this.#speed } : null;
    this.#changed();
  }
}
