import { utils } from 'xlsx';
import { fieldExportFromSheets, parseRideCsv, parseSegmentNumber, parseTimingSplitsCsv, FieldExportError, type SheetRows, type TimingGate } from '../../core/power/index';
import { DataError } from '../dataError';
import { openWorkbook } from '../intake/readXlsx';
import { fitRide } from './fitRide';
import type { ReplayRide } from './replayRide';

export type { ReplayRide } from './replayRide';

export type RideFile = { kind: 'ride'; ride: ReplayRide } | { kind: 'splits'; fileName: string; gates: TimingGate[] };

const riderFromName = (fileName: string) => fileName.replace(/\.[^.]+$/, '');

/** Reads a field-export xlsx, a FIT file, a ride CSV or a timing-splits CSV/xlsx. */
export async function readRideFile(file: File): Promise<RideFile> {
  const name = file.name;
  const lower = name.toLowerCase();
  if (lower.endsWith('.fit')) return { kind: 'ride', ride: fitRide(await file.arrayBuffer(), name) };
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
    const text = await file.text();
    const header = text.slice(0, text.indexOf('\n') >>> 0).toLowerCase();
    if (/power|watts/.test(header)) {
      try {
        const { stream } = parseRideCsv(text);
        return { kind: 'ride', ride: { fileName: name, riderName: riderFromName(name), weightKg: null, ftp: null, stream, gates: [], segmentsPerLap: null, issues: [] } };
      } catch (error) {
        throw new DataError(`"${name}": ${(error as Error).message}`, { file: name });
      }
    }
    return { kind: 'splits', fileName: name, gates: splits(text, name) };
  }
  if (lower.endsWith('.xlsx') || lower.endsWith('.xls')) {
    const workbook = openWorkbook(await file.arrayBuffer(), name);
    const sheets: SheetRows = Object.fromEntries(workbook.sheetNames.map((sheet) => [sheet, workbook.rows(sheet) as unknown[][]]));
    const isExport = workbook.sheetNames.some((s) => s.toLowerCase() === 'powerdata');
    if (!isExport && workbook.sheetNames.length > 0) {
      const first = sheets[workbook.sheetNames[0]];
      const header = (first[0] ?? []).map((c) => String(c ?? '').toLowerCase()).join(',');
      if (/rider|name|bib/.test(header) && /split|time|duration/.test(header)) {
        return { kind: 'splits', fileName: name, gates: splits(utils.sheet_to_csv(utils.aoa_to_sheet(first)), name) };
      }
    }
    return { kind: 'ride', ride: fieldExportRide(sheets, name) };
  }
  throw new DataError(`"${name}" is not a ride file`, { file: name, expected: 'a field export .xlsx, a .fit, a ride .csv or a timing-splits .csv' });
}

function splits(text: string, fileName: string): TimingGate[] {
  try {
    return parseTimingSplitsCsv(text);
  } catch (error) {
    throw new DataError(`"${fileName}": ${(error as Error).message}`, { file: fileName });
  }
}

export function fieldExportRide(sheets: SheetRows, fileName: string): ReplayRide {
  try {
    const { ride, issues } = fieldExportFromSheets(sheets);
    const gates = ride.segments.map((s) => s.startTime);
    const last = ride.segments[ride.segments.length - 1];
    if (last) gates.push(last.startTime + last.durationS);
    const perLap = ride.segments.length > 0 ? Math.max(...ride.segments.map((s) => parseSegmentNumber(s.segmentNumber).segment)) : null;
    return {
      fileName,
      riderName: ride.rider.name || riderFromName(fileName),
      weightKg: ride.rider.weightKg,
      ftp: ride.rider.ftp,
      stream: ride.stream,
      gates: strictlyIncreasing(gates),
      segmentsPerLap: perLap,
      issues: issues.map((i) => `"${fileName}", sheet ${i.sheet}, row ${i.row}, column ${i.column}: ${i.message}`),
    };
  } catch (error) {
    if (error instanceof FieldExportError) throw new DataError(`"${fileName}", ${error.message}`, { file: fileName, expected: 'sheets PowerData, Segments and Rider' });
    throw error;
  }
}

function strictlyIncreasing(times: number[]): number[] {
  return times.filter((t, i) => i === 0 || t > times[i - 1]);
}
