import { FIELD_EXPORT_SHEETS, type FieldExportRead, type FieldExportRider, type FieldExportSegment, type SheetRows } from './fieldExport';
import { implausibility, plausibleOrGap } from '../plausibleRanges';
import { createRideStream } from '../rideStream';
import { parseSegmentNumber, formatSegmentNumber } from '../segmentNumber';
import { FieldExportError, columnLetter, findColumn, numberCell, type SheetIssue } from './sheetCells';

const POWER_COLUMNS = {
  wallTime: ['WallTime', 'Time', 'Timestamp'],
  power: ['InstantPower', 'Power', 'Watts'],
  cadence: ['Cadence', 'Cad'],
  speed: ['Speed', 'SpeedMps'],
  heartRate: ['HeartRate', 'HR'],
  distance: ['Distance', 'DistanceM'],
} as const;

/**
 * Reads a field export from SheetJS rows. Throws FieldExportError when the workbook cannot
 * be used at all (no PowerData, no WallTime or power column, no rows); a bad cell is kept as
 * "not recorded" and listed in issues, so one typo does not lose a ride.
 */
export function fieldExportFromSheets(sheets: SheetRows): FieldExportRead {
  const issues: SheetIssue[] = [];
  const { wallTimes, columns } = readPowerData(sheets, issues);
  const startWallTime = wallTimes[0];
  const stream = createRideStream({ time: wallTimes.map((t) => t - startWallTime), ...columns });
  return { ride: { rider: readRider(sheets, issues), startWallTime, stream, segments: readSegments(sheets, issues) }, issues };
}

function sheet(sheets: SheetRows, name: string, required: boolean): unknown[][] | null {
  const key = Object.keys(sheets).find((k) => k.toLowerCase() === name.toLowerCase());
  if (key === undefined) {
    if (required) throw new FieldExportError({ sheet: name }, `sheet missing (found: ${Object.keys(sheets).join(', ') || 'none'})`);
    return null;
  }
  return sheets[key];
}

function readPowerData(sheets: SheetRows, issues: SheetIssue[]) {
  const name = FIELD_EXPORT_SHEETS.powerData;
  const rows = sheet(sheets, name, true)!;
  const header = rows[0] ?? [];
  const index = Object.fromEntries(Object.entries(POWER_COLUMNS).map(([key, names]) => [key, findColumn(header, names)])) as Record<keyof typeof POWER_COLUMNS, number>;
  for (const key of ['wallTime', 'power'] as const) {
    if (index[key] < 0) throw new FieldExportError({ sheet: name, row: 1 }, `no ${POWER_COLUMNS[key][0]} column in the header (${header.map(String).join(', ')})`);
  }
  const wallTimes: number[] = [];
  const columns = { power: [] as number[], cadence: [] as number[], speed: [] as number[], heartRate: [] as number[], distance: [] as number[] };
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    if (row.every((cell) => cell === null || cell === undefined || cell === '')) continue;
    const cell = (key: keyof typeof POWER_COLUMNS): number => {
      const at = index[key];
      if (at < 0) return NaN;
      return numberCell(row[at], { sheet: name, row: r + 1, column: `${columnLetter(at)} (${String(header[at])})` }, issues);
    };
    const wallTime = cell('wallTime');
    const place = { sheet: name, row: r + 1, column: `${columnLetter(index.wallTime)} (${String(header[index.wallTime])})` };
    if (Number.isNaN(wallTime)) {
      if (!issues.some((i) => i.row === place.row && i.sheet === name)) issues.push({ ...place, message: 'empty WallTime: row skipped' });
      continue;
    }
    if (wallTimes.length > 0 && wallTime < wallTimes[wallTimes.length - 1]) {
      issues.push({ ...place, message: `WallTime ${wallTime} goes back in time: row skipped` });
      continue;
    }
    wallTimes.push(wallTime);
    for (const key of ['power', 'cadence', 'speed', 'heartRate'] as const) {
      const value = cell(key);
      const reason = implausibility(key, value);
      if (reason !== null) issues.push({ sheet: name, row: r + 1, column: `${columnLetter(index[key])} (${String(header[index[key]])})`, message: `${reason}; kept as a gap, not counted` });
      columns[key].push(plausibleOrGap(key, value));
    }
    columns.distance.push(cell('distance'));
  }
  if (wallTimes.length === 0) throw new FieldExportError({ sheet: name }, 'no sample rows');
  return { wallTimes, columns };
}

function readSegments(sheets: SheetRows, issues: SheetIssue[]): FieldExportSegment[] {
  const name = FIELD_EXPORT_SHEETS.segments;
  const rows = sheet(sheets, name, false);
  if (!rows || rows.length === 0) return [];
  const header = rows[0];
  const at = {
    number: findColumn(header, ['Number', 'Segment', 'SegmentNumber']),
    start: findColumn(header, ['StartTime', 'Start']),
    duration: findColumn(header, ['Duration', 'DurationS']),
    distance: findColumn(header, ['Distance', 'DistanceM']),
  };
  for (const [key, col] of Object.entries(at)) {
    if (col < 0 && key !== 'distance') throw new FieldExportError({ sheet: name, row: 1 }, `no ${key} column in the header (${header.map(String).join(', ')})`);
  }
  const segments: FieldExportSegment[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    if (row.every((cell) => cell === null || cell === undefined || cell === '')) continue;
    const place = (col: number) => ({ sheet: name, row: r + 1, column: `${columnLetter(col)} (${String(header[col])})` });
    const before = issues.length;
    let segmentNumber = '';
    try {
      segmentNumber = formatSegmentNumber(parseSegmentNumber(String(row[at.number] ?? '')));
    } catch (error) {
      issues.push({ ...place(at.number), message: `${(error as Error).message}: segment skipped` });
    }
    const startTime = numberCell(row[at.start], place(at.start), issues);
    const durationS = numberCell(row[at.duration], place(at.duration), issues);
    const distanceM = at.distance < 0 ? NaN : numberCell(row[at.distance], place(at.distance), issues);
    if (issues.length > before || Number.isNaN(startTime) || !(durationS >= 0)) {
      if (issues.length === before) issues.push({ ...place(at.start), message: 'segment needs StartTime and Duration: segment skipped' });
      continue;
    }
    segments.push({ segmentNumber, startTime, durationS, distanceM });
  }
  return segments;
}

function readRider(sheets: SheetRows, issues: SheetIssue[]): FieldExportRider {
  const name = FIELD_EXPORT_SHEETS.rider;
  const rows = sheet(sheets, name, false);
  if (!rows || rows.length < 2) return { name: '', weightKg: null, ftp: null };
  const header = rows[0];
  const row = rows[1];
  const value = (names: string[]): number | null => {
    const col = findColumn(header, names);
    if (col < 0) return null;
    const parsed = numberCell(row[col], { sheet: name, row: 2, column: `${columnLetter(col)} (${String(header[col])})` }, issues);
    return Number.isNaN(parsed) ? null : parsed;
  };
  const nameCol = findColumn(header, ['Name', 'Rider']);
  return { name: nameCol < 0 ? '' : String(row[nameCol] ?? '').trim(), weightKg: value(['WeightKg', 'Weight']), ftp: value(['FTP']) };
}
