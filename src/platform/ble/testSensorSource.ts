import { SourceEvents, type LinkStatus, type MeasurementKind, type SensorPacket, type SensorSource } from './sensorSource';

/**
 * A sensor with no radio behind it: packets and link changes come from code (the e2e tests
 * and the benchmark, through the sensor-test feed). Everything after it is the live path.
 */
export class TestSensorSource implements SensorSource {
  readonly kinds = new Set<MeasurementKind>(['power']);
  private readonly events = new SourceEvents();
  battery: number | null = 87;

  constructor(
    readonly id: string,
    readonly name: string,
  ) {
    this.events.emitStatus({ state: 'connected', attempts: 0, detail: null });
  }

  onPacket(listener: (packet: SensorPacket) => void): () => void {
    return this.events.onPacket(listener);
  }

  onStatus(listener: (status: LinkStatus) => void): () => void {
    return this.events.onStatus(listener);
  }

  inject(packet: SensorPacket): void {
    this.kinds.add(packet.kind);
    this.events.emitPacket(packet);
  }

  setStatus(status: LinkStatus): void {
    this.events.emitStatus(status);
  }

  async readBattery(): Promise<number | null> {
    return this.battery;
  }

  close(): void {
    this.events.emitStatus({ state: 'closed', attempts: 0, detail: null });
  }
}
