import { sensorTestRequested } from '../platform/ble/sensorTestFeed';
import type { GateMark } from '../platform/ride/rideSession';

const enabled = sensorTestRequested();

/** One gate's way to the screen, ms, all from performance.now(). */
export interface GateTiming {
  /** Gate call → its matrix points computed (the gate's own work plus points()). */
  readonly gateToDataMs: number;
  /** Gate call → the draw starts: 0 for a tap (drawn in its own task), the wait for an animation frame otherwise. */
  readonly frameWaitMs: number;
  /** Work of the draw: points, trails, chart.update. */
  readonly drawMs: number;
  /** Gate call → chart.update done: the canvas holds the new point. */
  readonly gateToDrawnMs: number;
  /** Gate call → the next animation frame starts, when the compositor shows the canvas (vsync included). */
  gateToFrameMs: number;
}

/**
 * Kept only in test mode (`?sensor-test`) as `window.__tracksideGateTimings` (and the totals
 * as `__tracksideGateLatencies`), where the benchmark reads them. A tapped gate is drawn in
 * the tap's own task, so the coach's wait is the work, not vsync; the next frame is measured
 * apart, since no canvas reaches the glass before it.
 */
export function recordGateTiming(mark: GateMark | null, drawStart: number, pointsMs: number, drawnAt: number): void {
  if (!enabled || mark === null) return;
  const timing: GateTiming = {
    gateToDataMs: mark.computeMs + pointsMs,
    frameWaitMs: drawStart - mark.at,
    drawMs: drawnAt - drawStart,
    gateToDrawnMs: drawnAt - mark.at,
    gateToFrameMs: Number.NaN,
  };
  const store = globalThis as { __tracksideGateTimings?: GateTiming[]; __tracksideGateLatencies?: number[] };
  (store.__tracksideGateTimings ??= []).push(timing);
  (store.__tracksideGateLatencies ??= []).push(timing.gateToDrawnMs);
  // performance.now() in the callback: the callback's own timestamp is the frame's start, which can precede the tap.
  requestAnimationFrame(() => (timing.gateToFrameMs = performance.now() - mark.at));
}
