/**
 * Reading the columns of an Arrow table that DuckDB sent, as typed arrays with NULL turned
 * into NaN (numbers) or null (text). DuckDB's INTEGER, BIGINT and DOUBLE all arrive here;
 * BIGINT comes as BigInt, so every numeric read goes through Number().
 */
import { DataType, Precision, tableFromIPC, tableToIPC, type Table, type Vector } from 'apache-arrow';
import { float64Column, int32Column, tableOfColumns, utf8Column } from '../intake/arrowColumns';

export function readIpc(ipc: Uint8Array): Table {
  return tableFromIPC(ipc);
}

function column(table: Table, name: string): Vector {
  const vector = table.getChild(name);
  if (!vector) throw new Error(`Arrow table has no column "${name}" (has ${table.schema.fields.map((f) => f.name).join(', ')})`);
  return vector;
}

/**
 * Numbers; NULL becomes NaN. Integers and floats are read straight from each chunk's values
 * and validity bits: Arrow's `get(i)` finds the chunk by a binary search for every value,
 * and a nullable column (age, wind) took most of the 1.7 s the page spent reading the 44
 * groups' columns of the 1M bench file. Other types (dates, decimals) go through `get`.
 */
export function numbersOf(table: Table, name: string): Float64Array {
  const vector = column(table, name);
  const out = new Float64Array(vector.length);
  let row = 0;
  for (const data of vector.data) {
    const values = data.values as ArrayLike<number | bigint> | undefined;
    const direct = (DataType.isInt(data.type) || (DataType.isFloat(data.type) && data.type.precision !== Precision.HALF)) && values !== undefined && data.stride === 1;
    if (!direct) {
      for (let i = 0; i < data.length; i++, row++) {
        const value = vector.get(row) as number | bigint | null;
        out[row] = value === null ? NaN : Number(value);
      }
      continue;
    }
    // A slice keeps the whole validity bitmap (read at offset + i) but slices the values.
    const validity = data.nullCount > 0 ? data.nullBitmap : null;
    for (let i = 0; i < data.length; i++, row++) {
      const bit = data.offset + i;
      out[row] = validity && (validity[bit >> 3] & (1 << (bit & 7))) === 0 ? NaN : Number(values[i]);
    }
  }
  return out;
}

/** Whole numbers (ids, seasons); NULL becomes `missing`. */
export function integersOf(table: Table, name: string, missing = -1): Int32Array {
  const numbers = numbersOf(table, name);
  const out = new Int32Array(numbers.length);
  for (let i = 0; i < out.length; i++) out[i] = Number.isNaN(numbers[i]) ? missing : numbers[i];
  return out;
}

const decoder = new TextDecoder();

/**
 * Text; NULL stays null. Read straight from each chunk's offsets and bytes (Arrow's own
 * `get(i)` looks up the chunk and builds a decoder call per value, the slowest part of a
 * million-row load), with plain ASCII values made without a decoder.
 */
export function textsOf(table: Table, name: string): (string | null)[] {
  const vector = column(table, name);
  const out: (string | null)[] = new Array(vector.length);
  let row = 0;
  for (const data of vector.data) {
    const offsets = data.valueOffsets as Int32Array | undefined;
    const bytes = data.values as Uint8Array | undefined;
    if (!offsets || !(bytes instanceof Uint8Array)) {
      for (let i = 0; i < data.length; i++, row++) {
        const value = vector.get(row) as unknown;
        out[row] = value === null || value === undefined ? null : String(value);
      }
      continue;
    }
    const validity = data.nullCount > 0 ? data.nullBitmap : null;
    for (let i = 0; i < data.length; i++, row++) {
      // A slice keeps the whole validity bitmap (read at offset + i) but slices the offsets.
      const bit = data.offset + i;
      if (validity && (validity[bit >> 3] & (1 << (bit & 7))) === 0) {
        out[row] = null;
        continue;
      }
      const start = offsets[i];
      const end = offsets[i + 1];
      let ascii = end - start <= 64;
      for (let k = start; ascii && k < end; k++) if (bytes[k] >= 0x80) ascii = false;
      out[row] = ascii ? String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]) : decoder.decode(bytes.subarray(start, end));
    }
  }
  return out;
}

export type OutColumn =
  | { kind: 'float'; values: ArrayLike<number> }
  | { kind: 'int'; values: ArrayLike<number> }
  | { kind: 'text'; values: ArrayLike<string | null> };

/** Columns to Arrow IPC stream bytes with our CSP-safe encoders (no Arrow builders). */
export function ipcOfColumns(columns: Record<string, OutColumn>): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const [name, out] of Object.entries(columns)) {
    vectors[name] = out.kind === 'float' ? float64Column(out.values) : out.kind === 'int' ? int32Column(out.values) : utf8Column(out.values);
  }
  return tableToIPC(tableOfColumns(vectors), 'stream');
}
