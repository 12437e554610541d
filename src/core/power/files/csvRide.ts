import { gatesFromLaps, type RideLap } from '../lapGates';
import { createRideStream } from '../rideStream';
import { parseDecimal, splitCsvLine } from './csvText';
import type { DecodedRide } from './decodedRide';
import { RideIssues } from './rideIssues';

type SampleColumn = 'power' | 'cadence' | 'heartRate' | 'speed' | 'distance';

/** A column of a ride CSV: where it is, what it is called in the file, and the factor to SI units. */
export interface CsvColumn {
  readonly index: number;
  readonly name: string;
  /** Multiply by this: 1/3.6 for km/h → m/s, 1000 for km → m. */
  readonly scale?: number;
  /** A value the device writes for "not recorded" (PowerTap writes -1 W). */
  readonly missing?: number;
}

/** How one CSV dialect lays out a ride (head unit, GoldenCheetah/PowerTap, ergomo). */
export interface CsvRideSpec {
  readonly format: string;
  readonly fileName: string;
  readonly delimiter: string;
  readonly decimalComma: boolean;
  /** Lines before the data: the header, or the header and a units row. */
  readonly headerLines: number;
  /** Time of a row: seconds, minutes or ISO clock time (then relative to the first row). */
  readonly time: CsvColumn & { readonly kind: 'seconds' | 'minutes' | 'iso' };
  /** ISO clock time beside a relative time: gives the ride's start. */
  readonly wallTime?: CsvColumn;
  readonly columns: Partial<Record<SampleColumn, CsvColumn>>;
  /** An interval number per row (PowerTap ID, ergomo INTERVAL): each run of one non-zero number is a lap. */
  readonly interval?: CsvColumn;
  /** Seconds the recorder was paused at this row (ergomo PAUSE): later rows move on by it. */
  readonly pause?: CsvColumn;
}

/**
 * Reads the data rows of a ride CSV by its dialect's spec. A bad cell is kept as a gap and
 * named (file, row, column, what was expected); a row whose time cannot be read, or goes back
 * in time, is skipped and named; the rest of the ride is kept.
 */
export function readCsvRide(lines: readonly { line: number; text: string }[], spec: CsvRideSpec): DecodedRide {
  const issues = new RideIssues(spec.fileName);
  const time: number[] = [];
  const values: Record<SampleColumn, number[]> = { power: [], cadence: [], heartRate: [], speed: [], distance: [] };
  const intervalIds: number[] = [];
  let startWallTime = NaN;
  let firstClock = NaN;
  let pausedS = 0;
  for (const { line, text } of lines.slice(spec.headerLines)) {
    const fields = splitCsvLine(text, spec.delimiter);
    const place = (column: CsvColumn) => ({ row: line, column: column.name });
    const rawTime = fields[spec.time.index] ?? '';
    let t = spec.time.kind === 'iso' ? clockSeconds(rawTime) : (parseDecimal(rawTime, spec.decimalComma) ?? NaN) * (spec.time.kind === 'minutes' ? 60 : 1);
    if (!Number.isFinite(t)) {
      issues.add(place(spec.time), `expected ${spec.time.kind === 'iso' ? 'a date and time' : `a time in ${spec.time.kind}`}, got "${rawTime}"; row skipped`);
      continue;
    }
    if (spec.time.kind === 'iso') {
      if (Number.isNaN(firstClock)) firstClock = startWallTime = t;
      t -= firstClock;
    }
    t += pausedS;
    if (time.length > 0 && t < time[time.length - 1]) {
      issues.add(place(spec.time), `time ${t} s goes back before ${time[time.length - 1]} s; row skipped`);
      continue;
    }
    if (spec.wallTime && Number.isNaN(startWallTime)) startWallTime = clockSeconds(fields[spec.wallTime.index] ?? '') - t;
    time.push(t);
    for (const key of Object.keys(values) as SampleColumn[]) {
      const column = spec.columns[key];
      const raw = column ? (fields[column.index] ?? '') : '';
      const missing = column?.missing !== undefined && parseDecimal(raw, spec.decimalComma) === column.missing;
      values[key].push(column && !missing ? issues.cell(key, raw, place(column), { decimalComma: spec.decimalComma, scale: column.scale }) : NaN);
    }
    if (spec.interval) intervalIds.push(parseDecimal(fields[spec.interval.index] ?? '', spec.decimalComma) ?? 0);
    if (spec.pause) pausedS += Math.max(0, parseDecimal(fields[spec.pause.index] ?? '', spec.decimalComma) ?? 0);
  }
  if (time.length === 0) throw new Error(`"${spec.fileName}" has no sample rows that could be read (${issues.messages[0] ?? 'no rows after the header'})`);
  const stream = createRideStream({ time, ...values });
  const laps = spec.interval ? intervalLaps(time, intervalIds, stream.sampleIntervalS) : [];
  return {
    fileName: spec.fileName,
    format: spec.format,
    riderName: spec.fileName.replace(/\.[^.]+$/, ''),
    profile: { ftp: null, weightKg: null },
    startWallTime,
    stream,
    gates: gatesFromLaps(laps, stream.sampleIntervalS),
    segmentsPerLap: null,
    lapSource: laps.length > 0 ? `${laps.length} intervals of its ${spec.interval!.name} column` : null,
    issues: issues.messages,
    issueCount: issues.count,
  };
}

/** Unix seconds of an ISO date and time (`2025-05-09T11:38:02Z`); NaN for anything else, numbers included. */
export function clockSeconds(text: string): number {
  return /^\s*\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text) ? Date.parse(text.trim()) / 1000 : NaN;
}

/** Each run of one non-zero interval number is a lap, from its first sample to one interval past its last. */
export function intervalLaps(time: readonly number[], ids: readonly number[], intervalS: number): RideLap[] {
  const laps: RideLap[] = [];
  for (let i = 0; i < ids.length; i++) {
    if (ids[i] === 0 || (i > 0 && ids[i] === ids[i - 1])) continue;
    let j = i;
    while (j + 1 < ids.length && ids[j + 1] === ids[i]) j++;
    laps.push({ startTime: time[i], endTime: time[j] + intervalS });
  }
  return laps;
}
