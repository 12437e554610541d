import { fetchSample, samples } from '../app/samples';
import { notices } from '../app/notices.svelte';
import { bluetoothUnavailableReason } from '../platform/ble/connectSensor';
import { installSensorTestFeed, sensorTestRequested } from '../platform/ble/sensorTestFeed';
import { ReplayClock, type ReplaySpeed, type ReplayTrack } from '../platform/ride/replayClock';
import { readRideFile, type ReplayRide } from '../platform/ride/rideFiles';
import { listSessions, loadSession } from '../platform/ride/sessionStore';
import { LiveSession } from './liveSession.svelte';
import { RidePipeline, type RiderEntry } from './ridePipeline.svelte';
import { MatrixSettings } from './matrixSettings.svelte';

/** The Ride workspace's state: one pipeline, fed either by live sensors or by the replay clock. */
export class RideWorkspaceState {
  readonly pipeline = new RidePipeline();
  readonly live = new LiveSession(this.pipeline);
  readonly matrix = new MatrixSettings();
  readonly bluetoothMissing = bluetoothUnavailableReason();
  #clock = $state<ReplayClock | null>(null);
  #position = $state(0);
  #playing = $state(false);
  #speed = $state<ReplaySpeed>('max');
  #replayLabel = $state('');
  #tracks: ReplayTrack[] = [];

  constructor() {
    if (sensorTestRequested()) installSensorTestFeed(this.live.hub, (id) => void this.adoptTestSensor(id));
  }

  get clock(): ReplayClock | null {
    return this.#clock;
  }
  get position(): number {
    return this.#position;
  }
  get playing(): boolean {
    return this.#playing;
  }
  get speed(): ReplaySpeed {
    return this.#speed;
  }
  get replayLabel(): string {
    return this.#replayLabel;
  }

  /** First sight: resume an unfinished live session, else replay the generated sample. */
  async open(): Promise<void> {
    const unfinished = (await listSessions()).find((s) => s.endedAt === null);
    if (unfinished) return this.resume(unfinished.id);
    const files = await Promise.all(samples.rides.map((path) => fetchSample(path)));
    await this.importFiles(files, 'the generated sample session');
  }

  async resume(sessionId: string): Promise<void> {
    const stored = await loadSession(sessionId);
    this.stopReplay();
    const riders: RiderEntry[] = (stored.record.riders ?? []).map((r) => ({ id: r.riderId, name: r.name, ftp: r.ftp, weightKg: r.weightKg, squad: null, sensorId: r.sensorId ?? null }));
    this.pipeline.reset(stored.record.course?.segmentsPerLap ?? 5, riders, [...(stored.record.course?.segmentNames ?? [])]);
    for (const [riderId, stream] of stored.streams) this.pipeline.samples(riderId, stream);
    for (const gate of stored.gates) this.pipeline.gate(gate.riderId, gate.time, { record: false });
    await this.live.resume(stored.record);
    notices.add('info', `Resumed "${stored.record.name}" with ${stored.sampleCount} recorded samples: connect the sensors again to carry on.`);
  }

  async adoptTestSensor(sensorId: string): Promise<void> {
    if (!this.live.active) {
      this.stopReplay();
      await this.live.start();
    }
    this.live.sensorAdded(sensorId, this.live.hub.source(sensorId)?.name ?? sensorId);
  }

  async connectSensor(): Promise<void> {
    if (!this.live.active) this.stopReplay();
    await this.live.connect();
  }

  /** Ride files replay together; timing-split files set the gates of the riders they name. */
  async importFiles(files: File[], label?: string): Promise<void> {
    if (this.live.active) throw new Error('stop the live session before replaying files');
    const rides: ReplayRide[] = [];
    for (const file of files) {
      const read = await readRideFile(file);
      if (read.kind === 'ride') {
        rides.push(read.ride);
        for (const issue of read.ride.issues.slice(0, 5)) notices.add('warning', issue);
        if (read.ride.issues.length > 5) notices.add('warning', `"${file.name}": ${read.ride.issues.length - 5} more cells skipped`);
      } else {
        this.applySplits(read.gates.map((g) => ({ riderId: g.riderId, time: g.time })));
      }
    }
    if (rides.length === 0) return;
    const perLap = rides.find((r) => r.segmentsPerLap !== null)?.segmentsPerLap ?? 5;
    const riders: RiderEntry[] = rides.map((r, i) => ({ id: `replay-${i + 1}`, name: r.riderName, ftp: r.ftp, weightKg: r.weightKg, squad: null, sensorId: null }));
    this.startReplay(rides.map((r, i) => ({ riderId: riders[i].id, stream: r.stream, gates: r.gates })), riders, perLap, label ?? rides.map((r) => r.fileName).join(', '));
  }

