import { describe, expect, it, vi } from 'vitest';
import { utils, write } from 'xlsx';
import { DataError } from '../dataError';
import { openWorkbook } from './readXlsx';

function workbookBytes(): ArrayBuffer {
  const book = utils.book_new();
  const rows = [['athlete', 'event', 'mark'], ...Array.from({ length: 200 }, (_, i) => [`Athlete ${i}`, '100m', 10 + i / 100])];
  utils.book_append_sheet(book, utils.aoa_to_sheet(rows), 'Results');
  return write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
}

describe('openWorkbook', () => {
  it('reads a good workbook sheet by sheet', () => {
    const book = openWorkbook(workbookBytes(), 'results.xlsx');
    expect(book.sheetNames).toEqual(['Results']);
    expect(book.rows('Results')).toHaveLength(201);
    expect(() => book.rows('Sanctions')).toThrow(/has no sheet named "Sanctions"/);
  });

  it('refuses a workbook cut short in the user’s words, naming the file, not in the zip reader’s', () => {
    const whole = workbookBytes();
    const cut = whole.slice(0, Math.floor(whole.byteLength * 0.6));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let thrown: unknown;
    try {
      openWorkbook(cut, 'sanctions.xlsx');
    } catch (error) {
      thrown = error;
    }
    warn.mockRestore();
    expect(thrown).toBeInstanceOf(DataError);
    expect((thrown as DataError).message).toBe('"sanctions.xlsx" could not be read as a spreadsheet: the workbook is damaged or cut short');
    expect((thrown as DataError).location.advice).toMatch(/save it again/);
  });

  it('refuses text named .xlsx before SheetJS reads it as a one-sheet CSV', () => {
    const text = new TextEncoder().encode('athlete,event,mark\nA,100m,10.1\n');
    expect(() => openWorkbook(text.buffer, 'results.xlsx')).toThrow(/not an Excel workbook inside/);
  });
});
