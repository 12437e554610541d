import type { MeasurementKind, SensorSource } from './sensorSource';
import type { SensorHub } from './sensorHub';
import { TestSensorSource } from './testSensorSource';

/**
 * The test seam, installed only when the page URL carries `sensor-test` (`/?sensor-test#/ride`):
 * `window.__tracksideSensorFeed` lets a Playwright test or the benchmark hand recorded
 * measurement bytes to a connected sensor (real GATT or a test sensor) — Chromium's
 * BluetoothEmulation cannot push notification values itself. Bytes enter at
 * SensorSource.inject, so decoding, sampling, recording and the matrix are the live path.
 *   push(sensorId, 'power', [0x00, 0x00, 0xfa, 0x00])  — one notification
 *   addSensor('Bench 1') → sensorId                     — a sensor with no radio behind it
 *   sensorIds() → string[]
 */
export interface SensorTestFeed {
  sensorIds(): string[];
  push(sensorId: string, kind: MeasurementKind, bytes: number[]): void;
  addSensor(name: string): string;
}

export function sensorTestRequested(): boolean {
  return /(^|[?&])sensor-test\b/.test(globalThis.location?.search ?? '');
}

/** `adopt` must put the source into the hub at once (push may follow addSensor in the same task). */
export function installSensorTestFeed(hub: SensorHub, adopt: (source: SensorSource) => void): void {
  let count = 0;
  const feed: SensorTestFeed = {
    sensorIds: () => hub.states().map((s) => s.id),
    push(sensorId, kind, bytes) {
      const source = hub.source(sensorId);
      if (!source) throw new Error(`no sensor ${sensorId}`);
      source.inject({ kind, value: new DataView(Uint8Array.from(bytes).buffer), arrivalMs: performance.now() });
    },
    addSensor(name) {
      const source = new TestSensorSource(`test-${++count}`, name);
      adopt(source);
      return source.id;
    },
  };
  (globalThis as { __tracksideSensorFeed?: SensorTestFeed }).__tracksideSensorFeed = feed;
}
