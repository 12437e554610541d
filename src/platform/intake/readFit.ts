import { Decoder, Stream } from '@garmin/fitsdk';
import { DataError } from '../dataError';
import type { Cell } from './columnsToArrow';

/**
 * A head unit's FIT file (Garmin's own FIT SDK) to columns of its record messages, one row
 * a sample. Timestamps become ISO text; the developer fields are left out.
 */
export function readFitRecords(bytes: ArrayBuffer, fileName: string): Record<string, Cell[]> {
  const stream = Stream.fromArrayBuffer(bytes);
  if (!Decoder.isFIT(stream)) throw new DataError(`"${fileName}" is not a FIT file`, { file: fileName, expected: 'a .fit activity' });
  const decoder = new Decoder(stream);
  const { messages, errors } = decoder.read({ convertDateTimesToDates: true, includeUnknownData: false });
  const records = (messages.recordMesgs ?? []) as Record<string, unknown>[];
  if (records.length === 0) {
    const reason = errors.length > 0 ? `: ${String(errors[0])}` : '';
    throw new DataError(`"${fileName}" has no samples (record messages)${reason}`, { file: fileName });
  }
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
