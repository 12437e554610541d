import { describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { ipcOfColumns, textsOf } from './arrowReading';

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
