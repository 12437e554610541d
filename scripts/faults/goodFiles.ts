/**
 * The good files the fault campaign damages, each from the project's own seeded generators:
 * results (CSV, Parquet, xlsx) and sanctions from generate/results, rides (field-export xlsx,
 * FIT with laps, ride CSV) from generate/rides, views YAML from the default views. Parquet is
 * written by native DuckDB, as the samples are.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { Encoder, Profile, type FileIdMesg, type LapMesg, type RecordMesg } from '@garmin/fitsdk';
import * as XLSX from 'xlsx';
import { DEFAULT_VIEWS, dumpViewsYaml } from '../../src/core/config/index';
import { generateRideSession } from '../../src/core/generate/rides';
import { resultsCsv, sanctionsCsv } from '../../src/core/generate/resultsCsv';
import type { FieldExportRide } from '../../src/core/power/index';
import { fieldExportXlsx, rideCsv } from '../../src/platform/ride/sessionExport';

const encoder = new TextEncoder();

export function resultsCsvBytes(rows: number, seed: number): Uint8Array {
  return encoder.encode(resultsCsv({ rows, seed }));
}

export function sanctionsCsvBytes(rows: number, seed: number): Uint8Array {
  return encoder.encode(sanctionsCsv({ rows, seed }));
}

/** A results file as Parquet, row groups of `rowGroup` rows (native DuckDB from the CSV). */
export async function resultsParquet(rows: number, seed: number, rowGroup = 2000): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'trackside-faults-'));
  try {
    const csv = join(dir, 'results.csv');
    const parquet = join(dir, 'results.parquet');
    writeFileSync(csv, resultsCsvBytes(rows, seed));
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    await connection.run(`COPY (SELECT * FROM read_csv('${csv}', header = true, all_varchar = false)) TO '${parquet}' (FORMAT parquet, ROW_GROUP_SIZE ${rowGroup})`);
    connection.closeSync();
    return new Uint8Array(readFileSync(parquet));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A CSV text as a one-sheet workbook. */
export function xlsxOfCsv(csv: Uint8Array, sheet = 'Results'): Uint8Array {
  const workbook = XLSX.read(new TextDecoder().decode(csv), { type: 'string', raw: true });
  const out = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(out, workbook.Sheets[workbook.SheetNames[0]], sheet);
  return new Uint8Array(XLSX.write(out, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

/** A real xlsx whose workbook lists no sheet: SheetJS reads it as a workbook of none. */
export function workbookWithoutSheets(): Uint8Array {
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([['athlete'], ['A']]), 'Results');
  const zip = XLSX.CFB.read(XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }), { type: 'buffer' });
  const entry = zip.FileIndex[zip.FullPaths.findIndex((path: string) => path.endsWith('xl/workbook.xml'))];
  entry.content = Buffer.from(Buffer.from(entry.content as Uint8Array).toString().replace(/<sheets>.*<\/sheets>/s, '<sheets/>'));
  return new Uint8Array(XLSX.CFB.write(zip, { type: 'buffer', fileType: 'zip' }) as Buffer);
}

export function rides(seed: number): FieldExportRide[] {
  return generateRideSession({ riders: 2, laps: 2, seed });
}

/** The field platform's export of a ride, as the app itself writes it. */
export async function rideXlsx(ride: FieldExportRide): Promise<Uint8Array> {
  return new Uint8Array(await fieldExportXlsx(ride).arrayBuffer());
}

/** The ride as a head unit's FIT activity: 1 Hz records and one lap message per segment. */
export function rideFit(ride: FieldExportRide): Uint8Array {
  const at = (s: number) => new Date((ride.startWallTime + s) * 1000);
  const fit = new Encoder();
  fit.onMesg(Profile.MesgNum.FILE_ID, { type: 'activity', manufacturer: 'development', product: 0, timeCreated: at(0), serialNumber: 1 } as FileIdMesg);
  const { stream } = ride;
  for (let i = 0; i < stream.time.length; i++) {
    const record: Record<string, unknown> = { timestamp: at(stream.time[i]) };
    if (!Number.isNaN(stream.power[i])) record.power = Math.round(stream.power[i]);
    if (!Number.isNaN(stream.cadence[i])) record.cadence = Math.round(stream.cadence[i]);
    if (!Number.isNaN(stream.heartRate[i])) record.heartRate = Math.round(stream.heartRate[i]);
    fit.onMesg(Profile.MesgNum.RECORD, record as RecordMesg);
  }
  for (const segment of ride.segments) {
    fit.onMesg(Profile.MesgNum.LAP, { timestamp: at(segment.startTime + segment.durationS), startTime: at(segment.startTime), totalElapsedTime: segment.durationS, totalTimerTime: segment.durationS } as LapMesg);
  }
  return fit.close();
}

/** The ride-CSV shape the Ride workspace reads back (empty cell = not recorded). */
export async function rideCsvBytes(ride: FieldExportRide): Promise<Uint8Array> {
  return new Uint8Array(await rideCsv(ride).arrayBuffer());
}

export function viewsYaml(): Uint8Array {
  return encoder.encode(dumpViewsYaml(DEFAULT_VIEWS));
}
