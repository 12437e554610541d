import type { RowNumbering } from './decoder.api';

/**
 * The row of the file, as the user sees it there (a spreadsheet's row, a JSON line's
 * number), of the table row at `index` (0-based, DuckDB's rowid order): the first data row
 * plus the index, stepping over every row the table does not hold.
 */
export function fileRowOf(numbering: RowNumbering, index: number): number {
  let row = numbering.firstDataRow + index;
  for (const missing of numbering.missing) {
    if (missing > row) break;
    row++;
  }
  return row;
}
