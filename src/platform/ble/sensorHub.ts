import { CrankCadenceTracker, MalformedPacketError, WheelSpeedTracker, decodeBatteryLevel, decodeCscMeasurement, decodeCyclingPowerMeasurement, decodeHeartRateMeasurement } from '../../core/ble/index';
import { implausibility, type RideQuantity } from '../../core/power/plausibleRanges';
import type { LinkStatus, SensorPacket, SensorSource } from './sensorSource';

/** What one packet said, in the sport's units; absent = this packet did not carry it. */
export interface PacketValues {
  power?: number;
  cadence?: number;
  heartRate?: number;
  speed?: number;
}

export interface SensorState {
  readonly id: string;
  readonly name: string;
  readonly link: LinkStatus;
  readonly battery: number | null;
  readonly last: PacketValues;
  readonly packets: number;
  /** Malformed packets counted and skipped; a firmware quirk must not stop a session. */
  readonly dropped: number;
}

export interface SensorHubListener {
  /** A decoded packet; arrivalMs on the performance.now() clock. */
  values(sensorId: string, values: PacketValues, arrivalMs: number): void;
  link(sensorId: string, status: LinkStatus): void;
  changed(): void;
}

interface Entry {
  readonly source: SensorSource;
  readonly crank: CrankCadenceTracker;
  readonly wheel: WheelSpeedTracker;
  state: SensorState;
  readonly stop: (() => void)[];
}

/** A rate is only a value once the tracker knows it (NaN before the second event). */
function known(values: PacketValues, key: 'cadence' | 'speed', value: number): void {
  if (!Number.isNaN(value)) values[key] = value;
}

/** Every connected sensor: decodes its packets with the core decoders and keeps its state for the screen. */
export class SensorHub {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly listener: SensorHubListener) {}

  add(source: SensorSource): void {
    this.remove(source.id);
    const entry: Entry = {
      source,
      crank: new CrankCadenceTracker(),
      wheel: new WheelSpeedTracker(),
      state: { id: source.id, name: source.name, link: { state: 'connecting', attempts: 0, detail: null }, battery: null, last: {}, packets: 0, dropped: 0 },
      stop: [],
    };
    this.entries.set(source.id, entry);
    entry.stop.push(source.onPacket((packet) => this.packet(entry, packet)));
    entry.stop.push(
      source.onStatus((link) => {
        entry.state = { ...entry.state, link };
        this.listener.link(source.id, link);
        this.listener.changed();
        if (link.state === 'connected') void this.refreshBattery(source.id);
      }),
    );
  }

  remove(sensorId: string): void {
    const entry = this.entries.get(sensorId);
    if (!entry) return;
    for (const stop of entry.stop) stop();
    entry.source.close();
    this.entries.delete(sensorId);
    this.listener.changed();
  }

  source(sensorId: string): SensorSource | undefined {
    return this.entries.get(sensorId)?.source;
  }

  states(): SensorState[] {
    return [...this.entries.values()].map((entry) => entry.state);
  }

  async refreshBattery(sensorId: string): Promise<void> {
    const entry = this.entries.get(sensorId);
    if (!entry) return;
    const battery = await entry.source.readBattery();
    entry.state = { ...entry.state, battery };
    this.listener.changed();
  }

  private packet(entry: Entry, packet: SensorPacket): void {
    const arrivalS = packet.arrivalMs / 1000;
    const values: PacketValues = {};
    try {
      if (packet.kind === 'power') {
        const measurement = decodeCyclingPowerMeasurement(packet.value);
        values.power = measurement.instantaneousPower;
        if (measurement.crankRevolutions) known(values, 'cadence', entry.crank.update(measurement.crankRevolutions, arrivalS));
        if (measurement.wheelRevolutions) known(values, 'speed', entry.wheel.update(measurement.wheelRevolutions, arrivalS));
      } else if (packet.kind === 'heartRate') {
        values.heartRate = decodeHeartRateMeasurement(packet.value).heartRate;
      } else if (packet.kind === 'speedCadence') {
        const measurement = decodeCscMeasurement(packet.value);
        if (measurement.crankRevolutions) known(values, 'cadence', entry.crank.update(measurement.crankRevolutions, arrivalS));
        if (measurement.wheelRevolutions) known(values, 'speed', entry.wheel.update(measurement.wheelRevolutions, arrivalS));
      } else {
        entry.state = { ...entry.state, battery: decodeBatteryLevel(packet.value) };
        this.listener.changed();
        return;
      }
    } catch (error) {
      if (!(error instanceof MalformedPacketError)) throw error;
      entry.state = { ...entry.state, dropped: entry.state.dropped + 1 };
      this.listener.changed();
      return;
    }
    // The reading shown is the last one that counts: a glitch (32,767 W, −8,354 W) is listed
    // with its reason by the sampler, never shown as the rider's power.
    const counted = Object.fromEntries(Object.entries(values).filter(([quantity, value]) => implausibility(quantity as RideQuantity, value) === null));
    entry.state = { ...entry.state, last: { ...entry.state.last, ...counted }, packets: entry.state.packets + 1 };
    this.listener.values(entry.source.id, values, packet.arrivalMs);
    this.listener.changed();
  }
}
