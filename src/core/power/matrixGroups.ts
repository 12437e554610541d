import { median, normalise, type Normalisation } from './normalisation';
import { quadrantOf, type Quadrant } from './quadrants';
import type { SegmentMetricName, SegmentMetrics } from './segmentMetrics';
import { parseSegmentNumber } from './segmentNumber';

/**
 * Which segments the matrix puts on one scale:
 * - 'segment': the riders on one segment of one lap (all the 2.3s) — riders against riders;
 * - 'session': one piece of course over every lap and rider (all the x.3s), so a rider also
 *   meets their own earlier laps; with laps as segments (x.1) it is every lap;
 * - 'rider': each rider's own segments against each other — one rider's one lap of pieces.
 */
export type MatrixScope = 'segment' | 'session' | 'rider';

export const MATRIX_SCOPES: readonly MatrixScope[] = ['segment', 'session', 'rider'];

export interface GroupedSegment {
  readonly riderId: string;
  readonly segmentNumber: string;
  readonly metrics: SegmentMetrics;
}

export interface MatrixPoint {
  readonly riderId: string;
  readonly segmentNumber: string;
  readonly x: number;
  readonly y: number;
  readonly quadrant: Quadrant | null;
  readonly metrics: SegmentMetrics;
}

/** The groups a segment belongs to, one per scope. */
export function groupKeys(riderId: string, segmentNumber: string): string[] {
  return [`segment:${segmentNumber}`, `session:${parseSegmentNumber(segmentNumber).segment}`, `rider:${riderId}`];
}

/**
 * The scope a session opens with, so nothing stacks at (0, 0): several riders are compared
 * with each other; one rider over the laps (each course segment, or each lap) once a second
 * lap exists; before that, one rider's segments with each other.
 */
export function defaultScope(riderCount: number, lapsRidden: number): MatrixScope {
  if (riderCount >= 2) return 'segment';
  return lapsRidden >= 2 ? 'session' : 'rider';
}

/** A group's points: both axes normalised within the group, the quadrant around its centre. */
export function groupPoints(members: readonly GroupedSegment[], xMetric: SegmentMetricName, yMetric: SegmentMetricName, normalisation: Normalisation): MatrixPoint[] {
  const xs = normalise(members.map((m) => m.metrics[xMetric]), normalisation);
  const ys = normalise(members.map((m) => m.metrics[yMetric]), normalisation);
  const centre = normalisation === 'absolute' ? { x: median(xs), y: median(ys) } : { x: 0, y: 0 };
  return members.map((m, i) => ({ riderId: m.riderId, segmentNumber: m.segmentNumber, x: xs[i], y: ys[i], quadrant: quadrantOf(xs[i], ys[i], centre), metrics: m.metrics }));
}
