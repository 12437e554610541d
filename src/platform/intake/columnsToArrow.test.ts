import { describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { arrowToIpc, columnsToArrowTable, rowsToColumns } from './columnsToArrow';

describe('rowsToColumns and columnsToArrowTable', () => {
  it('types numeric columns as doubles, mixed ones as text, and keeps nulls', () => {
    const columns = rowsToColumns([
      ['frame', 'Power', 'Power', ''],
      [1, 250, 'x', true],
      [2, null, 3, false],
    ]);
    expect(Object.keys(columns)).toEqual(['frame', 'Power', 'Power_2', 'column4']);
    const table = tableFromIPC(arrowToIpc(columnsToArrowTable(columns)));
    expect(table.numRows).toBe(2);
    expect(String(table.schema.fields[1].type)).toBe('Float64');
    expect(String(table.schema.fields[2].type)).toBe('Utf8');
    expect(table.getChild('Power')!.toArray()[0]).toBe(250);
    expect(table.getChild('Power')!.get(1)).toBeNull();
    expect(table.getChild('Power_2')!.get(1)).toBe('3');
    expect(table.getChild('column4')!.get(0)).toBe(true);
  });
});

describe('hand-built Arrow columns', () => {
  it('never calls the Function constructor (our CSP forbids eval) and round-trips through IPC', () => {
    const original = globalThis.Function;
    let calls = 0;
    globalThis.Function = new Proxy(original, {
      construct(target, args) {
        calls++;
        return Reflect.construct(target, args);
      },
    });
    try {
      const table = columnsToArrowTable({ name: ['Ann', null, 'Bø'], mark: [10.5, NaN, 11], ok: [true, false, null] });
      const back = tableFromIPC(arrowToIpc(table));
      expect(back.getChild('name')!.toArray()).toEqual(['Ann', null, 'Bø']);
      expect(back.getChild('mark')!.get(1)).toBeNull();
      expect(back.getChild('mark')!.get(2)).toBe(11);
      expect(back.getChild('ok')!.get(0)).toBe(true);
      expect(back.getChild('ok')!.get(2)).toBeNull();
    } finally {
      globalThis.Function = original;
    }
    expect(calls).toBe(0);
  });
});
