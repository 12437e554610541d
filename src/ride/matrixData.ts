import { median, parseSegmentNumber, type MatrixPoint } from '../core/power/index';

export interface ChartPoint {
  x: number;
  y: number;
  point: MatrixPoint;
}

/** Points per rider in riding order (the trail), kept to one course segment when asked. */
export function trailsByRider(points: readonly MatrixPoint[], riderIds: readonly string[], courseSegment: number | null): ChartPoint[][] {
  const order = (p: MatrixPoint) => {
    const { lap, segment } = parseSegmentNumber(p.segmentNumber);
    return lap * 1000 + segment;
  };
  return riderIds.map((id) =>
    points
      .filter((p) => p.riderId === id && Number.isFinite(p.x) && Number.isFinite(p.y))
      .filter((p) => courseSegment === null || parseSegmentNumber(p.segmentNumber).segment === courseSegment)
      .sort((a, b) => order(a) - order(b))
      .map((p) => ({ x: p.x, y: p.y, point: p })),
  );
}

/** The quadrant centre of what is shown: 0 for normalised values, the medians for absolute ones. */
export function centreOf(points: readonly MatrixPoint[], absolute: boolean): { x: number; y: number } {
  if (!absolute) return { x: 0, y: 0 };
  const x = median(points.map((p) => p.x));
  const y = median(points.map((p) => p.y));
  return { x: Number.isNaN(x) ? 0 : x, y: Number.isNaN(y) ? 0 : y };
}

export function formatNumber(value: number, digits = 0): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}
