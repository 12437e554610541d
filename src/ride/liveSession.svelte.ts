import { LiveSampler, type LiveSample } from '../core/power/liveSampler';
import { connectSensor } from '../platform/ble/connectSensor';
import { SensorHub, type PacketValues, type SensorState } from '../platform/ble/sensorHub';
import type { LinkStatus, SensorSource } from '../platform/ble/sensorSource';
import type { RideSessionRecord, SessionGap } from '../platform/ride/rideSessionRecord';
import { SessionRecorder } from '../platform/ride/sessionRecorder';
import type { RidePipeline } from './ridePipeline.svelte';

/**
 * Live recording: sensors → decoders (SensorHub) → 1 s bins per rider (LiveSampler) → the
 * pipeline and the recorder. Session time is wall-clock seconds since the session started,
 * so a session resumed after a reload continues on the same clock.
 */
export class LiveSession {
  #sensors = $state<SensorState[]>([]);
  #gaps = $state<SessionGap[]>([]);
  #active = $state(false);
  readonly hub: SensorHub;
  #samplers = new Map<string, LiveSampler>();
  #startedAt = 0;
  #recorder: SessionRecorder | null = null;
  #timer: ReturnType<typeof setInterval> | null = null;
  #flushes = 0;
  #sensorsTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly pipeline: RidePipeline) {
    this.hub = new SensorHub({
      values: (sensorId, values, arrivalMs) => this.reading(sensorId, values, arrivalMs),
      link: (sensorId, status) => this.link(sensorId, status),
      changed: () => this.sensorsChanged(),
    });
  }

  get sensors(): SensorState[] {
    return this.#sensors;
  }
  get gaps(): SessionGap[] {
    return this.#gaps;
  }
  get active(): boolean {
    return this.#active;
  }
  get sessionId(): string | null {
    return this.#recorder?.session.id ?? null;
  }

  /** Session seconds now. */
  now(): number {
    return (Date.now() - this.#startedAt) / 1000;
  }

  async start(): Promise<void> {
    const startedAt = Date.now();
    const record: RideSessionRecord = {
      id: `live-${startedAt}`,
      name: `Session ${new Date(startedAt).toLocaleString('en-GB')}`,
      startedAt,
      endedAt: null,
      riderIds: [],
      source: 'live',
      riders: [],
      course: { segmentsPerLap: this.pipeline.segmentsPerLap, segmentNames: [...this.pipeline.segmentNames] },
      gaps: [],
    };
    this.pipeline.reset(this.pipeline.segmentsPerLap, [], this.pipeline.segmentNames);
    this.begin(await SessionRecorder.start(record), []);
  }

  /** Continues a stored session after a reload; samples and gates were fed by the caller. */
  async resume(record: RideSessionRecord): Promise<void> {
    this.begin(await SessionRecorder.resume(record), record.gaps ?? []);
  }

  private begin(recorder: SessionRecorder, gaps: readonly SessionGap[]): void {
    this.#recorder = recorder;
    this.pipeline.recorder = recorder;
    this.#startedAt = recorder.session.startedAt;
    this.#gaps = [...gaps];
    this.#samplers.clear();
    this.#active = true;
    this.#timer = setInterval(() => this.tick(), 250);
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    for (const sensor of this.hub.states()) this.hub.remove(sensor.id);
    this.flushSamplers(Number.POSITIVE_INFINITY);
    await this.#recorder?.stop();
    this.pipeline.recorder = null;
    this.#recorder = null;
    this.#active = false;
  }

  /** Opens the chooser (inside a click), connects, and gives the sensor a rider. */
  async connect(): Promise<void> {
    const source = await connectSensor();
    await this.adopt(source);
  }

  async adopt(source: SensorSource): Promise<void> {
    if (!this.#active) await this.start();
    this.hub.add(source);
    this.sensorAdded(source.id, source.name);
  }

  sensorAdded(sensorId: string, name: string): void {
    if (this.pipeline.riders.some((r) => r.sensorId === sensorId)) return;
    const free = this.pipeline.riders.find((r) => r.sensorId === null);
    if (free) this.assign(sensorId, free.id);
    else {
      const id = `rider-${this.pipeline.riders.length + 1}-${sensorId}`;
      this.pipeline.addRider({ id, name: `Rider ${this.pipeline.riders.length + 1} (${name})`, ftp: null, weightKg: null, squad: null, sensorId });
      this.saveRiders();
    }
  }

  assign(sensorId: string, riderId: string): void {
    for (const rider of this.pipeline.riders) {
      if (rider.sensorId === sensorId && rider.id !== riderId) this.pipeline.updateRider(rider.id, { sensorId: null });
    }
    this.pipeline.updateRider(riderId, { sensorId });
    this.saveRiders();
  }

  saveRiders(): void {
    const riders = this.pipeline.riders.map((r) => ({ riderId: r.id, name: r.name, ftp: r.ftp, weightKg: r.weightKg, sensorId: r.sensorId }));
    void this.#recorder?.update({ riders, riderIds: riders.map((r) => r.riderId) });
  }

  private riderOf(sensorId: string): string | null {
    return this.pipeline.riders.find((r) => r.sensorId === sensorId)?.id ?? null;
  }

  private reading(sensorId: string, values: PacketValues, arrivalMs: number): void {
    const riderId = this.riderOf(sensorId);
    if (!riderId || !this.#active) return;
    let sampler = this.#samplers.get(riderId);
    if (!sampler) this.#samplers.set(riderId, (sampler = new LiveSampler()));
    const time = (performance.timeOrigin + arrivalMs - this.#startedAt) / 1000;
    if (time < 0) return;
    try {
      this.deliver(riderId, sampler.add({ time, ...values }));
    } catch {
      // A packet stamped before the open bin (clock step after a reload) is dropped, not fatal.
    }
  }

  private deliver(riderId: string, samples: LiveSample[]): void {
    if (samples.length === 0) return;
    const column = (name: keyof LiveSample) => samples.map((s) => s[name]);
    this.pipeline.samples(riderId, { time: column('time'), power: column('power'), cadence: column('cadence'), heartRate: column('heartRate'), speed: column('speed') });
  }

  private flushSamplers(now: number): void {
    for (const [riderId, sampler] of this.#samplers) this.deliver(riderId, sampler.flush(now));
  }

  private tick(): void {
    this.flushSamplers(this.now());
    if (++this.#flushes % 4 === 0) void this.#recorder?.flush();
  }

  /** Sensor rows refresh at most 4 times a second: 10 riders at 4 Hz would otherwise re-render 40 times a second and push gate frames late. */
  private sensorsChanged(): void {
    if (this.#sensorsTimer) return;
    this.#sensorsTimer = setTimeout(() => {
      this.#sensorsTimer = null;
      this.#sensors = this.hub.states();
    }, 250);
  }

  private link(sensorId: string, status: LinkStatus): void {
    const riderId = this.riderOf(sensorId);
    if (!riderId) return;
    const open = this.#gaps.findIndex((g) => g.riderId === riderId && g.to === null);
    if ((status.state === 'lost' || status.state === 'reconnecting') && open < 0) {
      this.#gaps = [...this.#gaps, { riderId, from: this.now(), to: null }];
    } else if (status.state === 'connected' && open >= 0) {
      this.#gaps = this.#gaps.map((g, i) => (i === open ? { ...g, to: this.now() } : g));
    } else return;
    void this.#recorder?.noteGaps(this.#gaps);
  }
}
