import { tableToIPC, type Table, type Vector } from 'apache-arrow';
import { boolColumn, float64Column, tableOfColumns, utf8Column } from './arrowColumns';

/** A cell as it comes out of a spreadsheet, a JSON line or a FIT message. */
export type Cell = string | number | boolean | Date | null | undefined | object;

type ColumnKind = 'number' | 'boolean' | 'text';

function kindOf(values: readonly Cell[]): ColumnKind {
  let kind: ColumnKind | null = null;
  for (const value of values) {
    if (value === null || value === undefined || value === '') continue;
    const current: ColumnKind = typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'text';
    if (kind === null) kind = current;
    else if (kind !== current) return 'text';
  }
  return kind ?? 'text';
}

function asText(value: Cell): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Columns of loosely typed cells to an Arrow table: a column whose every non-empty cell is
 * a number becomes DOUBLE, all booleans BOOLEAN, anything else (dates as ISO text, nested
 * values as JSON text) VARCHAR, so DuckDB can cast further in SQL.
 */
export function columnsToArrowTable(columns: Record<string, readonly Cell[]>): Table {
  const vectors: Record<string, Vector> = {};
  for (const [name, values] of Object.entries(columns)) {
    const kind = kindOf(values);
    if (kind === 'number') vectors[name] = float64Column(values.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null)));
    else if (kind === 'boolean') vectors[name] = boolColumn(values.map((v) => (typeof v === 'boolean' ? v : null)));
    else vectors[name] = utf8Column(values.map(asText));
  }
  return tableOfColumns(vectors);
}

/** Rows (first row = header) to columns; duplicate or empty header names get a suffix. */
export function rowsToColumns(rows: readonly (readonly Cell[])[]): Record<string, Cell[]> {
  const header = rows[0] ?? [];
  const width = rows.reduce((max, row) => Math.max(max, row.length), header.length);
  const names: string[] = [];
  for (let c = 0; c < width; c++) {
    const base = asText(header[c] ?? null)?.trim() || `column${c + 1}`;
    let name = base;
    for (let k = 2; names.includes(name); k++) name = `${base}_${k}`;
    names.push(name);
  }
  const columns: Record<string, Cell[]> = {};
  names.forEach((name, c) => {
    const values: Cell[] = new Array(rows.length - 1);
    for (let r = 1; r < rows.length; r++) values[r - 1] = rows[r][c] ?? null;
    columns[name] = values;
  });
  return columns;
}

/** Arrow IPC stream bytes of a table, as DuckDB's insertArrowFromIPCStream wants them. */
export function arrowToIpc(table: Table): Uint8Array {
  return tableToIPC(table, 'stream');
}

