import {
  FieldExportError,
  decodeLapsCsv,
  decodeLapsJson,
  decodePwx,
  decodeRideCsv,
  decodeTcx,
  fieldExportRide,
  fitActivityRide,
  parseTimingSplitsCsv,
  type DecodedLaps,
  type DecodedRide,
  type FitActivityMessages,
  type SheetRows,
  type TimingGate,
} from '../../core/power/index';
import { DataError } from '../dataError';
import { decodeFitFile } from '../intake/fitFile';
import { openWorkbook } from '../intake/readXlsx';

/** A dropped file, as the compute worker receives it (the bytes transferred, not copied). */
export interface RideDecodeInput {
  readonly fileName: string;
  readonly bytes: ArrayBuffer;
}

/** A ride, a laps file to put beside a ride, or several riders' timing splits. */
export type DecodedRideFile =
  | { readonly kind: 'ride'; readonly ride: DecodedRide }
  | { readonly kind: 'laps'; readonly laps: DecodedLaps }
  | { readonly kind: 'splits'; readonly fileName: string; readonly gates: TimingGate[] };

const EXPECTED = 'a ride (.fit, .csv, .pwx, .tcx, field-export .xlsx), a laps file (.laps.json, laps .csv) or timing splits (.csv, .xlsx)';

/**
 * Decodes one ride file, in a compute worker (ride.tasks.ts) or in Node (checks, bench): by
 * its extension, then its header. A file that cannot be used is refused with a DataError
 * naming it; a file with bad cells is kept, its issues listed with their places.
 */
export function decodeRideFile({ fileName, bytes }: RideDecodeInput): DecodedRideFile {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  try {
    if (bytes.byteLength === 0) throw new Error(`"${fileName}" is empty`);
    if (extension === 'fit') return { kind: 'ride', ride: fitRide(bytes, fileName) };
    if (extension === 'xlsx' || extension === 'xls') return workbookFile(bytes, fileName);
    const text = textOf(bytes);
    if (extension === 'json') return { kind: 'laps', laps: decodeLapsJson(text, fileName) };
    if (extension === 'pwx' || (extension === 'xml' && /<pwx[\s>]/.test(text.slice(0, 4096)))) return { kind: 'ride', ride: decodePwx(text, fileName) };
    if (extension === 'tcx' || extension === 'xml') return { kind: 'ride', ride: decodeTcx(text, fileName) };
    if (extension === 'csv' || extension === 'txt') return textTable(text, fileName);
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw new DataError((error as Error).message, { file: fileName, expected: EXPECTED });
  }
  throw new DataError(`"${fileName}" is not a ride file Trackside reads`, { file: fileName, expected: EXPECTED });
}

function fitRide(bytes: ArrayBuffer, fileName: string): DecodedRide {
  const { messages, truncated } = decodeFitFile(bytes, fileName);
  const ride = fitActivityRide(messages as FitActivityMessages, fileName);
  if (!truncated) return ride;
  const heldS = Math.round(ride.stream.time[ride.stream.time.length - 1] + ride.stream.sampleIntervalS);
  const note = `"${fileName}" ends early: ${truncated.bytes.toLocaleString('en')} of the ${truncated.announced.toLocaleString('en')} bytes its header announces are there, so only the first ${heldS} s of the ride can be replayed. Copy the file from the head unit again for the rest.`;
  return { ...ride, issues: [note, ...ride.issues], issueCount: ride.issueCount + 1 };
}

function textTable(text: string, fileName: string): DecodedRideFile {
  const ride = decodeRideCsv(text, fileName);
  if (ride) return { kind: 'ride', ride };
  const laps = decodeLapsCsv(text, fileName);
  if (laps) return { kind: 'laps', laps };
  return { kind: 'splits', fileName, gates: splits(text, fileName) };
}

function workbookFile(bytes: ArrayBuffer, fileName: string): DecodedRideFile {
  const workbook = openWorkbook(bytes, fileName);
  if (workbook.sheetNames.length === 0) throw new DataError(`"${fileName}" has no sheets`, { file: fileName, expected: EXPECTED });
  const sheets: SheetRows = Object.fromEntries(workbook.sheetNames.map((sheet) => [sheet, workbook.rows(sheet) as unknown[][]]));
  if (!workbook.sheetNames.some((s) => s.toLowerCase() === 'powerdata')) {
    const first = sheets[workbook.sheetNames[0]];
    const header = (first[0] ?? []).map((c) => String(c ?? '').toLowerCase()).join(',');
    if (/rider|name|bib/.test(header) && /split|time|duration/.test(header)) {
      const csv = first.map((row) => row.map((c) => `"${String(c ?? '').replace(/"/g, '""')}"`).join(',')).join('\n');
      return { kind: 'splits', fileName, gates: splits(csv, fileName) };
    }
  }
  try {
    return { kind: 'ride', ride: fieldExportRide(sheets, fileName) };
  } catch (error) {
    if (error instanceof FieldExportError) throw new DataError(`"${fileName}", ${error.message}`, { file: fileName, expected: 'sheets PowerData, Segments and Rider' });
    throw error;
  }
}

function splits(text: string, fileName: string): TimingGate[] {
  try {
    return parseTimingSplitsCsv(text);
  } catch (error) {
    throw new DataError(`"${fileName}" is neither a ride nor laps nor timing splits: ${(error as Error).message}`, { file: fileName, expected: EXPECTED });
  }
}

/** UTF-8 (with or without BOM), UTF-16 by its BOM, else Latin-1 — old exports (ergomo) are. */
export function textOf(bytes: ArrayBuffer): string {
  const head = new Uint8Array(bytes, 0, Math.min(2, bytes.byteLength));
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
