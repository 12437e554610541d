/**
 * Wind readings as printed (`+2.1`, `-0.4`, `2,1`, `NWI` for no wind information) and
 * the rule that matters to a detector: a mark with a following wind over +2.0 m/s
 * in an event where wind counts is wind-aided, so it is not comparable with legal marks.
 */
import { describeEvent, type EventInfo } from './events.ts';

/** The legal limit in m/s; a reading above it (not equal) is wind-aided. */
export const windLimit = 2.0;

/** Wind in m/s, or NaN when the text carries none (blank, `NWI`, unreadable). */
export function parseWind(text: string | null | undefined): number {
  if (text === null || text === undefined) return NaN;
  const trimmed = text.trim().replace(',', '.').replace(/^\+/, '').replace(/\s*m\/s$/i, '');
  if (!/^-?\d+(?:\.\d+)?$/.test(trimmed)) return NaN;
  return Number(trimmed);
}

/** Parse a column of wind readings; NaN where there is none. */
export function parseWindColumn(texts: ArrayLike<string | null | undefined>): Float64Array {
  const wind = new Float64Array(texts.length);
  for (let i = 0; i < texts.length; i++) wind[i] = parseWind(texts[i]);
  return wind;
}

/**
 * Whether a mark was helped by an illegal wind. `event` is a name (any spelling
 * normaliseEventName knows) or an EventInfo; an unknown event or a missing reading is
 * never wind-aided, because nothing says it was.
 */
export function isWindAided(wind: number, event: string | EventInfo): boolean {
  if (!(wind > windLimit)) return false;
  const info = typeof event === 'string' ? describeEvent(event) : event;
  return info !== null && info.windCounts;
}
