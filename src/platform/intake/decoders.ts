/**
 * The decoder worker's side of DecoderApi: each call reads one user file (or a run of rows
 * of it) and answers with Arrow IPC or a DataError in the user's words. Nothing here
 * protects itself against a decoder that panics or never returns: the host
 * (isolatedDecoder.ts) watches every call and replaces the whole worker when one does.
 */
import * as Comlink from 'comlink';
import initParquetWasm, { ParquetFile, wasmMemory } from 'parquet-wasm/esm';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { tableFromIPC } from 'apache-arrow';
import { DataError } from '../dataError';
import { arrowToIpc, columnsToArrowTable, type Cell } from './columnsToArrow';
import { CsvCheck } from './csvPlan';
import type { DecodedTable, DecoderApi, ParquetLayout, TableRequest } from './decoder.api';
import { intakeLimits } from './intakeLimits';
import { readFitRecords } from './readFit';
import { readJsonRecords } from './readJsonLines';
import { openWorkbook, sheetColumns } from './readXlsx';

let parquetReady: Promise<unknown> | null = null;
/** parquet-wasm is instantiated once per worker, from our own origin (precached). */
function ensureParquetWasm(): Promise<unknown> {
  parquetReady ??= initParquetWasm({ module_or_path: parquetWasmUrl });
  return parquetReady;
}

let open: { file: File; parquet: ParquetFile; columns?: string[] } | null = null;
let csv: CsvCheck | null = null;

export const decoders: DecoderApi = {
  async prepare() {
    await ensureParquetWasm();
  },

  async csvHead(file) {
    const opened = await CsvCheck.open(file);
    csv = opened.check;
    // Cloned, not transferred: the check goes on reading its own UTF-8 copy of a UTF-16 file.
    return opened.head;
  },

  async csvRest() {
    if (!csv) throw new Error('no CSV file is open');
    return csv.rest();
  },

  async openParquet(file, columns) {
    await ensureParquetWasm();
    open?.parquet.free();
    open = null;
    let parquet: ParquetFile;
    try {
      parquet = await ParquetFile.fromFile(file);
    } catch (error) {
      throw new DataError(`"${file.name}" is not a readable Parquet file (${String(error).replace(/^Error: /, '')})`, {
        file: file.name, expected: 'a Parquet file', advice: 'Check that the file was copied or downloaded completely, or export it again',
      });
    }
    const available = tableFromIPC(parquet.schema().intoIPCStream()).schema.fields.map((field) => field.name);
    if (available.length > intakeLimits.maxColumns) {
      parquet.free();
      throw new DataError(`"${file.name}" has ${available.length.toLocaleString('en')} columns; Trackside reads up to ${intakeLimits.maxColumns.toLocaleString('en')}`, { file: file.name, advice: 'Save a copy with only the columns you need and load that' });
    }
    const missing = (columns ?? []).filter((name) => !available.includes(name));
    if (missing.length > 0) {
      parquet.free();
      throw new DataError(`"${file.name}" has no column ${missing.map((m) => `"${m}"`).join(', ')}`, { file: file.name, column: missing[0], expected: `one of ${available.join(', ')}` });
    }
    const metadata = parquet.metadata();
    const layout: ParquetLayout = { columns: columns ?? available, rows: 0, rowGroups: [] };
    for (let index = 0; index < metadata.numRowGroups(); index++) {
      const group = metadata.rowGroup(index);
      layout.rowGroups.push({ rows: group.numRows(), compressedBytes: group.compressedSize() });
      layout.rows += group.numRows();
    }
    open = { file, parquet, columns };
    return layout;
  },

  async parquetRows(read) {
    if (!open) throw new Error('no Parquet file is open');
    const table = await open.parquet.read({ ...read, columns: open.columns, batchSize: 65536 });
    const ipc = table.intoIPCStream();
    return Comlink.transfer({ ipc }, [ipc.buffer as ArrayBuffer]);
  },

  async closeParquet() {
    open?.parquet.free();
    open = null;
  },

  async decodeTable(file, request) {
    const decoded = await decodeColumns(file, request);
    let columns = decoded.columns;
    const names = Object.keys(columns);
    if (names.length > intakeLimits.maxColumns) {
      throw new DataError(`"${file.name}" has ${names.length.toLocaleString('en')} columns; Trackside reads up to ${intakeLimits.maxColumns.toLocaleString('en')}`, { file: file.name, advice: 'Save a copy with only the columns you need and load that' });
    }
    if (request.columns) columns = pickColumns(columns, request.columns, file.name);
    const table = columnsToArrowTable(columns);
    const ipc = arrowToIpc(table);
    const result: DecodedTable = { ipc, rows: table.numRows, warnings: decoded.warnings, numbering: decoded.numbering, sheets: decoded.sheets };
    return Comlink.transfer(result, [ipc.buffer as ArrayBuffer]);
  },

  async workbookSheets(file) {
    const workbook = openWorkbook(await file.arrayBuffer(), file.name);
    return { sheetNames: workbook.sheetNames, sheets: Object.fromEntries(workbook.sheetNames.map((sheet) => [sheet, workbook.rows(sheet)])) };
  },

  async memoryBytes() {
    return parquetReady ? wasmMemory().buffer.byteLength : 0;
  },
};

type Decoded = Omit<DecodedTable, 'ipc' | 'rows'> & { columns: Record<string, Cell[]> };

async function decodeColumns(file: File, request: TableRequest): Promise<Decoded> {
  const bytes = await file.arrayBuffer();
  if (request.format === 'xlsx') {
    const workbook = openWorkbook(bytes, file.name);
    const { columns, numbering } = sheetColumns(workbook, request.sheet ?? workbook.sheetNames[0], file.name);
    return { columns, numbering, warnings: [], sheets: workbook.sheetNames };
  }
  if (request.format === 'fit') {
    const { columns, warnings } = readFitRecords(bytes, file.name);
    return { columns, warnings, numbering: { firstDataRow: 1, missing: [] } };
  }
  const result = readJsonRecords(new TextDecoder().decode(bytes), file.name, request.format === 'json');
  const warnings: string[] = [];
  if (result.brokenCount > 0) {
    const named = result.brokenLines.slice(0, 5).map((b) => `line ${b.line} (${b.reason})`).join('; ');
    warnings.push(`${result.brokenCount} broken line${result.brokenCount === 1 ? '' : 's'} skipped: ${named}`);
  }
  if (result.rows === 0) {
    throw new DataError(`"${file.name}" has no readable records`, { file: file.name, expected: request.format === 'json' ? 'a list of JSON objects' : 'one JSON object per line' });
  }
  return { columns: result.columns, warnings, numbering: result.numbering };
}

function pickColumns(columns: Record<string, Cell[]>, wanted: string[], fileName: string): Record<string, Cell[]> {
  const picked: Record<string, Cell[]> = {};
  for (const name of wanted) {
    if (!(name in columns)) {
      throw new DataError(`"${fileName}" has no column "${name}"`, { file: fileName, column: name, expected: `one of ${Object.keys(columns).join(', ')}` });
    }
    picked[name] = columns[name];
  }
  return picked;
}
