/**
 * Write seeded race results as CSV and Parquet, plus a sanctions.csv in the shape of the
 * Wikipedia list:
 *   npx tsx scripts/generate-results.ts --rows 1000000 --out DIR --seed 1
 * The CSV is written batch by batch; native DuckDB then converts it to Parquet and adds
 * `rank` (the toplist rank within discipline and sex, best mark first), which needs all
 * rows and so belongs in SQL rather than in the streaming generator.
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { generateResults } from '../src/core/generate/results.ts';
import { batchToCsv, resultsCsvHeader, sanctionsCsv } from '../src/core/generate/resultsCsv.ts';

function parseArgs(argv: string[]): { rows: number; out: string; seed: number } {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) throw new Error(`invalid argument: ${argv[i]}`);
    args.set(argv[i].slice(2), argv[i + 1]);
  }
  for (const key of args.keys()) if (!['rows', 'out', 'seed'].includes(key)) throw new Error(`unknown option: --${key}`);
  const rows = Number(args.get('rows') ?? 1_000_000);
  const seed = Number(args.get('seed') ?? 1);
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`invalid rows: ${args.get('rows')}`);
  if (!Number.isInteger(seed)) throw new Error(`invalid seed: ${args.get('seed')}`);
  return { rows, seed, out: resolve(args.get('out') ?? 'generated') };
}

const csvTypes: Record<string, string> = {
  mark: 'VARCHAR', wind: 'VARCHAR', competitor: 'VARCHAR', dob: 'DATE', nationality: 'VARCHAR', position: 'VARCHAR',
  venue: 'VARCHAR', date: 'DATE', result_score: 'DOUBLE', discipline: 'VARCHAR', type: 'VARCHAR', sex: 'VARCHAR',
  age_cat: 'VARCHAR', normalized_discipline: 'VARCHAR', track_field: 'VARCHAR', mark_numeric: 'DOUBLE',
  venue_country: 'VARCHAR', age_at_event: 'DOUBLE', season: 'BIGINT', doping_truth: 'TINYINT',
};

async function main(): Promise<void> {
  const { rows, out, seed } = parseArgs(process.argv.slice(2));
  mkdirSync(out, { recursive: true });
  const started = performance.now();
  const generated = generateResults({ rows, seed });
  const csvPath = join(out, 'results.csv');
  const csv = createWriteStream(csvPath);
  csv.write(resultsCsvHeader);
  let written = 0;
  for (const batch of generated.batches()) {
    if (!csv.write(batchToCsv(batch))) await once(csv, 'drain');
    written += batch.length;
  }
  csv.end();
  await once(csv, 'finish');
  const generatedAt = performance.now();

  writeFileSync(join(out, 'sanctions.csv'), sanctionsCsv({ rows, seed }));

  const parquetPath = join(out, 'results.parquet');
  const columns = Object.entries(csvTypes).map(([name, type]) => `'${name}': '${type}'`).join(', ');
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  await connection.run(`COPY (
    SELECT CASE WHEN mark_numeric IS NULL THEN NULL ELSE rank() OVER (
      PARTITION BY discipline, sex ORDER BY CASE WHEN type IN ('jumps', 'throws', 'combined-events')
        THEN -mark_numeric ELSE mark_numeric END) END::BIGINT AS rank, *
    FROM read_csv('${csvPath.replace(/'/g, "''")}', header = true, columns = {${columns}})
  ) TO '${parquetPath.replace(/'/g, "''")}' (FORMAT parquet, ROW_GROUP_SIZE 100000)`);
  const check = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM '${parquetPath.replace(/'/g, "''")}'`);
  const parquetRows = check.getRowObjectsJson()[0].n;
  connection.closeSync();
  const done = performance.now();
  console.log(`rows            ${written.toLocaleString('en')} (${generated.athleteCount.toLocaleString('en')} athletes, seed ${seed})`);
  console.log(`sanctions       ${generated.sanctions.length}`);
  console.log(`csv             ${csvPath}  ${((generatedAt - started) / 1000).toFixed(1)} s`);
  console.log(`parquet         ${parquetPath}  ${((done - generatedAt) / 1000).toFixed(1)} s (${parquetRows} rows)`);
  if (parquetRows !== written) throw new Error(`parquet has ${parquetRows} rows, expected ${written}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
