import { LiveSampler, type LiveSample } from '../../core/power/liveSampler';
import { implausibility, RIDE_QUANTITIES, type RideQuantity } from '../../core/power/index';
import { SensorHub, type PacketValues, type SensorState } from '../ble/sensorHub';
import type { LinkStatus, SensorSource } from '../ble/sensorSource';
import type { RideSessionRecord, SessionGap, SessionRejectedReading } from './rideSessionRecord';
import type { RiderProfiles } from './riderProfiles';
import type { RideCourse, RideSession } from './rideSession';
import { SessionRecorder, type RecordingStatus } from './sessionRecorder';

export interface LiveView {
  readonly active: boolean;
  readonly sessionId: string | null;
  readonly sessionName: string | null;
  readonly sensors: readonly SensorState[];
  readonly gaps: readonly SessionGap[];
  /** Readings no sensor can truly give (a 32,767 W packet), each kept out of the samples with its reason. */
  readonly rejected: readonly SessionRejectedReading[];
  readonly rejectedCount: number;
}

const KEEP_REJECTED = 200;

/**
 * Live recording: sensors → decoders (SensorHub) → plausibility → 1 s bins per rider
 * (LiveSampler) → the session and the recorder. A reading outside its plausible range never
 * reaches a bin: it is listed with its reason, so one bad packet cannot become an 8,342 W
 * second. Session time is wall-clock seconds since the session started, so a session resumed
 * after a reload continues on the same clock.
 */
export class LiveRecording {
  readonly hub: SensorHub;
  readonly #session: RideSession;
  readonly #profiles: RiderProfiles;
  readonly #changed: (kind: 'live' | 'recording') => void;
  readonly #samplers = new Map<string, LiveSampler>();
  #recorder: SessionRecorder | null = null;
  #startedAt = 0;
  #timer: ReturnType<typeof setInterval> | null = null;
  #ticks = 0;
  #sensorsTimer: ReturnType<typeof setTimeout> | null = null;
  #sensors: readonly SensorState[] = [];
  #gaps: SessionGap[] = [];
  #rejected: SessionRejectedReading[] = [];
  #rejectedCount = 0;
  #rejectedDirty = false;

  constructor(session: RideSession, profiles: RiderProfiles, changed: (kind: 'live' | 'recording') => void) {
    this.#session = session;
    this.#profiles = profiles;
    this.#changed = changed;
    this.hub = new SensorHub({
      values: (sensorId, values, arrivalMs) => this.#reading(sensorId, values, arrivalMs),
      link: (sensorId, status) => this.#link(sensorId, status),
      changed: () => this.#sensorsChanged(),
    });
  }

  get active(): boolean {
    return this.#recorder !== null;
  }

