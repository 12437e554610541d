import { openingGates, profileProblem, type MatrixPoint, type MatrixView, type RideCut, type RiderSegment } from '../../core/power/index';
import type { SensorSource } from '../ble/sensorSource';
import { guardQuota } from '../storage/storageStatus';
import { LiveRecording, type LiveView } from './liveRecording';
import type { ReplaySpeed } from './replayClock';
import type { DecodedRideFile, RideDecodeInput } from './rideFileDecoder';
import { applyLaps, applySplits, withOwnGates, type RideWithGates } from './rideImport';
import { RideReplay } from './rideReplay';
import { RiderProfiles } from './riderProfiles';
import type { RideSessionRecord } from './rideSessionRecord';
import { RideSession, type GateMark, type RideCourse, type RiderEntry } from './rideSession';
import { riderViews, scopeAdvice, type CutOffer, type ReplayView, type RiderView, type ScopeAdvice } from './rideView';
import type { RecordingStatus } from './sessionRecorder';
import { deleteSession, listSessions, loadSession, renameSession } from './sessionStore';

/** A file to replay: a browser File, or anything with a name and bytes (Node checks, bench). */
export interface RideFileInput {
  readonly name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface RideEngineDeps {
  /** Decodes one file: the compute pool's `rideDecode` in the app, the decoder itself in Node. */
  decode(input: RideDecodeInput): Promise<DecodedRideFile>;
  /** The replay's clock, ms (tests pass a fake one). */
  now?: () => number;
}

/** What an import did, for the screen: files refused (with why) and cells kept as gaps. */
export interface ImportReport {
  readonly refused: readonly { readonly fileName: string; readonly error: unknown }[];
  readonly issues: readonly string[];
  readonly issueCount: number;
}

/** 'gate' is a tap (live or replay by hand): the one change drawn at once, not at the next frame. */
export type RideChange = 'riders' | 'course' | 'segments' | 'samples' | 'replay' | 'live' | 'recording' | 'gate';

/**
 * The Ride workspace without a screen: it owns the sources (live sensors, the replay clock,
 * ride files decoded in the pool), the storage (the recording, rider profiles) and the session
 * model, and says what changed. The app, the Node checks and the benchmark drive this one
 * engine; the Svelte state only mirrors its views.
 */
export class RideEngine {
  readonly #deps: RideEngineDeps;
  readonly #listeners = new Set<(change: RideChange) => void>();
  readonly #profiles = new RiderProfiles();
  readonly #session: RideSession;
  readonly #live: LiveRecording;
  readonly #replay: RideReplay;
  #riders: RiderView[] | null = null;
  /** The coach's course for live sessions (a replayed file brings its own). */
  #coachCourse: RideCourse = { segmentsPerLap: 5, segmentNames: [] };

  constructor(deps: RideEngineDeps) {
    this.#deps = deps;
    this.#session = new RideSession((change) => this.#emit(change === 'samples' ? 'samples' : change));
    this.#live = new LiveRecording(this.#session, this.#profiles, (change) => this.#emit(change));
    this.#replay = new RideReplay(this.#session, () => this.#emit('replay'), deps.now ?? (() => performance.now()));
  }

