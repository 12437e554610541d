import { parseDecimal } from './csvText';

/**
 * Where a value sits in a workbook, in the words a user sees in Excel: sheet, 1-based row,
 * column letter and header. Every field-export message is built from it.
 */
export interface CellPlace {
  readonly sheet: string;
  /** 1-based, as Excel numbers rows (the header is row 1). */
  readonly row: number;
  /** Column letter and header, e.g. `C (InstantPower)`. */
  readonly column: string;
}

export interface SheetIssue extends CellPlace {
  readonly message: string;
}

/** Thrown when a workbook cannot be read at all (missing sheet or required column). */
export class FieldExportError extends Error {
  override readonly name = 'FieldExportError';
  constructor(
    readonly place: Partial<CellPlace> & { sheet: string },
    detail: string,
  ) {
    super(`sheet ${place.sheet}${place.row ? `, row ${place.row}` : ''}${place.column ? `, column ${place.column}` : ''}: ${detail}`);
  }
}

export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const canonical = (text: unknown): string => String(text ?? '').toLowerCase().replace(/[\s_\-()]/g, '');

/** Finds a header among accepted spellings; -1 when absent. */
export function findColumn(header: readonly unknown[], names: readonly string[]): number {
  const wanted = names.map(canonical);
  return header.findIndex((cell) => wanted.includes(canonical(cell)));
}

/** An empty cell is "not recorded" (NaN); text that is not a number is an issue. */
export function numberCell(value: unknown, place: CellPlace, issues: SheetIssue[]): number {
  if (value === null || value === undefined || value === '') return NaN;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    // Number() would take `0x1F4` and `Infinity`; a cell must be a plain decimal number.
    const parsed = parseDecimal(value, true);
    if (parsed !== null && Number.isFinite(parsed)) return parsed;
  }
  issues.push({ ...place, message: `expected a number, got ${JSON.stringify(value)}` });
  return NaN;
}