  async replaySession(sessionId: string): Promise<void> {
    if (this.live.active) throw new Error('stop the live session before replaying another');
    const stored = await loadSession(sessionId);
    const riders: RiderEntry[] = (stored.record.riders ?? []).map((r) => ({ id: r.riderId, name: r.name, ftp: r.ftp, weightKg: r.weightKg, squad: null, sensorId: null }));
    const tracks = [...stored.streams.entries()].map(([riderId, stream]) => ({ riderId, stream, gates: stored.gates.filter((g) => g.riderId === riderId).map((g) => g.time) }));
    this.startReplay(tracks, riders, stored.record.course?.segmentsPerLap ?? 5, stored.record.name);
  }

  private applySplits(gates: { riderId: string; time: number }[]): void {
    if (this.#tracks.length === 0) throw new Error('load the riders’ ride files before their timing splits');
    const riders = this.pipeline.riders;
    const tracks = this.#tracks.map((track, i) => {
      const rider = riders.find((r) => r.id === track.riderId);
      const mine = gates.filter((g) => g.riderId === rider?.name || g.riderId === String(i + 1) || g.riderId === track.riderId).map((g) => g.time);
      return mine.length > 0 ? { ...track, gates: mine.sort((a, b) => a - b) } : track;
    });
    this.startReplay(tracks, riders, this.pipeline.segmentsPerLap, `${this.#replayLabel} + splits`);
  }

  startReplay(tracks: ReplayTrack[], riders: RiderEntry[], segmentsPerLap: number, label: string): void {
    this.stopReplay();
    this.#tracks = tracks;
    this.pipeline.reset(segmentsPerLap, riders, this.pipeline.segmentNames);
    const clock = new ReplayClock(tracks, {
      samples: (riderId, chunk) => this.pipeline.samples(riderId, chunk),
      gate: (riderId, time) => this.pipeline.gate(riderId, time, { record: false }),
      reset: () => this.pipeline.clearData(),
      advanced: (position) => {
        this.#position = position;
        this.#playing = clock.playing;
      },
    });
    clock.setSpeed(this.#speed);
    this.#clock = clock;
    this.#replayLabel = label;
    this.#position = 0;
    clock.play();
    this.#playing = true;
  }

  stopReplay(): void {
    this.#clock?.pause();
    this.#clock = null;
    this.#playing = false;
  }

  togglePlay(): void {
    const clock = this.#clock;
    if (!clock) return;
    if (clock.playing) clock.pause();
    else if (clock.position >= clock.durationS) {
      clock.seek(0);
      clock.play();
    } else clock.play();
    this.#playing = clock.playing;
  }

  /** A new speed on a stopped replay plays it at that speed (from the start when it had ended): one press, not two. */
  setSpeed(speed: ReplaySpeed): void {
    this.#speed = speed;
    const clock = this.#clock;
    if (!clock) return;
    clock.setSpeed(speed);
    if (!clock.playing) this.togglePlay();
  }

  seek(position: number): void {
    this.#clock?.seek(position);
  }

  /** A tap or key for rider `index` (0-based): live time, or the replay clock's position. */
  tapGate(index: number): void {
    const rider = this.pipeline.riders[index];
    if (!rider) return;
    const time = this.live.active ? this.live.now() : (this.#clock?.position ?? 0);
    try {
      this.pipeline.gate(rider.id, time);
    } catch (error) {
      notices.error(error, `Gate for ${rider.name}`);
    }
  }
}
