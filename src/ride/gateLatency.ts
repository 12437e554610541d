import { sensorTestRequested } from '../platform/ble/sensorTestFeed';

const enabled = sensorTestRequested();

/** One gate's way to the screen, ms, all from performance.now(). */
export interface GateTiming {
  /** Gate call → its matrix points computed (the gate's own work plus points()). */
  readonly gateToDataMs: number;
  /** Gate call → the animation frame that draws it starts: waiting for vsync and other tasks. */
  readonly frameWaitMs: number;
  /** Work inside that frame: points, trails, chart.update. */
  readonly drawMs: number;
  /** Gate call → chart.update done: what the coach waits for. */
  readonly gateToDrawnMs: number;
}

/** A gate not yet drawn: when it was called and how long its own computation took. */
export interface PendingGate {
  readonly at: number;
  computeMs: number;
}

/**
 * Kept only in test mode (`?sensor-test`) as `window.__tracksideGateTimings` (and the totals
 * as `__tracksideGateLatencies`), where the benchmark reads them. The wait for the next
 * frame is measured apart because it is vsync, not work: a canvas drawn sooner would still
 * only reach the screen at that frame.
 */
export function recordGateTiming(pending: PendingGate | null, frameStart: number, pointsMs: number, drawnAt: number): void {
  if (!enabled || pending === null) return;
  const timing: GateTiming = {
    gateToDataMs: pending.computeMs + pointsMs,
    frameWaitMs: frameStart - pending.at,
    drawMs: drawnAt - frameStart,
    gateToDrawnMs: drawnAt - pending.at,
  };
  const store = globalThis as { __tracksideGateTimings?: GateTiming[]; __tracksideGateLatencies?: number[] };
  (store.__tracksideGateTimings ??= []).push(timing);
  (store.__tracksideGateLatencies ??= []).push(timing.gateToDrawnMs);
}
