import type { FileFormat } from '../duckdb/duckdb.api';
import { DataError } from '../dataError';

const byExtension: Record<string, FileFormat> = {
  csv: 'csv',
  tsv: 'csv',
  txt: 'csv',
  parquet: 'parquet',
  pq: 'parquet',
  xlsx: 'xlsx',
  xls: 'xlsx',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  json: 'json',
  fit: 'fit',
};

/** The format of a file, from its name; a clear error names the file and the formats we read. */
export function formatOfFile(fileName: string): FileFormat {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  const format = byExtension[extension];
  if (!format) {
    throw new DataError(`"${fileName}" is not a format Trackside reads`, {
      file: fileName,
      expected: 'a .csv, .parquet, .xlsx, .jsonl, .json or .fit file',
    });
  }
  return format;
}

/** A table or column name quoted for SQL (double quotes doubled). */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A string literal for SQL (single quotes doubled). */
export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
