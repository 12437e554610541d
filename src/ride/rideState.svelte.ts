import { fetchSample, samples } from '../app/samples';
import { notices } from '../app/notices.svelte';
import type { MatrixPoint, MatrixView, RideCut, RiderSegment } from '../core/power/index';
import { bluetoothUnavailableReason, connectSensor } from '../platform/ble/connectSensor';
import { installSensorTestFeed, sensorTestRequested } from '../platform/ble/sensorTestFeed';
import { computePool } from '../platform/pool/browserPool';
import type { LiveView } from '../platform/ride/liveRecording';
import type { ReplaySpeed } from '../platform/ride/replayClock';
import { RideEngine, type ImportReport, type RideChange } from '../platform/ride/rideEngine';
import { rideDecodeDeadline } from '../platform/ride/rideDecodeDeadline';
import type { RideSessionRecord } from '../platform/ride/rideSessionRecord';
import type { GateMark, RideCourse, RiderEntry } from '../platform/ride/rideSession';
import type { CutOffer, ReplayView, RiderView, ScopeAdvice } from '../platform/ride/rideView';
import type { RecordingStatus } from '../platform/ride/sessionRecorder';

/**
 * The Ride workspace's state: a thin mirror of the engine's views (riders, course, replay,
 * live, recording), pulled once per burst of changes; commands go to the engine and their
 * failures to the notices. Components read this and nothing else.
 */
export class RideState {
  readonly #engine = new RideEngine({ decode: (input) => computePool().run('rideDecode', input, { deadline: rideDecodeDeadline(input) }) });
  readonly bluetoothMissing = bluetoothUnavailableReason();
  #riders = $state.raw<readonly RiderView[]>([]);
  #course = $state.raw<RideCourse>({ segmentsPerLap: 5, segmentNames: [] });
  #coachCourse = $state.raw<RideCourse>(this.#engine.coachCourse);
  #scope = $state.raw<ScopeAdvice>({ scope: 'segment', reason: '' });
  #replay = $state.raw<ReplayView | null>(null);
  #loaded = $state.raw<readonly string[]>([]);
  #live = $state.raw<LiveView>(this.#engine.live);
  #recording = $state.raw<RecordingStatus | null>(null);
  #cutOffer = $state.raw<CutOffer | null>(null);
  #sessions = $state.raw<readonly RideSessionRecord[]>([]);
  #revision = $state(0);
  #loading = $state(true);
  #opened = false;
  #pending = new Set<RideChange>();
  #pullQueued = false;
  #samplesTimer: ReturnType<typeof setTimeout> | null = null;
  readonly #gateListeners = new Set<() => void>();

