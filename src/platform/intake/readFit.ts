import { DataError } from '../dataError';
import type { Cell } from './columnsToArrow';
import { decodeFitFile } from './fitFile';

/**
 * A head unit's FIT file to columns of its record messages, one row a sample, through the
 * app's one FIT decoder (fitFile.ts: a wrong checksum is refused). Timestamps become ISO
 * text; the developer fields are left out. A file cut short keeps the samples read before
 * the cut, and says so.
 */
export function readFitRecords(bytes: ArrayBuffer, fileName: string): { columns: Record<string, Cell[]>; warnings: string[] } {
  const { messages, truncated } = decodeFitFile(bytes, fileName);
  const records = messages.recordMesgs ?? [];
  if (records.length === 0) {
    throw new DataError(`"${fileName}" has no samples (record messages)`, { file: fileName, expected: 'a FIT activity with record messages', advice: 'Export the activity again from the device or its app' });
  }
  const warnings: string[] = [];
  if (truncated) {
    warnings.push(
      `"${fileName}" is cut short (${truncated.bytes.toLocaleString('en')} of the ${truncated.announced.toLocaleString('en')} bytes its header announces); the ${records.length.toLocaleString('en')} samples before the cut are loaded, any after it are missing`,
    );
  }
  const columns: Record<string, Cell[]> = {};
  records.forEach((record, row) => {
    for (const [key, value] of Object.entries(record)) {
      if (typeof value === 'object' && value !== null && !(value instanceof Date)) continue;
      if (!(key in columns)) columns[key] = new Array<Cell>(records.length).fill(null);
      columns[key][row] = value as Cell;
    }
  });
  return { columns, warnings };
}
