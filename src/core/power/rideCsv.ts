import { csvLines, detectDelimiter, splitCsvLine } from './csvText';
import { createRideStream, type RideStream } from './rideStream';

/**
 * A head unit's ride as 1 Hz CSV (the shape of shared/data/cycling/*.csv: WallTime ISO UTC,
 * ElapsedS, InstantPower, Cadence, SpeedMps, HeartRate, DistanceM, …). An empty cell is
 * "not recorded" (NaN). Time is ElapsedS when present, else WallTime minus the first.
 * Throws with the line and column on a cell that is neither empty nor a number.
 */
export interface RideCsv {
  /** Unix seconds of the first row; NaN without a WallTime column. */
  readonly startWallTime: number;
  readonly stream: RideStream;
}

const COLUMNS = {
  wallTime: ['walltime', 'timestamp'],
  elapsed: ['elapseds', 'elapsed', 'secs', 'seconds'],
  power: ['instantpower', 'power', 'watts'],
  cadence: ['cadence', 'cad'],
  speed: ['speedmps', 'speed'],
  heartRate: ['heartrate', 'hr'],
  distance: ['distancem', 'distance'],
} as const;

export function parseRideCsv(text: string): RideCsv {
  const lines = csvLines(text);
  if (lines.length < 2) throw new Error('ride CSV: no data rows');
  const delimiter = detectDelimiter(lines[0]);
  const header = splitCsvLine(lines[0], delimiter).map((h) => h.toLowerCase().replace(/[\s_]/g, ''));
  const at = Object.fromEntries(Object.entries(COLUMNS).map(([key, names]) => [key, header.findIndex((h) => (names as readonly string[]).includes(h))])) as Record<keyof typeof COLUMNS, number>;
  if (at.elapsed < 0 && at.wallTime < 0) throw new Error('ride CSV line 1: needs an ElapsedS or WallTime column');
  if (at.power < 0) throw new Error('ride CSV line 1: needs an InstantPower column');
  const values: Record<keyof typeof COLUMNS, number[]> = { wallTime: [], elapsed: [], power: [], cadence: [], speed: [], heartRate: [], distance: [] };
  for (let l = 1; l < lines.length; l++) {
    const fields = splitCsvLine(lines[l], delimiter);
    for (const key of Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]) {
      const col = at[key];
      const raw = col < 0 ? '' : (fields[col] ?? '');
      let value = NaN;
      if (raw !== '') {
        value = key === 'wallTime' ? Date.parse(raw) / 1000 : Number(raw);
        if (Number.isNaN(value)) throw new Error(`ride CSV line ${l + 1}, column ${header[col]}: expected ${key === 'wallTime' ? 'an ISO time' : 'a number'}, got "${raw}"`);
      }
      values[key].push(value);
    }
  }
  const startWallTime = values.wallTime[0];
  const time = at.elapsed >= 0 ? values.elapsed : values.wallTime.map((t) => t - startWallTime);
  const stream = createRideStream({ time, power: values.power, cadence: values.cadence, speed: values.speed, heartRate: values.heartRate, distance: values.distance });
  return { startWallTime, stream };
}
