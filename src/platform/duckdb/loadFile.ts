import { tableFromIPC } from 'apache-arrow';
import type { LoadOptions, LoadProgress, LoadReport, ColumnInfo } from './duckdb.api';
import { DataError } from '../dataError';
import type { RowNumbering } from '../intake/decoder.api';
import { formatOfFile, quoteIdentifier } from '../intake/fileFormat';
import type { DecoderSupply, IsolatedDecoder } from '../intake/isolatedDecoder';
import type { DuckDbEngine } from './engine';
import { describeRun, insertRuns, runReadOptions, type InsertRun } from './insertRuns';
import { loadCsv } from './loadCsv';

type Progress = (progress: LoadProgress) => void;

const decoderNames = { xlsx: 'xlsx (SheetJS)', fit: 'FIT', jsonl: 'JSON lines', json: 'JSON' } as const;

/**
 * Loads one user file into a DuckDB table. Every decoder runs in a decoder worker of the
 * file's own (isolatedDecoder.ts), so a file that makes one panic or loop ends its own load
 * only. CSV is checked there and then read by DuckDB's own reader through a registered file
 * handle (no copy); Parquet is decoded by parquet-wasm one run of rows ahead of DuckDB's
 * insert of the last; xlsx, FIT and JSON become one Arrow table. All of it works offline.
 */
export async function loadFile(engine: DuckDbEngine, decoders: DecoderSupply, file: File, options: LoadOptions, onProgress: Progress): Promise<LoadReport> {
  const started = performance.now();
  const format = options.format ?? formatOfFile(file.name);
  const table = quoteIdentifier(options.table);
  let warnings: string[] = [];
  let numbering: RowNumbering = { firstDataRow: 1, missing: [] };
  let sheets: string[] | undefined;
  onProgress({ phase: `Opening ${file.name}`, done: 0, total: 1 });
  const decoder = decoders.take();
  try {
    await engine.exec(`DROP TABLE IF EXISTS ${table}`);
    if (format === 'csv') {
      ({ warnings, numbering } = await loadCsv(engine, decoder, file, table, options.columns, onProgress));
    } else if (format === 'parquet') {
      await loadParquet(engine, decoder, file, options, onProgress);
    } else {
      onProgress({ phase: `Decoding ${file.name}`, done: 0, total: 1 });
      const decoded = await decoder.call({ file: file.name, decoder: decoderNames[format], what: 'the whole file', bytes: file.size }, (remote) =>
        remote.decodeTable(file, { format, columns: options.columns, sheet: options.sheet }));
      ({ warnings, numbering, sheets } = decoded);
      engine.throwIfCancelled(`Loading ${file.name}`);
      onProgress({ phase: `Inserting ${file.name}`, done: 0, total: 1 });
      await engine.insertArrow(options.table, decoded.ipc, true);
    }
  } catch (error) {
    // Row groups inserted before a damaged one leave no half table behind.
    await engine.exec(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
    throw error;
  } finally {
    decoders.release(decoder, file.size);
    decoders.prepareSpare();
  }

  // Columns and row count in one trip to the engine.
  const described = tableFromIPC(await engine.query(`SELECT column_name, column_type, (SELECT count(*) FROM ${table})::DOUBLE AS n FROM (DESCRIBE ${table})`));
  const columnInfo: ColumnInfo[] = described.toArray().map((row) => ({ name: String(row.column_name), type: String(row.column_type) }));
  const rows = Number(described.getChild('n')!.get(0) ?? 0);
  onProgress({ phase: `Loaded ${file.name}`, done: 1, total: 1 });
  return { file: file.name, table: options.table, format, rows, columns: columnInfo, milliseconds: performance.now() - started, warnings, sheets, numbering };
}

/** The columns of a Parquet file from its footer (null for other formats: they must be decoded first). */
export async function fileColumns(decoders: DecoderSupply, file: File): Promise<string[] | null> {
  if (formatOfFile(file.name) !== 'parquet') return null;
  const decoder = decoders.take();
  try {
    const footer = { file: file.name, decoder: 'Parquet', what: 'its footer (the list of columns and row groups)', bytes: Math.min(file.size, 8_000_000) };
    return (await decoder.call(footer, (remote) => remote.openParquet(file))).columns;
  } finally {
    // The footer alone was read: the same decoder goes on to read the file itself.
    decoders.release(decoder, 0);
    decoders.prepareSpare();
  }
}

/**
 * Rows decoded one run ahead: parquet-wasm works on the next run while DuckDB inserts this
 * one. A run is two DuckDB row groups' worth of rows where the file's width allows, read from
 * whichever of the file's row groups hold them (insertRuns.ts).
 */
async function loadParquet(engine: DuckDbEngine, decoder: IsolatedDecoder, file: File, options: LoadOptions, onProgress: Progress): Promise<void> {
  const footer = { file: file.name, decoder: 'Parquet', what: 'its footer (the list of columns and row groups)', bytes: Math.min(file.size, 8_000_000) };
  const layout = await decoder.call(footer, (remote) => remote.openParquet(file, options.columns));
  const groups = layout.rowGroups.length;
  if (groups === 0 || layout.rows === 0) throw new DataError(`"${file.name}" holds no rows`, { file: file.name, expected: 'a Parquet file with at least one row' });
  const runs = insertRuns(layout.rowGroups, layout.columns.length);
  const decode = (run: InsertRun) =>
    decoder.call({ file: file.name, decoder: 'Parquet', what: describeRun(run, layout.rows, groups), bytes: run.compressedBytes }, (remote) => remote.parquetRows(runReadOptions(run)));
  let next: Promise<{ ipc: Uint8Array }> | null = decode(runs[0]);
  try {
    for (const [index, run] of runs.entries()) {
      const decoded: { ipc: Uint8Array } = await next!;
      next = index + 1 < runs.length ? decode(runs[index + 1]) : null;
      engine.throwIfCancelled(`Loading ${file.name}`);
      await engine.insertArrow(options.table, decoded.ipc, index === 0);
      onProgress({ phase: `Decoded ${describeRun(run, layout.rows, groups)}`, done: index + 1, total: runs.length });
    }
  } finally {
    // A run decoded ahead of a failed insert is not waited for.
    next?.catch(() => undefined);
  }
}
