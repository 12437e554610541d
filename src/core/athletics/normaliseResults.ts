/**
 * One file's result rows, as text, to the typed columns of the `performances` table
 * (resultsSql.ts): marks parsed as published, sexes read, events named with their implement
 * (which needs the sex: a 4 kg shot is the senior women's) and oriented, wind read and
 * wind-aided marks flagged, athletes keyed by their normalised name. Excluded marks (DNF,
 * DNS…) stay as rows with no mark, counted; an event we do not know is named, not guessed.
 */
import { describeEvent, type EventInfo } from './events';
import { MarkFlag, parseMarkColumn, type MarkExclusion } from './marks';
import { normaliseName } from './names';
import { normaliseSex } from './sex';
import { isWindAided, parseWindColumn } from './wind';

type Text = string | null | undefined;

export interface ResultTextColumns {
  athlete: ArrayLike<Text>;
  event: ArrayLike<Text>;
  mark: ArrayLike<Text>;
  wind?: ArrayLike<Text>;
  /** As the file writes it (`M`, `Women`…); without it every row's sex is `unknown`. */
  sex?: ArrayLike<Text>;
}

export interface NormalisedResults {
  rows: number;
  athleteKey: string[];
  /** `male`, `female`, `unknown` or the file's own word (normaliseSex). */
  sex: string[];
  /** Our event name (`100-metres`, `shot-put-6kg`), null where the event is not recognised. */
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
  const sex: string[] = new Array(rows);
  const event: (string | null)[] = new Array(rows);
  const direction: ('lower' | 'higher' | null)[] = new Array(rows);
  const unknownEvents: Record<string, number> = {};
  const known = new Map<string, EventInfo | null>();
  const names = new Map<string, string>();
  for (let i = 0; i < rows; i++) {
    // An athlete's name comes back once per result: normalise each spelling once.
    const athlete = columns.athlete[i] ?? '';
    let athleteName = names.get(athlete);
    if (athleteName === undefined) names.set(athlete, (athleteName = normaliseName(athlete)));
    athleteKey[i] = athleteName;
    sex[i] = normaliseSex(columns.sex?.[i]);
    const raw = (columns.event[i] ?? '').trim();
    const key = `${sex[i]}|${raw}`;
    let info = known.get(key);
    if (info === undefined) {
      info = raw ? describeEvent(raw, sex[i]) : null;
      known.set(key, info);
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
  return { rows, athleteKey, sex, event, direction, mark, markFlags, wind, excluded: marks.excluded, invalidRows: marks.invalidRows, unknownEvents };
}
