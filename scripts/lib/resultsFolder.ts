/**
 * The Results files of a data folder, found by their columns rather than their names, so the
 * real-data checks run on any folder: a file whose columns are those of a results file
 * (an athlete, an event, a mark, a date: recogniseColumns) is results; one whose columns are
 * those of a sanctions list (a name, a date or a sanction, no mark: looksLikeSanctionsList)
 * is a sanctions list. A results file is judged against the sanctions lists of its own
 * folder (athletics/ in ../shared/data).
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { recogniseColumns } from '../../src/core/athletics/columns';
import { looksLikeSanctionsList } from '../../src/core/athletics/sanctionColumns';
import { dataFolder } from './dataFolder';

export interface ResultsPair {
  results: string;
  sanctions: string[];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(parquet|csv)$/i.test(name) ? [path] : [];
  });
}

const quoted = (path: string) => `'${path.replaceAll("'", "''")}'`;

/** The headers of a Parquet or CSV file, read by native DuckDB (the CSV sniffed, not read whole). */
export async function headersOf(path: string): Promise<string[]> {
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  try {
    const reader = /\.parquet$/i.test(path) ? `read_parquet(${quoted(path)})` : `read_csv(${quoted(path)}, header = true, all_varchar = true, sample_size = 20)`;
    const rows = (await connection.runAndReadAll(`SELECT column_name FROM (DESCRIBE SELECT * FROM ${reader})`)).getRowObjectsJson();
    return rows.map((r) => String(r.column_name));
  } finally {
    connection.closeSync();
  }
}

/** Every results file of the folder with the sanctions lists beside it; prints a "skipped:" line for what is missing. */
export async function resultsFiles(folder = dataFolder()): Promise<ResultsPair[]> {
  const results: string[] = [], sanctions: string[] = [];
  for (const path of filesUnder(folder)) {
    const headers = await headersOf(path).catch(() => [] as string[]);
    if (recogniseColumns(headers).missingRequired.length === 0) results.push(path);
    else if (looksLikeSanctionsList(headers)) sanctions.push(path);
  }
  if (results.length === 0) console.log(`skipped: no results file (athlete, event, mark and date columns) in ${folder}`);
  const pairs = results.map((path) => ({ results: path, sanctions: sanctions.filter((s) => dirname(s) === dirname(path)) }));
  for (const pair of pairs) {
    if (pair.sanctions.length === 0) console.log(`skipped: no sanctions list (a name and a date or sanction column) beside ${relative(folder, pair.results)}: the detectors run, the evaluation does not`);
  }
  return pairs;
}
