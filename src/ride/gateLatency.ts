import { sensorTestRequested } from '../platform/ble/sensorTestFeed';
import type { RidePipeline } from './ridePipeline.svelte';

const enabled = sensorTestRequested();

/**
 * Gate → matrix drawn, in ms: from the gate call to the end of the chart update in the next
 * animation frame. Kept only in test mode (`?sensor-test`) as `window.__tracksideGateLatencies`,
 * where the benchmark reads it.
 */
export function recordGateLatency(pipeline: RidePipeline): void {
  const started = pipeline.pendingGateAt;
  pipeline.pendingGateAt = null;
  if (!enabled || started === null) return;
  const store = globalThis as { __tracksideGateLatencies?: number[] };
  (store.__tracksideGateLatencies ??= []).push(performance.now() - started);
}
