import { read, utils } from 'xlsx';
import { DataError } from '../dataError';
import { rowsToColumns, type Cell } from './columnsToArrow';
import type { RowNumbering } from './decoder.api';
import { intakeLimits } from './intakeLimits';

export interface Workbook {
  sheetNames: string[];
  /** Rows of one sheet, first row the header (SheetJS `header: 1`). */
  rows(sheet: string): Cell[][];
}

/** Opens an xlsx workbook (SheetJS, the patched 0.20 build) with clear errors for a wrong file. */
export function openWorkbook(bytes: ArrayBuffer, fileName: string): Workbook {
  const head = new Uint8Array(bytes, 0, Math.min(4, bytes.byteLength));
  const isZip = head[0] === 0x50 && head[1] === 0x4b;
  const isOle = head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
  // SheetJS would happily read any text as a one-sheet CSV; a workbook must look like one.
  if (!isZip && !isOle) {
    throw new DataError(`"${fileName}" could not be read as a spreadsheet: it is not an Excel workbook inside`, { file: fileName, expected: 'an .xlsx workbook' });
  }
  let workbook: ReturnType<typeof read>;
  try {
    workbook = read(new Uint8Array(bytes), { type: 'array', dense: true, cellDates: true });
  } catch (error) {
    // SheetJS's own words ("Bad compressed size: 0 != 346") say nothing to the user; the
    // console keeps them for whoever looks into it.
    console.warn(`SheetJS on ${fileName}: ${(error as Error).message}`);
    throw new DataError(`"${fileName}" could not be read as a spreadsheet: the workbook is damaged or cut short`, {
      file: fileName,
      expected: 'an .xlsx workbook',
      advice: 'Open it in a spreadsheet program and save it again, or copy or export it again',
    });
  }
  if (workbook.SheetNames.length === 0) {
    throw new DataError(`"${fileName}" holds no sheets`, { file: fileName, expected: 'an .xlsx workbook with at least one sheet', advice: 'Open it in a spreadsheet program, check that it holds the data, and save it again' });
  }
  return {
    sheetNames: workbook.SheetNames.slice(),
    rows(sheet: string): Cell[][] {
      const worksheet = workbook.Sheets[sheet];
      if (!worksheet) {
        throw new DataError(`"${fileName}" has no sheet named "${sheet}"`, { file: fileName, expected: `one of its sheets: ${workbook.SheetNames.join(', ')}` });
      }
      return utils.sheet_to_json<Cell[]>(worksheet, { header: 1, blankrows: false, defval: null, raw: true });
    },
  };
}

/** One sheet as columns, ready for Arrow, with each row's number in the sheet (header = its first row). */
export function sheetColumns(workbook: Workbook, sheet: string, fileName: string): { columns: Record<string, Cell[]>; numbering: RowNumbering } {
  const rows = workbook.rows(sheet);
  if (rows.length === 0) throw new DataError(`sheet "${sheet}" of "${fileName}" is empty`, { file: fileName, expected: 'a header row, then one row per record' });
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  if (width > intakeLimits.maxColumns) {
    throw new DataError(`sheet "${sheet}" of "${fileName}" has ${width.toLocaleString('en')} columns; Trackside reads up to ${intakeLimits.maxColumns.toLocaleString('en')}`, {
      file: fileName, advice: 'Save a copy with only the columns you need and load that',
    });
  }
  // SheetJS leaves blank rows out and marks each row with its 0-based place in the sheet.
  const sheetRow = (row: Cell[], fallback: number) => ((row as { __rowNum__?: number }).__rowNum__ ?? fallback) + 1;
  const numbers = rows.map((row, i) => sheetRow(row, i));
  const missing: number[] = [];
  for (let i = 2; i < numbers.length; i++) for (let n = numbers[i - 1] + 1; n < numbers[i]; n++) missing.push(n);
  return { columns: rowsToColumns(rows), numbering: { firstDataRow: numbers[1] ?? numbers[0] + 1, missing } };
}
