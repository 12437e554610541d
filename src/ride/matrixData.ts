import { median, parseSegmentNumber, type MatrixPoint } from '../core/power/index';

export interface ChartPoint {
  x: number;
  y: number;
  point: MatrixPoint;
}

const ridingOrder = (p: MatrixPoint) => {
  const { lap, segment } = parseSegmentNumber(p.segmentNumber);
  return lap * 1000 + segment;
};

/** Points per rider in riding order (the trail), kept to one course segment when asked: one pass over the points. */
export function trailsByRider(points: readonly MatrixPoint[], riderIds: readonly string[], courseSegment: number | null): MatrixPoint[][] {
  const byRider = new Map<string, MatrixPoint[]>(riderIds.map((id) => [id, []]));
  for (const p of points) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    if (courseSegment !== null && parseSegmentNumber(p.segmentNumber).segment !== courseSegment) continue;
    byRider.get(p.riderId)?.push(p);
  }
  return riderIds.map((id) => {
    const trail = byRider.get(id)!;
    const keyed = trail.map((p) => ({ p, order: ridingOrder(p) }));
    keyed.sort((a, b) => a.order - b.order);
    return keyed.map((k) => k.p);
  });
}

/**
 * Brings a dataset's data array (kept by Chart.js) to `trail` in place: a point whose
 * segment did not change keeps its object, so only changed points are touched.
 * Returns whether anything changed.
 */
export function syncTrail(data: ChartPoint[], trail: readonly MatrixPoint[]): boolean {
  let changed = data.length !== trail.length;
  for (let k = 0; k < trail.length; k++) {
    const p = trail[k];
    const current = data[k];
    if (current && current.point === p) continue;
    changed = true;
    if (current) {
      current.x = p.x;
      current.y = p.y;
      current.point = p;
    } else data[k] = { x: p.x, y: p.y, point: p };
  }
  data.length = trail.length;
  return changed;
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

/** A segment as the coach reads it: "Lap 3" when every lap is one segment, else "2.3 Rock garden". */
export function segmentLabel(segmentNumber: string, segmentsPerLap: number, names: readonly string[]): string {
  const [lap, segment] = segmentNumber.split('.');
  if (segmentsPerLap === 1) return `Lap ${lap}`;
  const name = names[Number(segment) - 1];
  return name ? `${segmentNumber} ${name}` : segmentNumber;
}

/** Seconds as a cyclist writes a lap: `42.1 s` under a minute, else `m:ss` or `h:mm:ss`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
