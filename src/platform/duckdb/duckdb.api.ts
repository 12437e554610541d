/**
 * The one typed boundary to the DuckDB worker (Mosaic/DuckDB-WASM style: `Remote<DuckDbApi>`).
 * Query results leave as Arrow IPC stream bytes, transferred, never cloned row objects.
 */
import type { RowNumbering } from '../intake/decoder.api';

export type { RowNumbering };
export type FileFormat = 'csv' | 'parquet' | 'xlsx' | 'jsonl' | 'json' | 'fit';

export interface LoadOptions {
  /** Table to create (replaced if it exists). */
  table: string;
  /** Format; by default from the file name's extension. */
  format?: FileFormat;
  /** Parquet, CSV: read only these columns (all when omitted). */
  columns?: string[];
  /** xlsx: which sheet (the first when omitted). */
  sheet?: string;
}

export interface LoadProgress {
  /** What is being done, in words: "Decoding row group 3 of 10". */
  phase: string;
  done: number;
  total: number;
}

export interface ColumnInfo {
  name: string;
  type: string;
}

export interface LoadReport {
  file: string;
  table: string;
  format: FileFormat;
  rows: number;
  columns: ColumnInfo[];
  /** Milliseconds from the call to a queryable table. */
  milliseconds: number;
  /** Things the user should know that did not stop the load (skipped lines, …). */
  warnings: string[];
  /** xlsx: every sheet in the workbook, so the UI can offer the others. */
  sheets?: string[];
  /** Which row of the file each table row is (by rowid), for messages in the file's own row numbers. */
  numbering: RowNumbering;
}

export interface EngineInfo {
  version: string;
  instantiateMilliseconds: number;
}

export interface DuckDbApi {
  /** Resolves when the engine is instantiated (it starts when the worker starts). */
  ready(): Promise<EngineInfo>;
  /**
   * A file's column names when they can be had without decoding it (a Parquet file's
   * schema), so a caller can load only the columns it needs; null for the other formats.
   */
  fileColumns(file: File): Promise<string[] | null>;
  /** Load a user's file into a table without copying the whole file where the format allows. */
  loadFile(file: File, options: LoadOptions, onProgress?: (progress: LoadProgress) => void): Promise<LoadReport>;
  /** Run SQL and return the result as Arrow IPC stream bytes (transferred). */
  query(sql: string): Promise<Uint8Array>;
  /** Run SQL for its effect. */
  exec(sql: string): Promise<void>;
  /** Insert Arrow IPC stream bytes into a table (created when `create`). */
  insertArrow(table: string, ipc: Uint8Array, create: boolean): Promise<void>;
  /** Cancel the running query or load; it rejects with a CancelledError. */
  cancel(): Promise<void>;
}
