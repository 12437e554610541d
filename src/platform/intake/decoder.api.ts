/**
 * The one typed boundary to the decoder worker (workers/decoder.worker.ts), which the DuckDB
 * worker starts and replaces at will: every decoder that could panic or loop on a hostile
 * file (parquet-wasm, SheetJS, Garmin's FIT SDK, the CSV check) runs there, so such a file
 * ends its own load with a clear error and leaves DuckDB and the files already loaded alone.
 * Arrow IPC leaves as transferred bytes.
 */
import type { Cell } from './columnsToArrow';
import type { RaggedRow } from './csvScanner';

/** The key of the message a decoder worker posts when a decoder panicked outside any call. */
export const decoderCrashed = 'trackside:decoder-crashed';

/** What the first megabyte of a CSV file tells: enough for DuckDB to start reading it. */
export interface CsvHead {
  delimiter: string;
  /** How DuckDB should read the bytes it is given. */
  encoding: 'utf-8' | 'latin-1';
  /** The file turned into UTF-8 when it was UTF-16 (DuckDB reads UTF-8 and Latin-1 only). */
  transcoded: Uint8Array | null;
  header: string[];
  warnings: string[];
}

/** The whole file's scan, finished while DuckDB reads it. */
export interface CsvBody {
  dataRows: number;
  raggedCount: number;
  ragged: RaggedRow[];
  /** Blank rows after the header: DuckDB skips them, so the rows after them shift. */
  blankRows: number[];
  /** False when a byte anywhere was not UTF-8 (the file is then read again as Latin-1). */
  utf8: boolean;
}

export interface ParquetLayout {
  columns: string[];
  rows: number;
  rowGroups: { rows: number; compressedBytes: number }[];
}

/** Rows in the order of the file, with their numbers as the user sees them there. */
export interface RowNumbering {
  /** The file row of the first table row: 2 under a header row, 1 without one. */
  firstDataRow: number;
  /** File rows that are not in the table (blank, or left out with a warning), ascending. */
  missing: number[];
}

export interface DecodedTable {
  /** Arrow IPC stream bytes of the whole table (transferred). */
  ipc: Uint8Array;
  rows: number;
  warnings: string[];
  numbering: RowNumbering;
  /** xlsx: every sheet of the workbook. */
  sheets?: string[];
}

export interface TableRequest {
  format: 'xlsx' | 'fit' | 'jsonl' | 'json';
  /** Only these columns (every one when omitted). */
  columns?: string[];
  /** xlsx: which sheet (the first when omitted). */
  sheet?: string;
}

export interface WorkbookSheets {
  sheetNames: string[];
  sheets: Record<string, Cell[][]>;
}

export interface DecoderApi {
  /** Instantiates the WebAssembly decoders, so a spare worker is ready before its file comes. */
  prepare(): Promise<void>;
  /** Checks a CSV file's first megabyte: encoding, separator, header, limits (see csvPlan.ts). */
  csvHead(file: File): Promise<CsvHead>;
  /** Checks the rest of the file csvHead opened: row lengths, quotes, rows that do not fit the header. */
  csvRest(): Promise<CsvBody>;
  /** Opens a Parquet file for reading a run of rows at a time (one open file per worker). */
  openParquet(file: File, columns?: string[]): Promise<ParquetLayout>;
  /** Rows of the open Parquet file as one Arrow IPC stream: `limit` rows after skipping `offset` of the row groups named. */
  parquetRows(read: { rowGroups: number[]; offset: number; limit: number }): Promise<{ ipc: Uint8Array }>;
  closeParquet(): Promise<void>;
  /** A whole xlsx sheet, FIT activity or JSON file as one Arrow table. */
  decodeTable(file: File, request: TableRequest): Promise<DecodedTable>;
  /** Every sheet of a workbook as rows (first row the header), for readers that want cells, not a table. */
  workbookSheets(file: File): Promise<WorkbookSheets>;
  /** Bytes of memory the worker's WebAssembly holds (it never shrinks; the host replaces a large one). */
  memoryBytes(): Promise<number>;
}
