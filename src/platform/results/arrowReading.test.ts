import { describe, expect, it } from 'vitest';
import { tableFromArrays, tableFromIPC, type Table } from 'apache-arrow';
import { integersOf, ipcOfColumns, numbersOf, textsOf } from './arrowReading';

describe('textsOf', () => {
  it('reads text as Arrow wrote it: nulls, accents, empty strings, across chunks and slices', () => {
    const values = ['Søren ÅS', null, '', 'José', 'plain', 'Łukasz', null, 'x'.repeat(100)];
    const ipc = ipcOfColumns({ name: { kind: 'text', values } });
    const table = tableFromIPC(ipc);
    expect(textsOf(table, 'name')).toEqual(values);
    const twice = table.concat(table);
    expect(textsOf(twice, 'name')).toEqual([...values, ...values]);
    expect(textsOf(twice.slice(3, 11), 'name')).toEqual([...values, ...values].slice(3, 11));
  });
});

describe('numbersOf', () => {
  it('reads numbers as Arrow\'s own get() does: NULL as NaN, across chunks and slices, integers, floats and big integers', () => {
    // float64Column writes NaN as NULL (validity bits); int32Column has none.
    const floats = [1.5, null, -0, 3e300, NaN, null, 7.25, 0.1, -4, null];
    const ints = [1, 5, -2147483648, 2147483647, 0, 9, 42, -7, 3, 2];
    const table = tableFromIPC(ipcOfColumns({ f: { kind: 'float', values: floats.map((v) => v ?? NaN) }, i: { kind: 'int', values: ints } }));
    expect(table.getChild('f')!.nullCount).toBe(4);
    const viaGet = (t: Table, name: string) => Array.from({ length: t.numRows }, (_, r) => {
      const v = t.getChild(name)!.get(r) as number | bigint | null;
      return v === null ? NaN : Number(v);
    });
    const twice = table.concat(table);
    for (const t of [table, twice, twice.slice(3, 17), twice.slice(11)]) {
      expect(Array.from(numbersOf(t, 'f'))).toEqual(viaGet(t, 'f'));
      expect(Array.from(numbersOf(t, 'i'))).toEqual(viaGet(t, 'i'));
      expect(Array.from(integersOf(t, 'f', -1))).toEqual(viaGet(t, 'f').map((v) => (Number.isNaN(v) ? -1 : Math.trunc(v) | 0)));
    }
    expect(Array.from(numbersOf(twice.slice(11), 'f'))).toEqual([NaN, -0, 3e300, NaN, NaN, 7.25, 0.1, -4, NaN]);
    const big = tableFromArrays({ b: BigInt64Array.from([1n, -5n, 9007199254740991n]) });
    expect(Array.from(numbersOf(big, 'b'))).toEqual([1, -5, 9007199254740991]);
  });
});
