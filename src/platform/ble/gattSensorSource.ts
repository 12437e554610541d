import { BATTERY_LEVEL, BATTERY_SERVICE, CSC_MEASUREMENT, CYCLING_POWER_MEASUREMENT, CYCLING_POWER_SERVICE, CYCLING_SPEED_AND_CADENCE_SERVICE, HEART_RATE_MEASUREMENT, HEART_RATE_SERVICE, decodeBatteryLevel } from '../../core/ble/index';
import { SourceEvents, type LinkStatus, type MeasurementKind, type SensorPacket, type SensorSource } from './sensorSource';
import type { BluetoothDeviceLike, GattCharacteristic, GattServer } from './webBluetoothTypes';

const MEASUREMENTS: { kind: MeasurementKind; service: number; characteristic: number }[] = [
  { kind: 'power', service: CYCLING_POWER_SERVICE, characteristic: CYCLING_POWER_MEASUREMENT },
  { kind: 'heartRate', service: HEART_RATE_SERVICE, characteristic: HEART_RATE_MEASUREMENT },
  { kind: 'speedCadence', service: CYCLING_SPEED_AND_CADENCE_SERVICE, characteristic: CSC_MEASUREMENT },
];

/** Seconds before reconnect attempt n (0-based): 0.5, 1, 2, 4, 8, then every 15 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(15_000, 500 * 2 ** attempt);
}

/**
 * A sensor over Web Bluetooth. Subscribes to every measurement the device offers; when the
 * link drops (`gattserverdisconnected`) it says so at once and reconnects by itself with a
 * growing backoff until it succeeds or the coach closes it. A reconnect re-subscribes:
 * notifications do not survive a lost link.
 */
export class GattSensorSource implements SensorSource {
  readonly id: string;
  readonly name: string;
  readonly kinds = new Set<MeasurementKind>();
  private readonly events = new SourceEvents();
  private readonly subscriptions: { characteristic: GattCharacteristic; handler: (event: Event) => void }[] = [];
  private closed = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  private constructor(private readonly device: BluetoothDeviceLike) {
    this.id = device.id;
    this.name = device.name || `Sensor ${device.id.slice(0, 6)}`;
    device.addEventListener('gattserverdisconnected', () => this.linkLost());
  }

  static async open(device: BluetoothDeviceLike): Promise<GattSensorSource> {
    const source = new GattSensorSource(device);
    await source.connect();
    return source;
  }

  onPacket(listener: (packet: SensorPacket) => void): () => void {
    return this.events.onPacket(listener);
  }

  onStatus(listener: (status: LinkStatus) => void): () => void {
    return this.events.onStatus(listener);
  }

  inject(packet: SensorPacket): void {
    this.events.emitPacket(packet);
  }

  async readBattery(): Promise<number | null> {
    const server = this.server();
    try {
      const service = await server.getPrimaryService(BATTERY_SERVICE);
      return decodeBatteryLevel(await (await service.getCharacteristic(BATTERY_LEVEL)).readValue());
    } catch {
      return null;
    }
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.unsubscribe();
    this.events.emitStatus({ state: 'closed', attempts: 0, detail: null });
    this.device.gatt?.disconnect();
  }

  private server(): GattServer {
    if (!this.device.gatt) throw new Error(`${this.name} offers no GATT server`);
    return this.device.gatt;
  }

  private async connect(): Promise<void> {
    const server = await this.server().connect();
    this.unsubscribe();
    const missing: string[] = [];
    for (const { kind, service, characteristic } of MEASUREMENTS) {
      let found: GattCharacteristic;
      try {
        found = await (await server.getPrimaryService(service)).getCharacteristic(characteristic);
      } catch (error) {
        missing.push(`${kind}: ${(error as Error).message}`);
        continue; // this device does not offer that measurement
      }
      const handler = (event: Event) => {
        const value = (event.target as GattCharacteristic).value;
        if (value) this.events.emitPacket({ kind, value, arrivalMs: performance.now() });
      };
      found.addEventListener('characteristicvaluechanged', handler);
      await found.startNotifications();
      this.subscriptions.push({ characteristic: found, handler });
      this.kinds.add(kind);
    }
    if (this.subscriptions.length === 0) throw new Error(`${this.name} offers no power, heart-rate or speed/cadence measurement (${missing.join('; ')})`);
    this.events.emitStatus({ state: 'connected', attempts: 0, detail: null });
  }

  private unsubscribe(): void {
    for (const { characteristic, handler } of this.subscriptions.splice(0)) characteristic.removeEventListener('characteristicvaluechanged', handler);
  }

  private linkLost(): void {
    if (this.closed || this.events.status.state === 'lost' || this.events.status.state === 'reconnecting') return;
    this.events.emitStatus({ state: 'lost', attempts: 0, detail: null });
    this.scheduleReconnect(0);
  }

  private scheduleReconnect(attempt: number): void {
    this.timer = setTimeout(async () => {
      if (this.closed) return;
      this.events.emitStatus({ state: 'reconnecting', attempts: attempt + 1, detail: this.events.status.detail });
      try {
        await this.connect();
      } catch (error) {
        if (this.closed) return;
        this.events.emitStatus({ state: 'reconnecting', attempts: attempt + 1, detail: (error as Error).message });
        this.scheduleReconnect(attempt + 1);
      }
    }, reconnectDelayMs(attempt));
  }
}
