import { Decoder, Stream } from '@garmin/fitsdk';
import { DataError } from '../dataError';
import type { Cell } from './columnsToArrow';

/**
 * A head unit's FIT file (Garmin's own FIT SDK) to columns of its record messages, one row
 * a sample. Timestamps become ISO text; the developer fields are left out. A file cut short
 * or damaged keeps the samples read before the damage, and says so: the SDK stops at the
 * first bad record and its checksum tells a damaged file from a whole one.
 */
export function readFitRecords(bytes: ArrayBuffer, fileName: string): { columns: Record<string, Cell[]>; warnings: string[] } {
  const stream = Stream.fromArrayBuffer(bytes);
  if (!Decoder.isFIT(stream)) throw new DataError(`"${fileName}" is not a FIT file`, { file: fileName, expected: 'a .fit activity from a head unit or watch' });
  const decoder = new Decoder(stream);
  const whole = decoder.checkIntegrity();
  const { messages, errors } = decoder.read({ convertDateTimesToDates: true, includeUnknownData: false });
  const records = (messages.recordMesgs ?? []) as Record<string, unknown>[];
  if (records.length === 0) {
    const reason = errors.length > 0 ? ` (the FIT decoder stopped: ${String((errors[0] as Error)?.message ?? errors[0])})` : '';
    throw new DataError(`"${fileName}" has no samples (record messages)${reason}`, { file: fileName, expected: 'a FIT activity with record messages', advice: 'Export the activity again from the device or its app' });
  }
  const warnings: string[] = [];
  if (!whole || errors.length > 0) {
    const reason = errors.length > 0 ? `the FIT decoder stopped: ${String((errors[0] as Error)?.message ?? errors[0])}` : 'its checksum does not match';
    warnings.push(`"${fileName}" is damaged or cut short (${reason}); the ${records.length.toLocaleString('en')} samples before the damage are loaded, any after it are missing`);
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
