/**
 * One file's result rows, as text, to the typed columns of the `performances` table
 * (resultsSql.ts): marks parsed as published, events named and oriented, wind read and
 * wind-aided marks flagged, athletes keyed by their normalised name. Excluded marks (DNF,
 * DNS…) stay as rows with no mark, counted; an event we do not know is named, not guessed.
 */
import { describeEvent, type EventInfo } from './events';
import { MarkFlag, parseMarkColumn, type MarkExclusion } from './marks';
import { normaliseName } from './names';
import { isWindAided, parseWindColumn } from './wind';

type Text = string | null | undefined;

export interface ResultTextColumns {
  athlete: ArrayLike<Text>;
  event: ArrayLike<Text>;
  mark: ArrayLike<Text>;
  wind?: ArrayLike<Text>;
}

export interface NormalisedResults {
  rows: number;
  athleteKey: string[];
  /** Our event name (`100-metres`), null where the event is not recognised. */
  event: (string | null)[];
  direction: ('lower' | 'higher' | null)[];
  /** NaN where the mark was excluded or the event unknown. */
  mark: Float64Array;
  markFlags: Uint8Array;
  wind: Float64Array;
  excluded: Record<MarkExclusion, number>;
  /** First rows (0-based) whose mark text could not be read. */
  invalidRows: number[];
  /** Unrecognised event names with their row counts. */
  unknownEvents: Record<string, number>;
}

export function normaliseResultColumns(columns: ResultTextColumns): NormalisedResults {
  const rows = columns.athlete.length;
  for (const [name, column] of Object.entries(columns)) {
    if (column && column.length !== rows) throw new Error(`invalid column ${name}: ${column.length} values for ${rows} rows`);
  }
  const marks = parseMarkColumn(columns.mark);
  const wind = columns.wind ? parseWindColumn(columns.wind) : new Float64Array(rows).fill(NaN);
  const mark = marks.value.slice();
  const markFlags = marks.flags.slice();
  const athleteKey: string[] = new Array(rows);
  const event: (string | null)[] = new Array(rows);
  const direction: ('lower' | 'higher' | null)[] = new Array(rows);
  const unknownEvents: Record<string, number> = {};
  const known = new Map<string, EventInfo | null>();
  const keys = new Map<string, string>();
  for (let i = 0; i < rows; i++) {
    // An athlete's name comes back once per result: normalise each spelling once.
    const athlete = columns.athlete[i] ?? '';
    let key = keys.get(athlete);
    if (key === undefined) keys.set(athlete, (key = normaliseName(athlete)));
    athleteKey[i] = key;
    const raw = (columns.event[i] ?? '').trim();
    let info = known.get(raw);
    if (info === undefined) {
      info = raw ? describeEvent(raw) : null;
      known.set(raw, info);
    }
    event[i] = info?.name ?? null;
    direction[i] = info?.direction ?? null;
    if (!info) {
      unknownEvents[raw || '(blank)'] = (unknownEvents[raw || '(blank)'] ?? 0) + 1;
      mark[i] = NaN;
    } else if (isWindAided(wind[i], info)) {
      markFlags[i] |= MarkFlag.windAided;
    }
  }
  return { rows, athleteKey, event, direction, mark, markFlags, wind, excluded: marks.excluded, invalidRows: marks.invalidRows, unknownEvents };
}
