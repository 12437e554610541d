/**
 * Runs in a compute worker: a table of flagged performances as CSV (RFC 4180 quoting) or
 * as an xlsx workbook written by SheetJS, returned as bytes for the UI to save.
 */
import { utils, write } from 'xlsx';

export type ExportCell = string | number | null;

export interface ExportInput {
  format: 'csv' | 'xlsx';
  header: string[];
  rows: ExportCell[][];
}

const csvCell = (cell: ExportCell): string => {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? (Number.isFinite(cell) ? String(cell) : '') : cell;
  // A leading = + - @ would run as a formula when the CSV is opened in a spreadsheet.
  const safe = /^[=+\-@]/.test(text) && typeof cell === 'string' ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function exportTable(input: ExportInput): Uint8Array {
  if (input.format === 'csv') {
    const lines = [input.header, ...input.rows].map((row) => row.map(csvCell).join(','));
    return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
  }
  const workbook = utils.book_new();
  utils.book_append_sheet(workbook, utils.aoa_to_sheet([input.header, ...input.rows]), 'Flagged performances');
  return new Uint8Array(write(workbook, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}
