/**
 * A CSV file into a DuckDB table by DuckDB's own reader, after the decoder worker checked it
 * (csvPlan.ts). DuckDB is told the separator, the quote and the encoding instead of sniffing
 * them, skips the rows that do not fit the header and lists them (`store_rejects`), so each
 * left-out row is named; a value that breaks its column's type beyond DuckDB's sample
 * ("fast" among times) makes that column text rather than costing the row.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import { tableFromIPC } from 'apache-arrow';
import { DataError } from '../dataError';
import type { CsvBody, CsvHead, RowNumbering } from '../intake/decoder.api';
import { quoteIdentifier, quoteLiteral } from '../intake/fileFormat';
import { decodeDeadlineMs, intakeLimits } from '../intake/intakeLimits';
import type { IsolatedDecoder } from '../intake/isolatedDecoder';
import type { DuckDbEngine } from './engine';
import type { LoadProgress } from './duckdb.api';

let reads = 0;
const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

interface Rejected { line: number; error_type: string; column_name: string | null; error_message: string; found?: number | null }

export async function loadCsv(engine: DuckDbEngine, decoder: IsolatedDecoder, file: File, table: string, columns: string[] | undefined, onProgress: (progress: LoadProgress) => void): Promise<{ warnings: string[]; numbering: RowNumbering }> {
  onProgress({ phase: `Checking ${file.name}`, done: 0, total: 2 });
  const head = await decoder.call({ file: file.name, decoder: 'CSV check', what: 'its first rows', bytes: Math.min(file.size, 2_000_000) }, (remote) => remote.csvHead(file));
  // The rest of the file is checked while DuckDB reads it; the load waits for both.
  const rest = decoder.call({ file: file.name, decoder: 'CSV check', what: 'its rows', bytes: file.size }, (remote) => remote.csvRest());
  rest.catch(() => undefined);
  const read = ++reads;
  // The name DuckDB sees; its messages are given back with the user's file name instead.
  const handle = `upload-${read}.csv`;
  if (head.transcoded) await engine.db.registerFileBuffer(handle, head.transcoded);
  else await engine.db.registerFileHandle(handle, file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
  const rejects = `csv_rejects_${read}`;
  const scans = `csv_scans_${read}`;
  const warnings = [...head.warnings];
  const asText = new Set<string>();
  let encoding = head.encoding;
  onProgress({ phase: `Reading ${file.name} with DuckDB's CSV reader`, done: 1, total: 2 });
  try {
    let body: CsvBody | null = null;
    for (let attempt = 0; ; attempt++) {
      const reading = readOnce(engine, file, head, encoding, handle, table, columns, asText, rejects, scans);
      // The check's verdict comes first: a row too long or a quote never closed explains a DuckDB error better than DuckDB does.
      const [scanned, readResult] = await Promise.allSettled([rest, reading]);
      if (scanned.status === 'rejected') throw scanned.reason;
      body = scanned.value;
      if (readResult.status === 'rejected') throw readResult.reason;
      if (!body.utf8 && encoding === 'utf-8') {
        // Not UTF-8 after the first megabyte (an old export): DuckDB would leave those rows out.
        encoding = 'latin-1';
        continue;
      }
      const cast = await queryRows<Rejected>(engine, `SELECT min(line)::INTEGER AS line, 'CAST' AS error_type, column_name, arg_min(error_message, line) AS error_message
        FROM ${rejects} WHERE error_type = 'CAST' AND column_name IS NOT NULL
          AND line NOT IN (SELECT line FROM ${rejects} WHERE error_type <> 'CAST') GROUP BY column_name`);
      const fresh = cast.filter((c) => !asText.has(c.column_name!));
      if (fresh.length === 0 || attempt >= 2) break;
      for (const c of fresh) {
        asText.add(c.column_name!);
        const value = /Could not convert string (".*?"|'.*?')/.exec(c.error_message)?.[1] ?? 'a value';
        const type = /to '?(\w+)'?$/.exec(c.error_message)?.[1] ?? '';
        warnings.push(`column "${c.column_name}" is read as text: row ${c.line.toLocaleString('en')} holds ${value} where the rows before it hold ${kindOfType(type)}`);
      }
    }
    // One reason a row: its shape ("Found: 6") before the casts its shifted values then failed.
    // DuckDB lists a short row once per missing value ("Found: 3", "Found: 4"): the least is the row's.
    const left = await queryRows<Rejected>(engine, `SELECT line::INTEGER AS line, arg_min(error_type::VARCHAR, error_type::VARCHAR = 'CAST') AS error_type, NULL AS column_name,
        arg_min(error_message, error_type::VARCHAR = 'CAST') AS error_message,
        min(TRY_CAST(regexp_extract(error_message, 'Found: (\\d+)', 1) AS INTEGER)) AS found
      FROM ${rejects} GROUP BY line ORDER BY line`);
    if (left.length > 0) warnings.push(leftOutWarning(left, head.header.length));
    const missing = mergeSorted(body!.blankRows, left.map((r) => r.line));
    return { warnings, numbering: { firstDataRow: 2, missing } };
  } catch (error) {
    // The check's own refusals already name the file; DuckDB's errors (no file in their location) are said again below.
    if (error instanceof DataError && (error.location.file === file.name || error.message.includes(file.name))) throw error;
    const message = (error as Error).message.replaceAll(handle, file.name).split('\n')[0];
    if (/sniffing/i.test(message)) {
      // DuckDB found no layout its rows share: most often a quote that opens a value and closes rows later.
      throw new DataError(`the rows of "${file.name}" do not share one layout, so DuckDB cannot tell its columns`, {
        file: file.name, expected: `${head.header.length} values in every row, quotes closed in the value they open`,
        advice: 'Check for a stray quote (") at the start of a value, and that every row uses the same separator',
      });
    }
    throw new DataError(`DuckDB could not read "${file.name}": ${message.replace(/^[A-Za-z ]+Error: /, '')}`, { file: file.name });
  } finally {
    await dropRejects(engine, rejects, scans).catch(() => undefined);
    await engine.db.dropFile(handle).catch(() => undefined);
  }
}

async function readOnce(engine: DuckDbEngine, file: File, head: CsvHead, encoding: string, handle: string, table: string, columns: string[] | undefined, asText: Set<string>, rejects: string, scans: string): Promise<void> {
  const select = columns ? columns.map(quoteIdentifier).join(', ') : '*';
  const types = asText.size > 0 ? `, types = {${[...asText].map((c) => `${quoteLiteral(c)}: 'VARCHAR'`).join(', ')}}` : '';
  // header = true: a results file always has one, and with all-text columns DuckDB's
  // sniffer cannot tell a header from data (it would count the header as a row).
  const options = [
    `delim = ${quoteLiteral(head.delimiter)}`, `quote = '"'`, `escape = '"'`, `comment = ''`, 'header = true', 'auto_detect = true',
    `encoding = '${encoding}'`, 'ignore_errors = true', 'store_rejects = true', `rejects_table = '${rejects}'`, `rejects_scan = '${scans}'`,
    `max_line_size = ${intakeLimits.maxRowBytes}`,
  ].join(', ');
  const limit = decodeDeadlineMs(file.size);
  await dropRejects(engine, rejects, scans);
  await engine.execWithin(`CREATE OR REPLACE TABLE ${table} AS SELECT ${select} FROM read_csv(${quoteLiteral(handle)}, ${options}${types})`, limit, () =>
    new DataError(`DuckDB took longer than ${Math.round(limit / 1000)} s to read "${file.name}" and was stopped`, { file: file.name, advice: 'The file may be damaged; the files already loaded stay' }));
}

async function dropRejects(engine: DuckDbEngine, rejects: string, scans: string): Promise<void> {
  await engine.exec(`DROP TABLE IF EXISTS ${rejects}`);
  await engine.exec(`DROP TABLE IF EXISTS ${scans}`);
}

async function queryRows<Row>(engine: DuckDbEngine, sql: string): Promise<Row[]> {
  return tableFromIPC(await engine.query(sql)).toArray().map((row) => row.toJSON() as Row);
}

function leftOutWarning(left: Rejected[], headerValues: number): string {
  const named = left.slice(0, 5).map((r) => `row ${r.line.toLocaleString('en')} (${reasonOf(r, headerValues)})`).join(', ');
  return `${plural(left.length, 'row')} left out: ${named}${left.length > 5 ? ', …' : ''}. Quote values that hold the separator, then load the file again to include them`;
}

function reasonOf(rejected: Rejected, headerValues: number): string {
  const found = rejected.found;
  if (typeof found === 'number') return `${found} values where the header has ${headerValues}`;
  switch (rejected.error_type.replaceAll('_', ' ')) {
    case 'UNQUOTED VALUE':
      return 'text after a closing quote';
    case 'INVALID ENCODING':
      return 'not UTF-8 text';
    default:
      return rejected.error_message.split('\n')[0];
  }
}

function kindOfType(type: string): string {
  if (/INT|DOUBLE|FLOAT|DECIMAL|REAL/.test(type)) return 'numbers';
  if (/^DATE$/.test(type)) return 'dates';
  if (/TIME/.test(type)) return 'times of day or timestamps';
  if (/BOOL/.test(type)) return 'true/false values';
  return `${type.toLowerCase()} values`;
}

function mergeSorted(a: number[], b: number[]): number[] {
  return [...a, ...b].sort((x, y) => x - y).filter((n, i, all) => i === 0 || n !== all[i - 1]);
}
