import { DataError } from '../dataError';
import type { Cell } from './columnsToArrow';
import { decodeFitFile } from './fitFile';

/**
 * A head unit's FIT file to columns of its record messages, one row a sample. Timestamps
 * become ISO text; the developer fields are left out.
 */
export function readFitRecords(bytes: ArrayBuffer, fileName: string): Record<string, Cell[]> {
  const records = decodeFitFile(bytes, fileName).messages.recordMesgs ?? [];
  if (records.length === 0) throw new DataError(`"${fileName}" has no samples (record messages)`, { file: fileName });
  const columns: Record<string, Cell[]> = {};
  records.forEach((record, row) => {
    for (const [key, value] of Object.entries(record)) {
      if (typeof value === 'object' && value !== null && !(value instanceof Date)) continue;
      if (!(key in columns)) columns[key] = new Array<Cell>(records.length).fill(null);
      columns[key][row] = value as Cell;
    }
  });
  return columns;
}
