import { canonical, detectDelimiter, numberedLines, parseClockTime, splitCsvLine } from './csvText';
import { usableProfileValue } from '../plausibleRanges';
import { clockSeconds } from './csvRide';
import type { DecodedLaps, FileProfile } from './decodedRide';

/** The ride a laps file belongs to, from its name: `ride.laps.json`, `ride_laps.csv`, `ride-laps.csv` → `ride`. */
export function rideNameOfLaps(fileName: string): string | null {
  const match = /^(.*?)[._\- ]laps\.(json|csv|txt)$/i.exec(fileName);
  return match ? match[1] : null;
}

/**
 * A laps file beside a ride: the head unit's own laps (`{ session: { FTP }, laps: [{ StartTime,
 * EndTime }] }`, the shape of the shared `*.laps.json`) or a CSV of laps (`Lap, Start, End` or
 * `Start, Duration`; clock times, seconds from the start, or m:ss). Throws with the file, row
 * and field when a lap cannot be read.
 */
export function decodeLapsJson(text: string, fileName: string): DecodedLaps {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`"${fileName}" is not JSON: ${(error as Error).message}`);
  }
  const root = (parsed ?? {}) as { session?: Record<string, unknown>; laps?: unknown };
  if (!Array.isArray(root.laps)) throw new Error(`"${fileName}": expected a "laps" list (found ${Object.keys(root).join(', ') || 'nothing'})`);
  const laps = root.laps.map((lap: Record<string, unknown>, i) => {
    const start = pick(lap, ['StartTime', 'startTime', 'start', 'Start']);
    const end = pick(lap, ['EndTime', 'endTime', 'end', 'End']);
    const duration = pick(lap, ['Duration', 'durationS', 'duration', 'ElapsedS']);
    const startTime = time(start);
    const endTime = end !== undefined ? time(end) : startTime + Number(duration);
    if (!Number.isFinite(startTime) || !Number.isFinite(endTime)) {
      throw new Error(`"${fileName}", lap ${i + 1}: expected StartTime and EndTime (or a Duration), got ${JSON.stringify(lap).slice(0, 120)}`);
    }
    return { startTime, endTime };
  });
  const session = root.session ?? {};
  const wallClock = laps.length > 0 && typeof pick(root.laps[0] as Record<string, unknown>, ['StartTime', 'startTime', 'start', 'Start']) === 'string';
  return { fileName, rideName: rideNameOfLaps(fileName), laps, wallClock, profile: profileOf(session) };
}

export function decodeLapsCsv(text: string, fileName: string): DecodedLaps | null {
  const lines = numberedLines(text);
  if (lines.length < 2) return null;
  const delimiter = detectDelimiter(lines[0].text);
  const keys = splitCsvLine(lines[0].text, delimiter).map(canonical);
  const find = (...names: string[]) => keys.findIndex((k) => names.includes(k));
  const start = find('start', 'starttime', 'begin', 'lapstart');
  const end = find('end', 'endtime', 'stop', 'lapend');
  const duration = find('duration', 'durations', 'laptime', 'elapseds');
  if (start < 0 || (end < 0 && duration < 0) || find('rider', 'name', 'athlete', 'bib') >= 0) return null;
  let wallClock = false;
  const laps = lines.slice(1).map(({ line, text: row }) => {
    const fields = splitCsvLine(row, delimiter);
    const startTime = time(fields[start] ?? '');
    wallClock ||= Number.isFinite(clockSeconds(fields[start] ?? ''));
    const endTime = end >= 0 ? time(fields[end] ?? '') : startTime + parseClockTime(fields[duration] ?? '');
    if (!Number.isFinite(startTime) || !Number.isFinite(endTime)) {
      throw new Error(`"${fileName}", row ${line}: expected a start and an end (or a duration) as clock times, seconds or m:ss, got "${row}"`);
    }
    return { startTime, endTime };
  });
  return { fileName, rideName: rideNameOfLaps(fileName), laps, wallClock, profile: { ftp: null, weightKg: null } };
}

function pick(record: Record<string, unknown>, names: string[]): unknown {
  for (const name of names) if (record[name] !== undefined && record[name] !== null) return record[name];
  return undefined;
}

/** Clock time as Unix seconds, or seconds / m:ss from the start. */
function time(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return NaN;
  const clock = clockSeconds(value);
  return Number.isFinite(clock) ? clock : parseClockTime(value);
}

function profileOf(session: Record<string, unknown>): FileProfile {
  const number = (value: unknown) => (typeof value === 'number' ? value : null);
  return { ftp: usableProfileValue('ftp', number(pick(session, ['FTP', 'ftp', 'thresholdPower']))), weightKg: usableProfileValue('weightKg', number(pick(session, ['weightKg', 'WeightKg', 'weight']))) };
}
