/**
 * A CSV file checked before DuckDB reads it (in the decoder worker): its encoding, separator
 * and header, then every row against the limits. What cannot be read is refused here with
 * the file's name, the row and what to do, in the time it takes to read the bytes once;
 * rows with too many or too few values are counted so the loader can name the ones it leaves out.
 */
import { DataError } from '../dataError';
import type { CsvPlan } from './decoder.api';
import { CsvScanError, CsvScanner, type CsvProblem } from './csvScanner';
import { controlShare, headerOf, textKindOf } from './csvDialect';
import { intakeLimits, megabytes } from './intakeLimits';

const chunkBytes = 8 * 1024 * 1024;
const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

export async function planCsv(file: File): Promise<CsvPlan> {
  const name = file.name;
  const empty = () => new DataError(`"${name}" is empty: it has no header and no rows`, { file: name, expected: 'a header row, then one row per record', advice: 'Export the data again, or choose the file that holds it' });
  if (file.size === 0) throw empty();
  const head = new Uint8Array(await file.slice(0, 65536).arrayBuffer());
  const kind = textKindOf(head);
  let transcoded: Uint8Array | null = null;
  if (kind.encoding !== 'utf-8') {
    if (file.size > intakeLimits.maxTranscodeBytes) {
      throw new DataError(`"${name}" is UTF-16 text of ${megabytes(file.size)}; Trackside turns UTF-16 into UTF-8 only up to ${megabytes(intakeLimits.maxTranscodeBytes)}`, {
        file: name, expected: 'a CSV file saved as UTF-8', advice: 'Save it again as "CSV UTF-8" and load that',
      });
    }
    const text = new TextDecoder(kind.encoding).decode(await file.arrayBuffer());
    transcoded = new TextEncoder().encode(text);
  } else if (controlShare(head) > 0.05) {
    throw notText(name);
  }
  const bytesOf = async (start: number, end: number): Promise<Uint8Array> =>
    transcoded ? transcoded.subarray(start, end) : new Uint8Array(await file.slice(start, end).arrayBuffer());
  const size = transcoded ? transcoded.length : file.size;

  const headWindow = Math.min(size, intakeLimits.maxRowBytes + 65536);
  const headText = new TextDecoder('utf-8').decode(await bytesOf(0, headWindow)).replace(/^\uFEFF/, '').replace(/^\s*[\r\n]/, '');
  if (headText.trim() === '') throw empty();
  const header = headerOf(headText, headWindow === size);
  if (!header || header.bytes > intakeLimits.maxRowBytes) throw fromProblem(name, { kind: 'row-too-long', row: 1, limit: intakeLimits.maxRowBytes }, []);
  if (header.names.length > intakeLimits.maxColumns) {
    throw new DataError(`"${name}" has ${plural(header.names.length, 'column')} in its header; Trackside reads files of up to ${intakeLimits.maxColumns.toLocaleString('en')} columns`, {
      file: name, expected: `at most ${intakeLimits.maxColumns.toLocaleString('en')} columns`, advice: 'Save a copy with only the columns you need and load that',
    });
  }

  const scanner = new CsvScanner(header.delimiter.charCodeAt(0), intakeLimits.maxRowBytes);
  try {
    for (let start = 0; start < size; start += chunkBytes) scanner.push(await bytesOf(start, Math.min(size, start + chunkBytes)));
  } catch (error) {
    if (error instanceof CsvScanError) throw fromProblem(name, error.problem, header.names);
    throw error;
  }
  let scan;
  try {
    scan = scanner.finish();
  } catch (error) {
    if (error instanceof CsvScanError) throw fromProblem(name, error.problem, header.names);
    throw error;
  }
  if (scan.dataRows >= 4 && scan.raggedCount * 2 >= scan.dataRows) {
    const examples = scan.ragged.slice(0, 3).map((r) => `row ${r.row.toLocaleString('en')} has ${r.values}`).join(', ');
    const separator = header.delimiter === '\t' ? 'tab' : `"${header.delimiter}"`;
    throw new DataError(`${plural(scan.raggedCount, 'row')} of ${scan.dataRows.toLocaleString('en')} in "${name}" have a different number of values than its header's ${header.names.length} (${examples})`, {
      file: name, expected: `${header.names.length} values in every row, separated by ${separator} as in the header`,
      advice: 'Check that the header row and the rows use the same separator, and that values holding the separator are quoted',
    });
  }
  return {
    delimiter: header.delimiter,
    encoding: transcoded || scan.utf8 ? 'utf-8' : 'latin-1',
    transcoded,
    header: header.names,
    dataRows: scan.dataRows,
    raggedCount: scan.raggedCount,
    ragged: scan.ragged,
    blankRows: scan.blankRows,
    warnings: duplicateNames(header.names),
  };
}

function notText(name: string): DataError {
  return new DataError(`"${name}" is not a text file`, {
    file: name, expected: 'a CSV file: text, one row per line', advice: 'Check that this is the right file; another kind of file given a .csv name reads this way',
  });
}

function fromProblem(name: string, problem: CsvProblem, header: string[]): DataError {
  switch (problem.kind) {
    case 'binary':
      return notText(name);
    case 'row-too-long':
      return new DataError(`this row is longer than ${megabytes(problem.limit)}, so it is not a row of a table`, {
        file: name, row: problem.row, expected: `rows under ${megabytes(problem.limit)}, one per line`,
        advice: 'Check that this is a CSV file with a line break after each row',
      });
    case 'unclosed-quote':
      return new DataError(`a quote (") opens this value and is never closed, so the rest of the file would be read as that one value`, {
        file: name, row: problem.row, column: header[problem.field - 1],
        advice: 'Close the quote, or remove it, and load the file again',
      });
  }
}

function duplicateNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  const warnings: string[] = [];
  names.forEach((name, i) => {
    const key = name.toLowerCase();
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else warnings.push(`columns ${first + 1} and ${i + 1} are both named "${name}" in the header; the first is the one recognised by name`);
  });
  return warnings;
}
