import { read, utils } from 'xlsx';
import { DataError } from '../dataError';
import { rowsToColumns, type Cell } from './columnsToArrow';

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
    throw new DataError(`"${fileName}" could not be read as a spreadsheet: ${(error as Error).message}`, {
      file: fileName,
      expected: 'an .xlsx workbook',
    });
  }
  return {
    sheetNames: workbook.SheetNames.slice(),
    rows(sheet: string): Cell[][] {
      const worksheet = workbook.Sheets[sheet];
      if (!worksheet) {
        throw new DataError(`sheet "${sheet}" is not in the workbook (it has ${workbook.SheetNames.join(', ')})`, { file: fileName });
      }
      return utils.sheet_to_json<Cell[]>(worksheet, { header: 1, blankrows: false, defval: null, raw: true });
    },
  };
}

/** One sheet as columns, ready for Arrow. */
export function sheetColumns(workbook: Workbook, sheet: string, fileName: string): Record<string, Cell[]> {
  const rows = workbook.rows(sheet);
  if (rows.length === 0) throw new DataError(`sheet "${sheet}" is empty`, { file: fileName });
  return rowsToColumns(rows);
}
