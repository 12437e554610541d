/**
 * Orientation, once: detectors work on "goodness", where higher is always better (a time
 * is negated, a distance kept), and turn goodness back into a mark to print it.
 */
import type { EventColumns } from './types';

export function goodnessOf(columns: EventColumns): Float64Array {
  const sign = columns.direction === 'lower' ? -1 : 1;
  const out = new Float64Array(columns.mark.length);
  for (let i = 0; i < out.length; i++) out[i] = sign * columns.mark[i];
  return out;
}

export function markFromGoodness(columns: EventColumns, goodness: number): number {
  return columns.direction === 'lower' ? -goodness : goodness;
}

/** A mark as an athlete reads it: "10.49 s", "1:45.32", "2:03:59", "8.95 m", "8732 pts". */
export function formatMark(columns: EventColumns, mark: number): string {
  if (!Number.isFinite(mark)) return String(mark);
  if (columns.direction === 'higher') {
    return /athlon/i.test(columns.event) ? `${Math.round(mark)} pts` : `${mark.toFixed(2)} m`;
  }
  if (mark < 60) return `${mark.toFixed(2)} s`;
  const hours = Math.floor(mark / 3600);
  const minutes = Math.floor((mark % 3600) / 60);
  const seconds = mark - hours * 3600 - minutes * 60;
  const secondsText = mark >= 3600 ? Math.round(seconds).toString().padStart(2, '0') : seconds.toFixed(2).padStart(5, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${secondsText}` : `${minutes}:${secondsText}`;
}

/** A difference in goodness as the sport says it: "0.45 s faster", "0.30 m further". */
export function formatMargin(columns: EventColumns, goodnessDifference: number): string {
  const size = Math.abs(goodnessDifference);
  const unit = columns.direction === 'lower' ? 's' : /athlon/i.test(columns.event) ? 'pts' : 'm';
  const better = columns.direction === 'lower' ? 'faster' : 'further';
  const worse = columns.direction === 'lower' ? 'slower' : 'shorter';
  return `${size.toFixed(2)} ${unit} ${goodnessDifference >= 0 ? better : worse}`;
}

export function validateColumns(columns: EventColumns): void {
  const n = columns.mark.length;
  if (columns.direction !== 'lower' && columns.direction !== 'higher') {
    throw new Error(`invalid direction: ${String(columns.direction)} (expected 'lower' or 'higher')`);
  }
  const lengths: Record<string, number> = {
    athlete: columns.athlete.length, season: columns.season.length, dayNumber: columns.dayNumber.length,
    age: columns.age.length, wind: columns.wind.length,
  };
  for (const [name, length] of Object.entries(lengths)) {
    if (length !== n) throw new Error(`invalid columns for ${columns.event}: ${name} has ${length} values, mark has ${n}`);
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(columns.mark[i])) throw new Error(`invalid mark at row ${i} of ${columns.event}: ${columns.mark[i]}`);
  }
}
