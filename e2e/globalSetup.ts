import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import * as XLSX from 'xlsx';
import { createRandom } from '../src/core/stats/random';
import { serveForTests } from './serveForTests';

export const fixtureDir = join(process.cwd(), '.cache', 'e2e-fixtures');

/**
 * Seeded fixture files for the browser tests: the same small table as CSV, Parquet (written
 * by native DuckDB) and xlsx (SheetJS), plus broken files for the bad-input paths.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  mkdirSync(fixtureDir, { recursive: true });
  const random = createRandom(2026);
  const header = ['athlete', 'event', 'mark', 'date'];
  const rows: (string | number)[][] = [];
  for (let i = 0; i < 1500; i++) {
    rows.push([`Athlete ${random.int(200)}`, random.pick(['100m', '400m', 'Long Jump']), Number((10 + random.next() * 2).toFixed(2)), `2024-0${1 + random.int(9)}-1${random.int(9)}`]);
  }
  const csv = [header.join(','), ...rows.map((row) => row.join(','))].join('\n') + '\n';
  writeFileSync(join(fixtureDir, 'marks.csv'), csv);

  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`COPY (SELECT * FROM read_csv('${join(fixtureDir, 'marks.csv')}')) TO '${join(fixtureDir, 'marks.parquet')}' (FORMAT parquet, ROW_GROUP_SIZE 500)`);
  // Rows enough for a load that can be cancelled half way: it is inserted in runs of 245,760
  // rows (insertRuns.ts), here ten of them, each from several of its row groups.
  await connection.run(`COPY (SELECT i AS id, 'Athlete ' || (i % 997) AS athlete, 10 + (i % 300) / 100.0 AS mark, 'Venue ' || (i % 331) AS venue FROM range(2400000) t(i)) TO '${join(fixtureDir, 'many-row-groups.parquet')}' (FORMAT parquet, ROW_GROUP_SIZE 16000)`);
  connection.closeSync();

  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([header, ...rows]), 'Marks');
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([['note'], ['second sheet']]), 'Notes');
  writeFileSync(join(fixtureDir, 'marks.xlsx'), XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }));

  // Bad input: a CSV whose numeric column breaks on row 1203, a "spreadsheet" that is not one,
  // a JSON-lines file with two broken lines among good ones.
  // DuckDB's sniffer reads the first 20,480 rows, so the bad value sits beyond them (file line 25,001).
  const broken = [header.join(',')];
  for (let i = 0; i < 30000; i++) {
    const row = rows[i % rows.length];
    broken.push((i === 24999 ? [row[0], row[1], 'fast', row[3]] : row).join(','));
  }
  writeFileSync(join(fixtureDir, 'broken-mark.csv'), broken.join('\n') + '\n');
  writeFileSync(join(fixtureDir, 'not-a-workbook.xlsx'), 'this is plain text, not a zip archive');
  writeFileSync(join(fixtureDir, 'lines.jsonl'), ['{"a":1,"b":"x"}', '{"a":2,', '{"a":3,"b":"z"}', 'nope', '{"a":4}'].join('\n') + '\n');
  writeFileSync(join(fixtureDir, 'notes.docx'), 'not a data file');
  return serveForTests();
}
