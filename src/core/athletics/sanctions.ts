/**
 * A list of sanctioned athletes as people publish it (the Wikipedia "List of doping
 * cases in athletics" is the model): Name, Country as an English name, a loose Event
 * ("Sprinting"), the Date of violation as a year written in many ways (`2009`,
 * `2001.0`, `20122015` for two cases run together, `1973–1985`, `1980's`,
 * `2004 (Sample retested 2012)`), the substance and the Sanction in words ("2 years",
 * "Life ban", "2 years and 6 months"). Other lists date a case by the sanction or the
 * ban's start (`2019-05-12`, `12/05/2019`, an Excel serial day), give the ban's end, or
 * cover every sport (sanctionColumns.ts, sports.ts).
 */
import { countryCodesOf } from './countries.ts';
import { recogniseSanctionColumns, sanctionFieldNames, type SanctionColumns, type SanctionField } from './sanctionColumns.ts';
import { isAthletics } from './sports.ts';

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

/**
 * The years in a date cell: what parseViolationYears reads, and an Excel serial day
 * (`43597` is 2019-05-12) as a spreadsheet's date column holds it.
 */
export function parseSanctionYears(text: string | number | null | undefined): number[] {
  const cell = text === null || text === undefined ? '' : String(text).trim();
  if (/^\d{5}(?:\.\d+)?$/.test(cell) && Number(cell) >= 10_000 && Number(cell) < 80_000) {
    return [new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(cell)) * 86_400_000).getUTCFullYear()];
  }
  return parseViolationYears(cell);
}

export interface SanctionListOptions {
  /** Keep only rows whose sport is athletics, when the list has a sport column (default true). */
  athleticsOnly?: boolean;
}

export interface SanctionList {
  records: SanctionRecord[];
  /** Rows left out, and why: "row 12: no name". */
  problems: string[];
  /** The columns read, our field → the list's header. */
  columns: SanctionColumns;
  /** Rows of other sports, by sport, when the list has a sport column: left out when only athletics is kept. */
  otherSports: { rows: number; bySport: Record<string, number> } | null;
}

const text = (cell: Cell): string => (cell === null || cell === undefined ? '' : String(cell).trim());

/** Read a sanctions table given as row objects keyed by the file's headers. */
export function readSanctionList(rows: readonly Readonly<Record<string, Cell>>[], options: SanctionListOptions = {}): SanctionList {
  const headers = rows.length > 0 ? Object.keys(rows[0]) : [];
  const columns = recogniseSanctionColumns(headers);
  if (rows.length > 0 && columns.name === undefined) {
    throw new Error(`sanctions list: no name column (expected one of ${sanctionFieldNames.name.join(', ')}; found ${headers.join(', ')})`);
  }
  const get = (row: Readonly<Record<string, Cell>>, field: SanctionField): string => (columns[field] === undefined ? '' : text(row[columns[field]!]));
  const athleticsOnly = options.athleticsOnly ?? true;
  const otherSports = columns.sport !== undefined ? { rows: 0, bySport: {} as Record<string, number> } : null;
  const records: SanctionRecord[] = [];
  const problems: string[] = [];
  rows.forEach((row, index) => {
    if (otherSports && isAthletics(get(row, 'sport')) === false) {
      const sport = get(row, 'sport');
      otherSports.rows++;
      otherSports.bySport[sport] = (otherSports.bySport[sport] ?? 0) + 1;
      if (athleticsOnly) return;
    }
    const name = get(row, 'name');
    if (name === '') {
      problems.push(`row ${index + 1}: no name`);
      return;
    }
    const dob = get(row, 'dob');
    const country = get(row, 'country');
    const sanction = get(row, 'sanction');
    const violationYears = parseSanctionYears(columns.date === undefined ? null : row[columns.date]);
    let banYears = parseBanYears(sanction);
    // A ban's end (and its start, or the violation) says how long it was when the words do not.
    const end = parseSanctionYears(columns.banEnd === undefined ? null : row[columns.banEnd]);
    if (banYears === null && end.length > 0 && violationYears.length > 0) banYears = Math.max(0, Math.max(...end) - Math.max(...violationYears));
    records.push({
      row: index,
      name,
      country,
      countryCodes: countryCodesOf(country),
      event: get(row, 'event'),
      dob: /^\d{4}-\d{2}-\d{2}/.test(dob) ? dob.slice(0, 10) : null,
      violationYears,
      substance: get(row, 'substance'),
      sanction,
      banYears,
    });
  });
  return { records, problems, columns, otherSports };
}
