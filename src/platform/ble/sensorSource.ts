/**
 * The seam between a sensor and the ride pipeline. A real GATT device and the test feed both
 * implement it, so what the e2e tests push goes through the same decoding as a notification.
 */
export type MeasurementKind = 'power' | 'heartRate' | 'speedCadence' | 'battery';

export interface SensorPacket {
  readonly kind: MeasurementKind;
  /** The characteristic's value exactly as notified. */
  readonly value: DataView;
  /** performance.now() at arrival, ms. */
  readonly arrivalMs: number;
}

/** 'connecting' → 'connected' → 'lost' → 'reconnecting' → 'connected' … or 'closed'. */
export type LinkState = 'connecting' | 'connected' | 'lost' | 'reconnecting' | 'closed';

export interface LinkStatus {
  readonly state: LinkState;
  /** Reconnect attempts since the link was lost. */
  readonly attempts: number;
  /** Last error, e.g. why a reconnect failed. */
  readonly detail: string | null;
}

export interface SensorSource {
  readonly id: string;
  readonly name: string;
  /** Which measurements this sensor offers (known once connected). */
  readonly kinds: ReadonlySet<MeasurementKind>;
  onPacket(listener: (packet: SensorPacket) => void): () => void;
  onStatus(listener: (status: LinkStatus) => void): () => void;
  /** Battery percent, or null when the sensor has no battery service. */
  readBattery(): Promise<number | null>;
  /** The test seam: hands a packet to the same listeners a notification reaches. */
  inject(packet: SensorPacket): void;
  close(): void;
}

/** Listener plumbing shared by the GATT source and the test source. */
export class SourceEvents {
  private readonly packetListeners = new Set<(packet: SensorPacket) => void>();
  private readonly statusListeners = new Set<(status: LinkStatus) => void>();
  status: LinkStatus = { state: 'connecting', attempts: 0, detail: null };

  onPacket(listener: (packet: SensorPacket) => void): () => void {
    this.packetListeners.add(listener);
    return () => this.packetListeners.delete(listener);
  }

  onStatus(listener: (status: LinkStatus) => void): () => void {
    this.statusListeners.add(listener);
    listener(this.status);
    return () => this.statusListeners.delete(listener);
  }

  emitPacket(packet: SensorPacket): void {
    for (const listener of this.packetListeners) listener(packet);
  }

  emitStatus(status: LinkStatus): void {
    this.status = status;
    for (const listener of this.statusListeners) listener(status);
  }
}