  get view(): LiveView {
    const record = this.#recorder?.session ?? null;
    return { active: this.active, sessionId: record?.id ?? null, sessionName: record?.name ?? null, sensors: this.#sensors, gaps: this.#gaps, rejected: this.#rejected, rejectedCount: this.#rejectedCount };
  }

  get recording(): RecordingStatus | null {
    return this.#recorder?.status ?? null;
  }

  /** Session seconds now. */
  now(): number {
    return (Date.now() - this.#startedAt) / 1000;
  }

  async start(course: RideCourse): Promise<void> {
    const startedAt = Date.now();
    const record: RideSessionRecord = { id: `live-${startedAt}`, name: `Session ${new Date(startedAt).toLocaleString('en-GB')}`, startedAt, endedAt: null, riderIds: [], source: 'live', riders: [], course, gaps: [], rejected: [] };
    this.#session.reset(course, []);
    this.#begin(await SessionRecorder.start(record, () => this.#changed('recording')), record);
  }

  /** Continues a stored session after a reload; its samples and gates were fed by the caller. */
  async resume(record: RideSessionRecord): Promise<void> {
    this.#begin(await SessionRecorder.resume(record, () => this.#changed('recording')), record);
  }

  /** Ends the session; resolves with what reached the device (waiting > 0 when storage refused the rest). */
  async stop(): Promise<RecordingStatus | null> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    for (const sensor of this.hub.states()) this.hub.remove(sensor.id);
    this.#flushSamplers(Number.POSITIVE_INFINITY);
    const recorder = this.#recorder;
    if (this.#rejectedDirty) void recorder?.update({ rejected: this.#rejected });
    await recorder?.stop();
    this.#session.recorder = null;
    this.#recorder = null;
    this.#changed('live');
    this.#changed('recording');
    return recorder?.status ?? null;
  }

  /** A connected sensor joins the session: a rider wearing it before gets it back, else a free or new rider. */
  async adopt(source: SensorSource, course: RideCourse): Promise<void> {
    // Into the hub at once, so packets pushed right after are decoded; they count once the session runs.
    this.hub.add(source);
    if (!this.active) await this.start(course);
    this.#sensorAdded(source.id, source.name);
  }

  /** Puts a sensor on a rider (a rider wears several); the rider it leaves is dropped if they never rode. */
  assign(sensorId: string, riderId: string): void {
    const from = this.#session.riders.filter((r) => r.id !== riderId && r.sensorIds.includes(sensorId));
    for (const rider of from) this.#session.updateRider(rider.id, { sensorIds: rider.sensorIds.filter((id) => id !== sensorId) });
    const rider = this.#session.riders.find((r) => r.id === riderId);
    if (rider && !rider.sensorIds.includes(sensorId)) this.#session.updateRider(riderId, { sensorIds: [...rider.sensorIds, sensorId] });
    for (const left of from) if (left.sensorIds.length === 1) this.#session.removeRiderIfUnused(left.id);
    this.saveRiders();
  }

  /** The riders as the session saw them, written with the session. */
  saveRiders(): void {
    const riders = this.#session.riders.map((r) => ({ riderId: r.id, name: r.name, ftp: r.ftp, weightKg: r.weightKg, sensorIds: r.sensorIds }));
    void this.#recorder?.update({ riders, riderIds: riders.map((r) => r.riderId) });
  }

  #begin(recorder: SessionRecorder, record: RideSessionRecord): void {
    this.#recorder = recorder;
    this.#session.recorder = recorder;
    this.#startedAt = record.startedAt;
    this.#gaps = [...(record.gaps ?? [])];
    this.#rejected = [...(record.rejected ?? [])];
    this.#rejectedCount = this.#rejected.length;
    this.#samplers.clear();
    this.#timer = setInterval(() => this.#tick(), 250);
    this.#changed('live');
    this.#changed('recording');
  }

  #sensorAdded(sensorId: string, sensorName: string): void {
    if (this.#session.riders.some((r) => r.sensorIds.includes(sensorId))) return;
    const known = this.#profiles.bySensor(sensorId);
    // The rider who wore it last time, else one who wears nothing yet.
    const free = this.#session.riders.find((r) => (known !== null ? r.name === known.name : r.sensorIds.length === 0));
    if (free) return this.assign(sensorId, free.id);
    const n = this.#session.riders.length + 1;
    this.#session.addRider({
      id: `rider-${n}-${sensorId}`,
      name: known?.name ?? `Rider ${n} (${sensorName})`,
      ftp: known?.ftp ?? null,
      weightKg: known?.weightKg ?? null,
      squad: known?.squad ?? null,
      sensorIds: [sensorId],
      profileSource: known ? 'saved' : null,
      sampleIntervalS: 1,
    });
    this.saveRiders();
  }

  #riderOf(sensorId: string): string | null {
    return this.#session.riders.find((r) => r.sensorIds.includes(sensorId))?.id ?? null;
  }

  #reading(sensorId: string, values: PacketValues, arrivalMs: number): void {
    const riderId = this.#riderOf(sensorId);
    if (!riderId || !this.active) return;
    const time = (performance.timeOrigin + arrivalMs - this.#startedAt) / 1000;
    if (time < 0) return;
    const plausible: PacketValues = {};
    for (const quantity of RIDE_QUANTITIES) {
      const value = values[quantity];
      if (value === undefined) continue;
      const reason = implausibility(quantity, value);
      if (reason === null) plausible[quantity] = value;
      else this.#reject(riderId, time, quantity, value, reason);
    }
    if (Object.keys(plausible).length === 0) return;
    let sampler = this.#samplers.get(riderId);
    if (!sampler) this.#samplers.set(riderId, (sampler = new LiveSampler()));
    try {
      this.#deliver(riderId, sampler.add({ time, ...plausible }));
    } catch {
      // A packet stamped before the open bin (clock step after a reload) is dropped, not fatal.
    }
  }

  #reject(riderId: string, time: number, quantity: RideQuantity, value: number, reason: string): void {
    this.#rejectedCount++;
    this.#rejected = [...this.#rejected.slice(-(KEEP_REJECTED - 1)), { riderId, time: Math.round(time * 10) / 10, quantity, value, reason }];
    this.#rejectedDirty = true;
    this.#changed('live');
  }

  #deliver(riderId: string, samples: LiveSample[]): void {
    if (samples.length === 0) return;
    const column = (name: keyof LiveSample) => samples.map((s) => s[name]);
    this.#session.samples(riderId, { time: column('time'), power: column('power'), cadence: column('cadence'), heartRate: column('heartRate'), speed: column('speed') });
  }

  #flushSamplers(now: number): void {
    for (const [riderId, sampler] of this.#samplers) this.#deliver(riderId, sampler.flush(now));
  }

  #tick(): void {
    this.#flushSamplers(this.now());
    if (++this.#ticks % 4 !== 0) return;
    if (this.#rejectedDirty) {
      this.#rejectedDirty = false;
      void this.#recorder?.update({ rejected: this.#rejected });
    } else void this.#recorder?.flush();
  }

  /** Sensor rows refresh at most 4 times a second: 10 riders at 4 Hz would otherwise re-render 40 times a second and push gate frames late. */
  #sensorsChanged(): void {
    if (this.#sensorsTimer) return;
    this.#sensorsTimer = setTimeout(() => {
      this.#sensorsTimer = null;
      this.#sensors = this.hub.states();
      this.#changed('live');
    }, 250);
  }

  #link(sensorId: string, status: LinkStatus): void {
    const riderId = this.#riderOf(sensorId);
    if (!riderId) return;
    const open = this.#gaps.findIndex((g) => g.riderId === riderId && g.to === null);
    if ((status.state === 'lost' || status.state === 'reconnecting') && open < 0) {
      this.#gaps = [...this.#gaps, { riderId, from: this.now(), to: null }];
    } else if (status.state === 'connected' && open >= 0) {
      this.#gaps = this.#gaps.map((g, i) => (i === open ? { ...g, to: this.now() } : g));
    } else return;
    void this.#recorder?.update({ gaps: this.#gaps });
    this.#changed('live');
  }
}
