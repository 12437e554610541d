import { Bool, Float64, Int32, Table, Utf8, makeData, makeVector, type Vector } from 'apache-arrow';

/**
 * Arrow columns built by hand from typed arrays. Arrow JS's own builders compile their null
 * checks with `new Function`, which our Content-Security-Policy (no 'unsafe-eval') refuses,
 * so every Arrow table the app makes goes through these few encoders instead.
 */
function validityOf(length: number, isValid: (i: number) => boolean): { bitmap: Uint8Array; nullCount: number } {
  const bitmap = new Uint8Array(Math.ceil(length / 8));
  let nullCount = 0;
  for (let i = 0; i < length; i++) {
    if (isValid(i)) bitmap[i >> 3] |= 1 << (i & 7);
    else nullCount++;
  }
  return { bitmap, nullCount };
}

/** Numbers as DOUBLE; null, undefined and NaN become SQL NULL. */
export function float64Column(values: ArrayLike<number | null | undefined>): Vector<Float64> {
  const length = values.length;
  const data = new Float64Array(length);
  const { bitmap, nullCount } = validityOf(length, (i) => {
    const value = values[i];
    if (typeof value !== 'number' || Number.isNaN(value)) return false;
    data[i] = value;
    return true;
  });
  return makeVector(makeData({ type: new Float64(), length, nullCount, nullBitmap: nullCount > 0 ? bitmap : null, data }));
}

/** Whole numbers as INTEGER (no nulls: use float64Column when values can be missing). */
export function int32Column(values: ArrayLike<number>): Vector<Int32> {
  const data = Int32Array.from(values as ArrayLike<number>);
  return makeVector(makeData({ type: new Int32(), length: data.length, nullCount: 0, data }));
}

export function boolColumn(values: ArrayLike<boolean | null | undefined>): Vector<Bool> {
  const length = values.length;
  const data = new Uint8Array(Math.ceil(length / 8));
  const { bitmap, nullCount } = validityOf(length, (i) => {
    const value = values[i];
    if (typeof value !== 'boolean') return false;
    if (value) data[i >> 3] |= 1 << (i & 7);
    return true;
  });
  return makeVector(makeData({ type: new Bool(), length, nullCount, nullBitmap: nullCount > 0 ? bitmap : null, data }));
}

const encoder = new TextEncoder();

/** Text as VARCHAR; null and undefined become SQL NULL. */
export function utf8Column(values: ArrayLike<string | null | undefined>): Vector<Utf8> {
  const length = values.length;
  let capacity = 0;
  for (let i = 0; i < length; i++) {
    const value = values[i];
    // UTF-8 takes at most three bytes per UTF-16 unit.
    if (typeof value === 'string') capacity += value.length * 3;
  }
  // One buffer written in place (encodeInto): a million values without a million small arrays.
  let data = new Uint8Array(capacity);
  const valueOffsets = new Int32Array(length + 1);
  let offset = 0;
  for (let i = 0; i < length; i++) {
    const value = values[i];
    if (typeof value === 'string' && value.length > 0) offset += encoder.encodeInto(value, data.subarray(offset)).written;
    valueOffsets[i + 1] = offset;
  }
  data = data.slice(0, offset);
  const { bitmap, nullCount } = validityOf(length, (i) => typeof values[i] === 'string');
  return makeVector(makeData({ type: new Utf8(), length, nullCount, nullBitmap: nullCount > 0 ? bitmap : null, valueOffsets, data }));
}

/** A table of named columns (all of one length). */
export function tableOfColumns(columns: Record<string, Vector>): Table {
  const lengths = new Set(Object.values(columns).map((column) => column.length));
  if (lengths.size > 1) throw new Error(`columns of different lengths: ${[...lengths].join(', ')}`);
  return new Table(columns);
}
