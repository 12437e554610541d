/**
 * A course is laps of numbered segments; `1.3` is lap 1, segment 3 — the way coaches and
 * the field platform's Segments sheet write it. Both parts count from 1.
 */
export interface SegmentNumber {
  readonly lap: number;
  readonly segment: number;
}

export function parseSegmentNumber(text: string | number): SegmentNumber {
  const raw = String(text).trim();
  const match = /^(\d+)\.(\d+)$/.exec(raw);
  if (!match) throw new Error(`invalid segment number: "${raw}" (expected lap.segment, like 1.3)`);
  const lap = Number(match[1]);
  const segment = Number(match[2]);
  if (lap < 1 || segment < 1) throw new Error(`invalid segment number: "${raw}" (lap and segment count from 1)`);
  return { lap, segment };
}

export function formatSegmentNumber({ lap, segment }: SegmentNumber): string {
  if (!Number.isInteger(lap) || lap < 1 || !Number.isInteger(segment) || segment < 1) {
    throw new Error(`invalid segment number: lap ${lap}, segment ${segment}`);
  }
  return `${lap}.${segment}`;
}

/** The k-th segment ridden (0-based) on a course of `segmentsPerLap` segments. */
export function segmentNumberAt(index: number, segmentsPerLap: number): string {
  if (!Number.isInteger(segmentsPerLap) || segmentsPerLap < 1) throw new Error(`invalid segmentsPerLap: ${segmentsPerLap}`);
  if (!Number.isInteger(index) || index < 0) throw new Error(`invalid segment index: ${index}`);
  return formatSegmentNumber({ lap: Math.floor(index / segmentsPerLap) + 1, segment: (index % segmentsPerLap) + 1 });
}