  subscribe(listener: (change: RideChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get riders(): readonly RiderView[] {
    return (this.#riders ??= riderViews(this.#session));
  }
  get course(): RideCourse {
    return this.#session.course;
  }
  get scope(): ScopeAdvice {
    return scopeAdvice(this.#session);
  }
  get replay(): ReplayView | null {
    return this.#replay.view;
  }
  get live(): LiveView {
    return this.#live.view;
  }
  get recording(): RecordingStatus | null {
    return this.#live.recording;
  }
  get cutOffer(): CutOffer | null {
    return this.#live.active ? null : this.#replay.cutOffer;
  }
  /** The rides of the current replay with the gates they replay with. */
  get rides(): readonly RideWithGates[] {
    return this.#replay.rides;
  }
  /** One line per ride of the replay: file, format, samples, where its gates came from. */
  get loaded(): readonly string[] {
    return this.#replay.rides.map((r) => `${r.ride.fileName}: ${r.ride.format}, ${r.ride.stream.time.length.toLocaleString('en')} samples, ${r.gateSource ?? 'no laps'}`);
  }
  /** The decoders and link states of the sensors (the sensor-test seam feeds it). */
  get hub() {
    return this.#live.hub;
  }

  points(view: MatrixView): readonly MatrixPoint[] {
    return this.#session.points(view);
  }
  segments(): RiderSegment[] {
    return this.#session.segments();
  }
  takeGateMark(): GateMark | null {
    return this.#session.takeGateMark();
  }

  /** First sight: resume an unfinished live session, else replay what `samples` gives. */
  async open(samples: () => Promise<RideFileInput[]>): Promise<ImportReport | RideSessionRecord> {
    await this.#profiles.load().catch(() => undefined);
    const unfinished = (await listSessions()).find((s) => s.endedAt === null);
    if (unfinished) return this.resume(unfinished.id);
    return this.importFiles(await samples(), 'Sample session (generated)');
  }

  /** Ride files replay together; laps files and timing splits give the rides their gates. */
  async importFiles(files: readonly RideFileInput[], label?: string): Promise<ImportReport> {
    if (this.#live.active) throw new Error('end the live session before replaying files');
    if (!this.#profiles.loaded) await this.#profiles.load().catch(() => undefined);
    const decoded = await Promise.all(files.map((file) => file.arrayBuffer().then((bytes) => this.#deps.decode({ fileName: file.name, bytes })).then((value) => ({ file, value }), (error: unknown) => ({ file, error }))));
    const refused: { fileName: string; error: unknown }[] = [];
    const ok = decoded.flatMap((d) => ('error' in d ? (refused.push({ fileName: d.file.name, error: d.error }), []) : [d.value]));
    const newRides = ok.flatMap((d) => (d.kind === 'ride' ? [withOwnGates(d.ride)] : []));
    let rides = newRides.length > 0 ? newRides : [...this.#replay.rides];
    const names = newRides.length > 0 ? newRides.map((r) => r.ride.riderName) : this.#session.riders.map((r) => r.name);
    const applied: string[] = [];
    for (const d of ok) {
      if (d.kind === 'ride') continue;
      const fileName = d.kind === 'laps' ? d.laps.fileName : d.fileName;
      try {
        rides = d.kind === 'laps' ? applyLaps(rides, d.laps) : applySplits(rides, names, d.gates, d.fileName);
        applied.push(fileName);
      } catch (error) {
        refused.push({ fileName, error });
      }
    }
    if (newRides.length > 0) this.#startRides(rides, label ?? newRides.map((r) => r.ride.fileName).join(', '));
    else if (applied.length > 0) this.#replay.restart(rides, this.#courseOf(rides), `${this.#replay.label} + ${applied.join(', ')}`);
    return {
      refused,
      issues: newRides.flatMap((r) => r.ride.issues),
      issueCount: newRides.reduce((n, r) => n + r.ride.issueCount, 0),
    };
  }

  async replaySession(sessionId: string): Promise<void> {
    if (this.#live.active) throw new Error('end the live session before replaying another');
    const stored = await loadSession(sessionId);
    const riders = (stored.record.riders ?? []).filter((r) => stored.streams.has(r.riderId));
    const rides: RideWithGates[] = riders.map((r) => {
      const stream = stored.streams.get(r.riderId)!;
      const gates = openingGates(stored.gates.filter((g) => g.riderId === r.riderId).map((g) => g.time));
      const ride = { fileName: stored.record.name, format: 'recorded session', riderName: r.name, profile: { ftp: r.ftp, weightKg: r.weightKg }, startWallTime: stored.record.startedAt / 1000, stream, gates, segmentsPerLap: null, lapSource: null, issues: [], issueCount: 0 };
      return { ride, gates, gateSource: `${gates.length} recorded gates`, ftp: r.ftp, weightKg: r.weightKg };
    });
    const entries = riders.map((r) => this.#riderEntry(r.riderId, r.name, r.ftp, r.weightKg, 'file', 1));
    this.#replay.start(rides, entries, stored.record.course ?? { segmentsPerLap: 5, segmentNames: [] }, stored.record.name);
  }

  /** Continues an unfinished live session after a reload, on its own clock. */
  async resume(sessionId: string): Promise<RideSessionRecord> {
    const stored = await loadSession(sessionId);
    this.#replay.stop();
    const riders = (stored.record.riders ?? []).map((r) => ({ ...this.#riderEntry(r.riderId, r.name, r.ftp, r.weightKg, 'file', 1), sensorIds: r.sensorIds ?? (r.sensorId ? [r.sensorId] : []) }));
    this.#session.reset(stored.record.course ?? { segmentsPerLap: 5, segmentNames: [] }, riders);
    for (const [riderId, stream] of stored.streams) this.#session.samples(riderId, stream);
    for (const gate of stored.gates) this.#session.gate(gate.riderId, gate.time, { record: false });
    await this.#live.resume(stored.record);
    return stored.record;
  }

  play(): void {
    this.#replay.togglePlay();
  }
  setSpeed(speed: ReplaySpeed): void {
    this.#replay.setSpeed(speed);
  }
  seek(positionS: number): void {
    this.#replay.seek(positionS);
  }
  stopReplay(): void {
    this.#replay.stop();
  }
  /** Delivers the whole replay at once (checks, benchmarks, tests). */
  replayToEnd(): void {
    this.#replay.runToEnd();
  }

  /** Cuts the rides without laps every N minutes or N metres; returns why a ride was left as it was. */
  cutRides(cut: RideCut): string[] {
    return this.#replay.cut(cut);
  }

  /** A connected sensor joins: live recording starts (the replay stops) and the sensor gets its rider. */
  async adoptSensor(source: SensorSource): Promise<void> {
    if (!this.#live.active) this.#replay.stop();
    await this.#live.adopt(source, this.#coachCourse);
  }

  assignSensor(sensorId: string, riderId: string): void {
    this.#live.assign(sensorId, riderId);
  }

  async endLive(): Promise<RecordingStatus | null> {
    return this.#live.stop();
  }

  /** A tap or key for rider `index` (0-based): live time, or the replay clock's position. */
  tapGate(index: number): RiderSegment | null {
    const rider = this.#session.riders[index];
    if (!rider) return null;
    const time = this.#live.active ? this.#live.now() : this.#replay.position;
    const closed = this.#session.gate(rider.id, time);
    this.#emit('gate');
    return closed;
  }

  /** Profile edits recompute every segment of the rider at once and follow the rider to later sessions. */
  async updateRider(riderId: string, changes: Partial<Pick<RiderEntry, 'name' | 'ftp' | 'weightKg' | 'squad'>>): Promise<void> {
    for (const field of ['ftp', 'weightKg'] as const) {
      const problem = changes[field] === undefined ? null : profileProblem(field, changes[field]);
      if (problem) throw new Error(`${problem}: not applied`);
    }
    if (changes.name !== undefined && changes.name.trim() === '') throw new Error('a rider needs a name');
    this.#session.updateRider(riderId, { ...changes, profileSource: 'entered' });
    const rider = this.#session.riders.find((r) => r.id === riderId);
    if (!rider) return;
    if (this.#live.active) this.#live.saveRiders();
    await guardQuota('the rider profile', () => this.#profiles.save({ name: rider.name, ftp: rider.ftp, weightKg: rider.weightKg, squad: rider.squad, sensorIds: [...rider.sensorIds] }));
  }

  listSessions(): Promise<RideSessionRecord[]> {
    return listSessions();
  }
  renameSession(id: string, name: string): Promise<void> {
    return renameSession(id, name);
  }
  async deleteSession(id: string): Promise<void> {
    if (this.#live.view.sessionId === id) throw new Error('end the live session before deleting it');
    await deleteSession(id);
  }
  /** One file per rider of a stored session, to download: field-export xlsx or ride CSV. */
  async exportSession(id: string, kind: 'xlsx' | 'csv'): Promise<{ fileName: string; blob: Blob }[]> {
    // SheetJS loads when a coach exports, not with the page.
    const [{ sessionFiles }, stored] = await Promise.all([import('./sessionExport'), loadSession(id)]);
    return sessionFiles(stored, kind);
  }

  /** Names of the course segments (now), and segments a lap (from the next live session: numbering cannot change mid-session). */
  setCourse(changes: Partial<RideCourse>): void {
    if (changes.segmentsPerLap !== undefined && (!Number.isInteger(changes.segmentsPerLap) || changes.segmentsPerLap < 1 || changes.segmentsPerLap > 50)) {
      throw new Error(`segments a lap must be a whole number from 1 to 50, not ${changes.segmentsPerLap}`);
    }
    const names = changes.segmentNames?.map((n) => n.trim());
    this.#coachCourse = { segmentsPerLap: changes.segmentsPerLap ?? this.#coachCourse.segmentsPerLap, segmentNames: names ?? this.#coachCourse.segmentNames };
    if (names) this.#session.setCourse({ ...this.#session.course, segmentNames: names });
    this.#emit('course');
  }

  get coachCourse(): RideCourse {
    return this.#coachCourse;
  }

  #startRides(rides: readonly RideWithGates[], label: string): void {
    const entries = rides.map((r, i) => {
      const saved = this.#profiles.byName(r.ride.riderName);
      const fromFile = r.ftp !== null || r.weightKg !== null;
      return { ...this.#riderEntry(`replay-${i + 1}`, r.ride.riderName, r.ftp ?? saved?.ftp ?? null, r.weightKg ?? saved?.weightKg ?? null, fromFile ? 'file' : saved ? 'saved' : null, r.ride.stream.sampleIntervalS), squad: saved?.squad ?? null };
    });
    this.#replay.start(rides, entries, this.#courseOf(rides), label);
  }

  /** Segments a lap from a Segments sheet; otherwise every lap is one segment (1.1, 2.1, …). */
  #courseOf(rides: readonly RideWithGates[]): RideCourse {
    const segmentsPerLap = rides.find((r) => r.ride.segmentsPerLap !== null && r.gateSource === r.ride.lapSource)?.ride.segmentsPerLap ?? 1;
    return { segmentsPerLap, segmentNames: segmentsPerLap === this.#session.course.segmentsPerLap ? this.#session.course.segmentNames : [] };
  }

  #riderEntry(id: string, name: string, ftp: number | null, weightKg: number | null, source: RiderEntry['profileSource'], sampleIntervalS: number): RiderEntry {
    return { id, name, ftp, weightKg, squad: null, sensorIds: [], profileSource: ftp === null && weightKg === null ? null : source, sampleIntervalS };
  }

  #emit(change: RideChange): void {
    if (change === 'riders' || change === 'segments' || change === 'samples') this.#riders = null;
    for (const listener of this.#listeners) listener(change);
  }
}
