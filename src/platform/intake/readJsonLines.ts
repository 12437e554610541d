import { DataError } from '../dataError';
import type { Cell } from './columnsToArrow';
import type { RowNumbering } from './decoder.api';

export interface JsonLinesResult {
  columns: Record<string, Cell[]>;
  rows: number;
  /** Broken lines: kept out, counted, and the first few named so the user can find them. */
  brokenLines: { line: number; reason: string }[];
  brokenCount: number;
  /** Each record's line (JSON lines) or place in the list (a JSON document). */
  numbering: RowNumbering;
}

const namedBrokenLines = 20;

/**
 * JSON lines (or a JSON array of objects) to columns: keys become columns in first-seen
 * order, nested values stay as JSON text. A broken line is skipped and reported by number,
 * never the end of the load (the JSON extension of DuckDB is not used: it would download).
 */
export function readJsonRecords(text: string, fileName: string, wholeDocument: boolean): JsonLinesResult {
  const records: Record<string, unknown>[] = [];
  const places: number[] = [];
  const brokenLines: { line: number; reason: string }[] = [];
  let brokenCount = 0;
  const broken = (line: number, reason: string) => {
    brokenCount++;
    if (brokenLines.length < namedBrokenLines) brokenLines.push({ line, reason });
  };
  if (wholeDocument) {
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      throw new DataError(`"${fileName}" is not valid JSON: ${(error as Error).message}`, { file: fileName });
    }
    const list = Array.isArray(document) ? document : firstArrayIn(document);
    if (!list) throw new DataError(`"${fileName}" holds no list of records`, { file: fileName, expected: 'an array of objects' });
    list.forEach((item, index) => {
      if (!isRecord(item)) return broken(index + 1, 'not an object');
      records.push(item);
      places.push(index + 1);
    });
  } else {
    const lines = text.split(/\r?\n/);
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      try {
        const value: unknown = JSON.parse(line);
        if (!isRecord(value)) return broken(index + 1, 'not a JSON object');
        records.push(value);
        places.push(index + 1);
      } catch (error) {
        broken(index + 1, `not JSON: ${(error as Error).message}`);
      }
    });
  }
  const columns: Record<string, Cell[]> = {};
  records.forEach((record, row) => {
    for (const [key, value] of Object.entries(record)) {
      if (!(key in columns)) columns[key] = new Array<Cell>(records.length).fill(null);
      columns[key][row] = value as Cell;
    }
  });
  const missing: number[] = [];
  for (let i = 1; i < places.length; i++) for (let n = places[i - 1] + 1; n < places[i]; n++) missing.push(n);
  return { columns, rows: records.length, brokenLines, brokenCount, numbering: { firstDataRow: places[0] ?? 1, missing } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A JSON document like `{ "laps": [...] }`: the first array of objects found at the top level.
 * The stats.nba.com layout (`resultSets: [{ headers, rowSet }]`) becomes its first result set's rows.
 */
function firstArrayIn(document: unknown): unknown[] | null {
  if (!isRecord(document)) return null;
  const resultSets = document.resultSets ?? document.resultSet;
  const first: unknown = Array.isArray(resultSets) ? resultSets[0] : resultSets;
  if (isRecord(first) && Array.isArray(first.headers) && Array.isArray(first.rowSet)) {
    const headers = first.headers.map(String);
    return first.rowSet.map((row) => Object.fromEntries(headers.map((header, i) => [header, Array.isArray(row) ? row[i] : null])));
  }
  for (const value of Object.values(document)) if (Array.isArray(value) && value.length > 0 && value.every(isRecord)) return value;
  return [document];
}
