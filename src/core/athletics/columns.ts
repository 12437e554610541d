/**
 * Result-file columns recognised by their usual names. A file from World Athletics, a
 * federation's CSV export or a hand-made spreadsheet names the same things differently
 * (`competitor`, `Athlete`, `Name`; `mark`, `Result`, `Time`); the loader needs to know
 * which column is which before it can parse a mark. What is not recognised is left to the
 * analyst's mapping dialog, and the mapping is remembered for files of the same shape.
 */

export type ResultField =
  | 'athlete' | 'dob' | 'nationality' | 'event' | 'sex' | 'mark' | 'markNumeric'
  | 'date' | 'wind' | 'venue' | 'competition' | 'position' | 'season' | 'age' | 'rank';

/** Without these a file cannot be analysed. */
export const requiredResultFields: readonly ResultField[] = ['athlete', 'event', 'mark', 'date'];

/**
 * Without these a file loads, but its events cannot be told apart (the implement, and the
 * group, depend on the sex): the analyst is asked for a column or one value for the file.
 */
export const askedResultFields: readonly ResultField[] = ['sex'];

/**
 * Fields a whole file can share one value of, when it has no column for them: a men's list
 * (sex), one event's results (event), one meeting's (date, venue, competition), a national
 * list (nationality). Athlete and mark are never the same for every row.
 */
export const fixableResultFields = ['sex', 'event', 'date', 'nationality', 'venue', 'competition'] as const;
export type FixableResultField = (typeof fixableResultFields)[number];
/** One value for every row of a file, per field it has no column for. */
export type FixedValues = Partial<Record<FixableResultField, string>>;

/**
 * Names per field, most specific first: where a file has both `discipline` and
 * `normalized_discipline`, the first one in this list wins the field.
 * Names are compared after headerKey (lower case, no accents, `_` for anything else).
 */
export const resultFieldNames: Readonly<Record<ResultField, readonly string[]>> = {
  athlete: ['athlete', 'competitor', 'athlete_name', 'name', 'full_name', 'competitor_name', 'person'],
  dob: ['dob', 'birth_date', 'date_of_birth', 'birthdate', 'born', 'birthday', 'birth'],
  nationality: ['nationality', 'nat', 'country', 'noc', 'nation', 'country_code', 'team', 'federation'],
  event: ['event', 'discipline', 'normalized_discipline', 'event_name', 'discipline_name'],
  sex: ['sex', 'gender', 'sex_code'],
  mark: ['mark', 'result', 'performance', 'time', 'mark_text', 'result_text', 'perf'],
  markNumeric: ['mark_numeric', 'numeric_mark', 'mark_value', 'result_numeric', 'value', 'seconds', 'metres'],
  date: ['date', 'competition_date', 'event_date', 'result_date', 'day'],
  wind: ['wind', 'wind_speed', 'wind_m_s', 'w'],
  venue: ['venue', 'location', 'place_name', 'city', 'stadium'],
  competition: ['competition', 'meeting', 'meet', 'competition_name', 'event_title'],
  position: ['position', 'place', 'pos', 'pl', 'finish'],
  season: ['season', 'year'],
  age: ['age', 'age_at_event', 'age_years'],
  rank: ['rank', 'list_rank', 'ranking'],
};

/** The form headers are compared in: `Date of Birth` → `date_of_birth`. */
export function headerKey(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

export interface ColumnRecognition {
  /** Our field → the file's column name, as written in the file. */
  mapping: Partial<Record<ResultField, string>>;
  /** Required fields no column was found for. */
  missingRequired: ResultField[];
  /** The file's columns that no field took. */
  unmapped: string[];
}

/**
 * Recognise columns by name. Each column serves one field at most; fields are filled in
 * the order of their name lists' specificity, so `date` does not swallow `date_of_birth`.
 */
export function recogniseColumns(headers: readonly string[]): ColumnRecognition {
  const keys = headers.map(headerKey);
  const seen = new Set<string>();
  keys.forEach((key, i) => {
    if (key !== '' && seen.has(key)) throw new Error(`duplicate column: ${JSON.stringify(headers[i])}`);
    seen.add(key);
  });
  const taken = new Set<number>();
  const mapping: Partial<Record<ResultField, string>> = {};
  // Rank of a name within its list decides ties between fields: an exact, early name
  // (`dob` for dob) beats a late, generic one (`name` is last for athlete).
  const candidates: { field: ResultField; column: number; rank: number }[] = [];
  for (const field of Object.keys(resultFieldNames) as ResultField[]) {
    resultFieldNames[field].forEach((name, rank) => {
      const column = keys.indexOf(name);
      if (column >= 0) candidates.push({ field, column, rank });
    });
  }
  candidates.sort((a, b) => a.rank - b.rank || a.column - b.column);
  for (const { field, column } of candidates) {
    if (mapping[field] !== undefined || taken.has(column)) continue;
    mapping[field] = headers[column];
    taken.add(column);
  }
  return {
    mapping,
    missingRequired: requiredResultFields.filter((field) => mapping[field] === undefined),
    unmapped: headers.filter((_, i) => !taken.has(i)),
  };
}

/**
 * A short key for the shape of a header list: the same columns in any order and any
 * spelling of case or accents give the same key, so a mapping the analyst confirmed
 * once is offered again for the next file of that shape. FNV-1a over the sorted keys.
 */
export function headerShapeSignature(headers: readonly string[]): string {
  const keys = headers.map(headerKey).sort();
  let hash = 0x811c9dc5;
  for (const key of keys) {
    for (let i = 0; i < key.length; i++) {
      hash ^= key.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    hash ^= 0x1f; // a separator, so ['ab','c'] and ['a','bc'] differ
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `cols${keys.length}-${hash.toString(16).padStart(8, '0')}`;
}
