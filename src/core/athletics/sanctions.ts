/**
 * A list of sanctioned athletes as people publish it (the Wikipedia "List of doping
 * cases in athletics" is the model): Name, Country as an English name, a loose Event
 * ("Sprinting"), the Date of violation as a year written in many ways (`2009`,
 * `2001.0`, `20122015` for two cases run together, `1973–1985`, `1980's`,
 * `2004 (Sample retested 2012)`), the substance and the Sanction in words ("2 years",
 * "Life ban", "2 years and 6 months").
 */
import { headerKey } from './columns.ts';
import { countryCodesOf } from './countries.ts';

export interface SanctionRecord {
  /** Row in the source list (0-based, header excluded). */
  row: number;
  name: string;
  country: string;
  /** IOC codes recognised in `country` (several for `Soviet Union Ukraine`). */
  countryCodes: string[];
  event: string;
  /** Birth date `YYYY-MM-DD` when the list has one. */
  dob: string | null;
  /** Violation years, sorted, without repeats; empty when the list gives none. */
  violationYears: number[];
  substance: string;
  sanction: string;
  /** Ban in years; Infinity for a life ban, 0 for a warning; null when not stated. */
  banYears: number | null;
}

/**
 * The years in a "Date of violation" cell. Runs of 8 or 12 digits are years written
 * together; a decade (`1980's`, `1980s`) is every year of it; a range (`1973–1985`) is
 * its two ends; what is in parentheses (a retest date) is not a violation year.
 */
export function parseViolationYears(text: string | number | null | undefined): number[] {
  if (text === null || text === undefined) return [];
  const cleaned = String(text)
    .replace(/[({][^)}]*[)}]?/g, ' ')
    .replace(/(\d{4})\.0\b/g, '$1');
  const years = new Set<number>();
  for (const decade of cleaned.matchAll(/\b(1[89]\d|20\d)0'?s\b/g)) {
    const start = Number(decade[1]) * 10;
    for (let year = start; year < start + 10; year++) years.add(year);
  }
  const withoutDecades = cleaned.replace(/\b(1[89]\d|20\d)0'?s\b/g, ' ');
  for (const run of withoutDecades.matchAll(/\d+/g)) {
    const digits = run[0];
    if (digits.length % 4 !== 0) continue;
    for (let i = 0; i < digits.length; i += 4) {
      const year = Number(digits.slice(i, i + 4));
      if (year >= 1900 && year <= 2099) years.add(year);
    }
  }
  return [...years].sort((a, b) => a - b);
}

/**
 * The length of a ban in years. Several sanctions in one cell (`2 years8 years`,
 * `2 years Life ban`) give the longest; `2 years and 6 months` is one ban of 2.5.
 */
export function parseBanYears(text: string | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const cleaned = text.replace(/\([^)]*\)?/g, ' ').toLowerCase();
  if (/life/.test(cleaned)) return Infinity;
  let longest: number | null = null;
  const consider = (years: number): void => {
    longest = longest === null ? years : Math.max(longest, years);
  };
  const rest = cleaned.replace(/(\d+)\s*years?\s*(?:and\s*)?(\d+)\s*months?/g, (_, y: string, m: string) => {
    consider(Number(y) + Number(m) / 12);
    return ' ';
  });
  for (const match of rest.matchAll(/(\d+(?:\.\d+)?)\s*(years?|months?|weeks?)/g)) {
    const amount = Number(match[1]);
    consider(match[2].startsWith('year') ? amount : match[2].startsWith('month') ? amount / 12 : amount / 52);
  }
  if (longest === null && /warning|reprimand|disqualif/.test(cleaned)) return 0;
  return longest;
}

type Cell = string | number | null | undefined;

const sanctionColumns = {
  name: ['name', 'athlete', 'competitor', 'athlete_name'],
  country: ['country', 'nationality', 'nat', 'nation', 'noc'],
  event: ['event', 'discipline', 'sport'],
  dob: ['dob', 'birth_date', 'date_of_birth', 'born'],
  date: ['date_of_violation', 'year', 'date', 'violation_year', 'season'],
  substance: ['banned_substance_s_anti_doping_rule_violation', 'substance', 'banned_substance', 'violation', 'reason'],
  sanction: ['sanction', 'ban', 'penalty', 'suspension'],
} as const;

export interface SanctionList {
  records: SanctionRecord[];
  /** Rows left out, and why: "row 12: no name". */
  problems: string[];
}

const text = (cell: Cell): string => (cell === null || cell === undefined ? '' : String(cell).trim());

/** Read a sanctions table given as row objects keyed by the file's headers. */
export function readSanctionList(rows: readonly Readonly<Record<string, Cell>>[]): SanctionList {
  const headers = rows.length > 0 ? Object.keys(rows[0]) : [];
  const byKey = new Map(headers.map((header) => [headerKey(header), header]));
  const column = (names: readonly string[]): string | null =>
    names.map((name) => byKey.get(name)).find((header) => header !== undefined) ?? null;
  const nameColumn = column(sanctionColumns.name);
  if (rows.length > 0 && nameColumn === null) {
    throw new Error(`sanctions list: no name column (expected one of ${sanctionColumns.name.join(', ')}; found ${headers.join(', ')})`);
  }
  const countryColumn = column(sanctionColumns.country);
  const eventColumn = column(sanctionColumns.event);
  const dobColumn = column(sanctionColumns.dob);
  const dateColumn = column(sanctionColumns.date);
  const substanceColumn = column(sanctionColumns.substance);
  const sanctionColumn = column(sanctionColumns.sanction);
  const get = (row: Readonly<Record<string, Cell>>, header: string | null): string =>
    header === null ? '' : text(row[header]);
  const records: SanctionRecord[] = [];
  const problems: string[] = [];
  rows.forEach((row, index) => {
    const name = get(row, nameColumn);
    if (name === '') {
      problems.push(`row ${index + 1}: no name`);
      return;
    }
    const dob = get(row, dobColumn);
    const country = get(row, countryColumn);
    const sanction = get(row, sanctionColumn);
    records.push({
      row: index,
      name,
      country,
      countryCodes: countryCodesOf(country),
      event: get(row, eventColumn),
      dob: /^\d{4}-\d{2}-\d{2}/.test(dob) ? dob.slice(0, 10) : null,
      violationYears: parseViolationYears(get(row, dateColumn)),
      substance: get(row, substanceColumn),
      sanction,
      banYears: parseBanYears(sanction),
    });
  });
  return { records, problems };
}
