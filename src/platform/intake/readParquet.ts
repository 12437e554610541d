import initParquetWasm, { ParquetFile } from 'parquet-wasm/esm';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { tableFromIPC } from 'apache-arrow';
import { DataError } from '../dataError';

let parquetReady: Promise<unknown> | null = null;

/** parquet-wasm is instantiated once per worker, from our own origin (precached). */
function ensureParquetWasm(): Promise<unknown> {
  parquetReady ??= initParquetWasm({ module_or_path: parquetWasmUrl });
  return parquetReady;
}

export interface ParquetRowGroup {
  index: number;
  count: number;
  rows: number;
  /** Arrow IPC stream of this row group's requested columns. */
  ipc: Uint8Array;
}

/**
 * Decodes a Parquet file row group by row group into Arrow IPC, reading only the requested
 * columns. The file is read through Blob slices (no whole-file copy), so a 1 GB file fits.
 * parquet-wasm was chosen over hyparquet by measurement (`npm run bench`, decoder table).
 */
export async function* readParquetRowGroups(file: File, columns?: string[]): AsyncGenerator<ParquetRowGroup> {
  await ensureParquetWasm();
  let parquet: ParquetFile;
  try {
    parquet = await ParquetFile.fromFile(file);
  } catch (error) {
    throw new DataError(`"${file.name}" is not a readable Parquet file: ${String(error)}`, { file: file.name, expected: 'a Parquet file' });
  }
  try {
    const available = tableFromIPC(parquet.schema().intoIPCStream()).schema.fields.map((field) => field.name);
    const missing = (columns ?? []).filter((name) => !available.includes(name));
    if (missing.length > 0) {
      throw new DataError(`"${file.name}" has no column ${missing.map((m) => `"${m}"`).join(', ')}`, {
        file: file.name,
        column: missing[0],
        expected: `one of ${available.join(', ')}`,
      });
    }
    const metadata = parquet.metadata();
    const count = metadata.numRowGroups();
    for (let index = 0; index < count; index++) {
      const rows = metadata.rowGroup(index).numRows();
      const table = await parquet.read({ rowGroups: [index], columns, batchSize: 65536 });
      const ipc = table.intoIPCStream();
      yield { index, count, rows, ipc };
    }
  } finally {
    parquet.free();
  }
}
