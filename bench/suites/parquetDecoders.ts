import { readFileSync } from 'node:fs';
import { readParquet } from 'parquet-wasm/node';
import { parquetMetadataAsync, parquetRead } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { tableToIPC } from 'apache-arrow';
import { float64Column, tableOfColumns, utf8Column } from '../../src/platform/intake/arrowColumns';
import { median, type BenchRow, type BenchSuite } from '../context';

// The columns the Results workspace reads from a results file.
const columns = ['competitor', 'dob', 'nationality', 'discipline', 'sex', 'mark', 'mark_numeric', 'date', 'wind', 'season'];

/** parquet-wasm: decode straight to Arrow IPC. */
function withParquetWasm(bytes: Uint8Array): number {
  const table = readParquet(bytes, { columns });
  return table.intoIPCStream().length;
}

/** hyparquet (pure JS, zstd from hyparquet-compressors): decode to JS columns, then to Arrow IPC. */
async function withHyparquet(bytes: Uint8Array): Promise<number> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const file = { byteLength: buffer.byteLength, slice: (start: number, end?: number) => buffer.slice(start, end) };
  const metadata = await parquetMetadataAsync(file);
  const decoded: Record<string, unknown[]> = {};
  await parquetRead({ file, metadata, columns, compressors, rowFormat: 'array', onChunk: (chunk) => {
    (decoded[chunk.columnName] ??= []).push(...Array.from(chunk.columnData as ArrayLike<unknown>));
  } });
  const vectors = Object.fromEntries(
    Object.entries(decoded).map(([name, values]) => [name, typeof values.find((v) => v !== null) === 'number' ? float64Column(values as number[]) : utf8Column(values.map((v) => (v === null ? null : String(v))))]),
  );
  return tableToIPC(tableOfColumns(vectors), 'stream').length;
}

export const suite: BenchSuite = {
  name: 'parquet-decoders',
  async run(context) {
    const path = context.options.file?.endsWith('.parquet') ? context.options.file : (await context.generatedResults(context.options.rows)).parquet;
    const bytes = new Uint8Array(readFileSync(path));
    const repeats = context.options.quick ? 1 : 3;
    const wasm: number[] = [];
    const hyparquet: number[] = [];
    for (let i = 0; i < repeats; i++) {
      let started = performance.now();
      withParquetWasm(bytes);
      wasm.push(performance.now() - started);
      started = performance.now();
      await withHyparquet(bytes);
      hyparquet.push(performance.now() - started);
    }
    const rows: BenchRow[] = [
      {
        suite: 'parquet-decoders',
        case: `parquet-wasm, ${columns.length} columns to Arrow IPC (Node)`,
        unit: 'ms',
        value: median(wasm),
        reference: { label: 'hyparquet', value: median(hyparquet) },
        note: 'the faster one is the app’s decoder',
      },
    ];
    return rows;
  },
};
