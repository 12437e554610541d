import { tableFromIPC } from 'apache-arrow';
import * as duckdb from '@duckdb/duckdb-wasm';
import type { LoadOptions, LoadProgress, LoadReport, ColumnInfo } from './duckdb.api';
import { DataError } from '../dataError';
import { arrowToIpc, columnsToArrowTable, type Cell } from '../intake/columnsToArrow';
import { formatOfFile, quoteIdentifier, quoteLiteral } from '../intake/fileFormat';
import { readFitRecords } from '../intake/readFit';
import { readJsonRecords } from '../intake/readJsonLines';
import { readParquetRowGroups } from '../intake/readParquet';
import { openWorkbook, sheetColumns } from '../intake/readXlsx';
import type { DuckDbEngine } from './engine';

type Progress = (progress: LoadProgress) => void;

/**
 * Loads one user file into a DuckDB table. CSV is read by DuckDB's own reader through a
 * registered file handle (no copy); Parquet by parquet-wasm row group by row group; xlsx
 * by SheetJS; JSON lines and FIT by our readers. All of it works with no network.
 */
export async function loadFile(engine: DuckDbEngine, file: File, options: LoadOptions, onProgress: Progress): Promise<LoadReport> {
  const started = performance.now();
  const format = options.format ?? formatOfFile(file.name);
  const table = quoteIdentifier(options.table);
  const warnings: string[] = [];
  let sheets: string[] | undefined;
  onProgress({ phase: `Opening ${file.name}`, done: 0, total: 1 });
  await engine.exec(`DROP TABLE IF EXISTS ${table}`);

  if (format === 'csv') {
    await loadCsv(engine, file, table, options.columns, onProgress);
  } else if (format === 'parquet') {
    let rowsSoFar = 0;
    for await (const group of readParquetRowGroups(file, options.columns)) {
      engine.throwIfCancelled(`Loading ${file.name}`);
      await engine.insertArrow(options.table, group.ipc, group.index === 0);
      rowsSoFar += group.rows;
      onProgress({ phase: `Decoded row group ${group.index + 1} of ${group.count} (${rowsSoFar.toLocaleString('en')} rows)`, done: group.index + 1, total: group.count });
    }
  } else {
    const bytes = await file.arrayBuffer();
    engine.throwIfCancelled(`Loading ${file.name}`);
    let columns: Record<string, Cell[]>;
    if (format === 'xlsx') {
      const workbook = openWorkbook(bytes, file.name);
      sheets = workbook.sheetNames;
      const sheet = options.sheet ?? workbook.sheetNames[0];
      columns = sheetColumns(workbook, sheet, file.name);
    } else if (format === 'fit') {
      columns = readFitRecords(bytes, file.name);
    } else {
      const text = new TextDecoder().decode(bytes);
      const result = readJsonRecords(text, file.name, format === 'json');
      if (result.brokenCount > 0) {
        const named = result.brokenLines.slice(0, 5).map((b) => `line ${b.line} (${b.reason})`).join('; ');
        warnings.push(`${result.brokenCount} broken line${result.brokenCount === 1 ? '' : 's'} skipped: ${named}`);
      }
      if (result.rows === 0) throw new DataError(`"${file.name}" has no readable records`, { file: file.name, expected: 'one JSON object per line' });
      columns = result.columns;
    }
    if (options.columns) columns = pickColumns(columns, options.columns, file.name);
    onProgress({ phase: `Inserting ${file.name}`, done: 0, total: 1 });
    await engine.insertArrow(options.table, arrowToIpc(columnsToArrowTable(columns)), true);
  }

  const described = tableFromIPC(await engine.query(`SELECT column_name, column_type FROM (DESCRIBE ${table})`));
  const columnInfo: ColumnInfo[] = described.toArray().map((row) => ({ name: String(row.column_name), type: String(row.column_type) }));
  const counted = tableFromIPC(await engine.query(`SELECT count(*)::DOUBLE AS n FROM ${table}`));
  const rows = Number(counted.getChild('n')!.get(0));
  onProgress({ phase: `Loaded ${file.name}`, done: 1, total: 1 });
  return { file: file.name, table: options.table, format, rows, columns: columnInfo, milliseconds: performance.now() - started, warnings, sheets };
}

async function loadCsv(engine: DuckDbEngine, file: File, table: string, columns: string[] | undefined, onProgress: Progress): Promise<void> {
  const handle = `csv_${crypto.randomUUID()}_${file.name}`;
  await engine.db.registerFileHandle(handle, file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
  const select = columns ? columns.map(quoteIdentifier).join(', ') : '*';
  onProgress({ phase: `Reading ${file.name} with DuckDB's CSV reader`, done: 0, total: 1 });
  // header = true: a results file always has one, and with all-text columns DuckDB's
  // sniffer cannot tell a header from data (it would count the header as a row).
  const read = (extra: string) => engine.exec(`CREATE TABLE ${table} AS SELECT ${select} FROM read_csv(${quoteLiteral(handle)}, auto_detect = true, header = true${extra})`);
  try {
    try {
      await read('');
    } catch (utf8Error) {
      // Exports from older tools (ergomo, Excel on Windows) are often Latin-1, not UTF-8.
      await read(", encoding = 'latin-1'").catch(() => {
        throw utf8Error;
      });
    }
  } catch (error) {
    if (error instanceof DataError) {
      throw new DataError(error.message, { ...error.location, file: file.name });
    }
    throw new DataError((error as Error).message, { file: file.name });
  } finally {
    await engine.db.dropFile(handle);
  }
}

function pickColumns(columns: Record<string, Cell[]>, wanted: string[], fileName: string): Record<string, Cell[]> {
  const picked: Record<string, Cell[]> = {};
  for (const name of wanted) {
    if (!(name in columns)) {
      throw new DataError(`"${fileName}" has no column "${name}"`, { file: fileName, column: name, expected: `one of ${Object.keys(columns).join(', ')}` });
    }
    picked[name] = columns[name];
  }
  return picked;
}