  constructor() {
    this.#engine.subscribe((change) => this.#changed(change));
    if (sensorTestRequested()) installSensorTestFeed(this.#engine.hub, (source) => this.#run('Sensor', () => this.#engine.adoptSensor(source)));
  }

  get riders() {
    return this.#riders;
  }
  get course() {
    return this.#course;
  }
  /** The course live sessions use (segments a lap, names). */
  get coachCourse() {
    return this.#coachCourse;
  }
  get scope() {
    return this.#scope;
  }
  get replay() {
    return this.#replay;
  }
  /** The rides of the replay, one line each: file, format, samples, where the gates came from. */
  get loaded() {
    return this.#loaded;
  }
  get live() {
    return this.#live;
  }
  get recording() {
    return this.#recording;
  }
  get cutOffer() {
    return this.#cutOffer;
  }
  get sessions() {
    return this.#sessions;
  }
  /** Bumped whenever a segment changed: the table and the matrix redraw on it. */
  get revision() {
    return this.#revision;
  }
  get loading() {
    return this.#loading;
  }

  points(view: MatrixView): readonly MatrixPoint[] {
    return this.#engine.points(view);
  }
  segments(): RiderSegment[] {
    return this.#engine.segments();
  }
  takeGateMark(): GateMark | null {
    return this.#engine.takeGateMark();
  }
  /** Called at once when a gate is tapped, so the matrix draws in the same task (see EfficiencyMatrix). */
  onGate(listener: () => void): () => void {
    this.#gateListeners.add(listener);
    return () => this.#gateListeners.delete(listener);
  }

  /** First sight (once per page): resume an unfinished live session, else replay the sample. */
  async open(): Promise<void> {
    if (this.#opened) return;
    this.#opened = true;
    try {
      const opened = await this.#engine.open(() => Promise.all(samples.rides.map((path) => fetchSample(path))));
      if ('refused' in opened) this.#report(opened);
      else notices.add('info', `Resumed "${opened.name}" with ${this.#engine.recording?.onDisk ?? 0} recorded samples: connect the sensors again to carry on.`);
    } catch (error) {
      notices.error(error, 'Ride');
    } finally {
      this.#loading = false;
    }
    await this.refreshSessions();
  }

  /** The coach left the Ride page: a replay pauses; a live recording goes on (it is the point of it). */
  leave(): void {
    if (this.#engine.replay?.playing) this.#engine.play();
  }

  importFiles(files: File[]): Promise<void> {
    return this.#run('Replay', async () => this.#report(await this.#engine.importFiles(files)));
  }
  cut(cut: RideCut): Promise<void> {
    return this.#run('Cut', async () => {
      for (const skipped of this.#engine.cutRides(cut)) notices.add('warning', skipped);
    });
  }
  togglePlay(): void {
    this.#engine.play();
  }
  setSpeed(speed: ReplaySpeed): void {
    this.#engine.setSpeed(speed);
  }
  seek(positionS: number): void {
    this.#engine.seek(positionS);
  }
  tapGate(index: number): void {
    const rider = this.#riders[index];
    if (!rider) return;
    try {
      this.#engine.tapGate(index);
    } catch (error) {
      notices.error(error, `Gate for ${rider.name}`);
    }
  }
  updateRider(riderId: string, changes: Partial<Pick<RiderEntry, 'name' | 'ftp' | 'weightKg' | 'squad'>>): Promise<void> {
    return this.#run('Rider profile', () => this.#engine.updateRider(riderId, changes));
  }
  setCourse(changes: Partial<RideCourse>): void {
    try {
      this.#engine.setCourse(changes);
    } catch (error) {
      notices.error(error, 'Course');
    }
  }
  connectSensor(): Promise<void> {
    // The chooser must open inside the click: connectSensor() runs before any await.
    const connecting = connectSensor();
    return this.#run('Connect sensor', async () => this.#engine.adoptSensor(await connecting), ['NotFoundError']);
  }
  assignSensor(sensorId: string, riderId: string): void {
    this.#engine.assignSensor(sensorId, riderId);
  }
  /** Ends the live session and opens it as a replay, so the coach goes on reading it. */
  endLive(): Promise<void> {
    return this.#run('End session', async () => {
      const sessionId = this.#engine.live.sessionId;
      const status = await this.#engine.endLive();
      if (status && status.waiting > 0) notices.add('error', `The session ended with ${status.waiting} samples not saved: the device’s storage is full. Free space (delete old recorded sessions) before the next session.`);
      await this.refreshSessions();
      if (sessionId) await this.#engine.replaySession(sessionId);
    });
  }
  replaySession(id: string): Promise<void> {
    return this.#run('Replay', () => this.#engine.replaySession(id));
  }
  async refreshSessions(): Promise<void> {
    await this.#run('Sessions', async () => {
      this.#sessions = await this.#engine.listSessions();
    });
  }
  renameSession(id: string, name: string): Promise<void> {
    return this.#run('Rename', async () => {
      await this.#engine.renameSession(id, name);
      await this.refreshSessions();
    });
  }
  deleteSession(id: string): Promise<void> {
    return this.#run('Delete', async () => {
      await this.#engine.deleteSession(id);
      await this.refreshSessions();
    });
  }
  exportSession(id: string, kind: 'xlsx' | 'csv'): Promise<{ fileName: string; blob: Blob }[]> {
    return this.#engine.exportSession(id, kind);
  }

  /**
   * Changes come in bursts (a replay batch delivers hundreds): the views are pulled once per
   * burst. Samples alone (live: a second closed per rider) are pulled at most 4 times a second,
   * so 10 riders at 4 Hz do not re-render the gates between a coach's taps.
   */
  #changed(change: RideChange): void {
    if (change === 'gate') for (const listener of this.#gateListeners) listener();
    this.#pending.add(change);
    if (change === 'samples') {
      this.#samplesTimer ??= setTimeout(() => this.#pull(), 250);
      return;
    }
    if (!this.#pullQueued) {
      this.#pullQueued = true;
      queueMicrotask(() => this.#pull());
    }
  }

  #pull(): void {
    this.#pullQueued = false;
    if (this.#samplesTimer) clearTimeout(this.#samplesTimer);
    this.#samplesTimer = null;
    const pending = this.#pending;
    if (pending.size === 0) return;
    this.#pending = new Set();
    const engine = this.#engine;
    if (pending.has('riders') || pending.has('segments') || pending.has('samples') || pending.has('gate')) this.#riders = engine.riders;
    if (pending.has('segments') || pending.has('gate') || pending.has('riders')) this.#revision++;
    if (pending.has('course') || pending.has('riders')) {
      this.#course = engine.course;
      this.#coachCourse = engine.coachCourse;
    }
    if (pending.has('replay')) {
      const wasLabel = this.#replay?.label;
      this.#replay = engine.replay;
      if (this.#replay?.label !== wasLabel || pending.has('riders')) this.#loaded = engine.loaded;
    }
    if (pending.has('live')) {
      const wasActive = this.#live.active;
      this.#live = engine.live;
      // A session started or ended: the recorded sessions list changed.
      if (wasActive !== this.#live.active) void this.refreshSessions();
    }
    if (pending.has('recording') || pending.has('live')) this.#recording = engine.recording;
    // Replaced only when they say something else, so what reads them is not woken for nothing.
    const scope = engine.scope;
    if (scope.scope !== this.#scope.scope || scope.reason !== this.#scope.reason) this.#scope = scope;
    const offer = engine.cutOffer;
    if (JSON.stringify(offer) !== JSON.stringify(this.#cutOffer)) this.#cutOffer = offer;
  }

  #report(report: ImportReport): void {
    for (const { error } of report.refused) notices.error(error, 'Replay');
    for (const issue of report.issues.slice(0, 5)) notices.add('warning', issue);
    if (report.issueCount > 5) notices.add('warning', `… and ${report.issueCount - 5} more cells in these files kept as gaps or skipped, like the five above.`);
  }

  async #run(label: string, work: () => Promise<unknown>, quiet: string[] = []): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (!quiet.includes((error as Error)?.name)) notices.error(error, label);
    }
  }
}

let shared: RideState | null = null;

/**
 * The one Ride state of the page: it outlives the Ride view, so a live recording goes on (and
 * is recorded once) while the coach looks at Settings, and the workspace comes back as it was.
 */
export function rideState(): RideState {
  return (shared ??= new RideState());
}
