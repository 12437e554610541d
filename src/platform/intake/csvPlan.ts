/**
 * A CSV file checked in the decoder worker around DuckDB's read of it: its encoding,
 * separator and header, then every row against the limits. What cannot be read is refused
 * with the file's name, the row and what to do, in the time it takes to read the bytes once;
 * rows with too many or too few values are counted so the loader can name the ones left out.
 */
import { DataError } from '../dataError';
import type { CsvBody, CsvHead } from './decoder.api';
import { CsvScanError, CsvScanner, type CsvProblem } from './csvScanner';
import { controlShare, headerOf, textKindOf } from './csvDialect';
import { intakeLimits, megabytes } from './intakeLimits';

const chunkBytes = 8 * 1024 * 1024;
const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/**
 * One CSV file's check, in two steps: `open` reads the first megabyte (encoding, separator,
 * header, the first rows against the limits) and answers at once, so DuckDB can start
 * reading; `rest` scans the remainder meanwhile, and the loader waits for both.
 */
export class CsvCheck {
  #name: string;
  #bytesOf: (start: number, end: number) => Promise<Uint8Array>;
  #size: number;
  #from: number;
  #scanner: CsvScanner;
  #header: string[];

  private constructor(name: string, bytesOf: (start: number, end: number) => Promise<Uint8Array>, size: number, from: number, scanner: CsvScanner, header: string[]) {
    this.#name = name;
    this.#bytesOf = bytesOf;
    this.#size = size;
    this.#from = from;
    this.#scanner = scanner;
    this.#header = header;
  }

  static async open(file: File): Promise<{ check: CsvCheck; head: CsvHead }> {
    const name = file.name;
    const empty = () => new DataError(`"${name}" is empty: it has no header and no rows`, { file: name, expected: 'a header row, then one row per record', advice: 'Export the data again, or choose the file that holds it' });
    if (file.size === 0) throw empty();
    const first = new Uint8Array(await file.slice(0, 65536).arrayBuffer());
    const kind = textKindOf(first);
    let transcoded: Uint8Array | null = null;
    if (kind.encoding !== 'utf-8') {
      if (file.size > intakeLimits.maxTranscodeBytes) {
        throw new DataError(`"${name}" is UTF-16 text of ${megabytes(file.size)}; Trackside turns UTF-16 into UTF-8 only up to ${megabytes(intakeLimits.maxTranscodeBytes)}`, {
          file: name, expected: 'a CSV file saved as UTF-8', advice: 'Save it again as "CSV UTF-8" and load that',
        });
      }
      transcoded = new TextEncoder().encode(new TextDecoder(kind.encoding).decode(await file.arrayBuffer()));
    } else if (controlShare(first) > 0.05) {
      throw notText(name);
    }
    const bytesOf = async (start: number, end: number): Promise<Uint8Array> =>
      transcoded ? transcoded.subarray(start, end) : new Uint8Array(await file.slice(start, end).arrayBuffer());
    const size = transcoded ? transcoded.length : file.size;

    const window = Math.min(size, intakeLimits.maxRowBytes + 65536);
    const headBytes = await bytesOf(0, window);
    const headText = new TextDecoder('utf-8').decode(headBytes).replace(/^\uFEFF/, '');
    if (headText.trim() === '') throw empty();
    const header = headerOf(headText, window === size);
    if (!header || header.bytes > intakeLimits.maxRowBytes) throw fromProblem(name, { kind: 'row-too-long', row: 1, limit: intakeLimits.maxRowBytes }, []);
    if (header.names.length > intakeLimits.maxColumns) {
      throw new DataError(`"${name}" has ${plural(header.names.length, 'column')} in its header; Trackside reads files of up to ${intakeLimits.maxColumns.toLocaleString('en')} columns`, {
        file: name, expected: `at most ${intakeLimits.maxColumns.toLocaleString('en')} columns`, advice: 'Save a copy with only the columns you need and load that',
      });
    }
    const scanner = new CsvScanner(header.delimiter.charCodeAt(0), intakeLimits.maxRowBytes);
    const check = new CsvCheck(name, bytesOf, size, window, scanner, header.names);
    check.#push(headBytes);
    // A file that is not UTF-8 in its first megabyte is read as Latin-1 from the start.
    const encoding = transcoded || scanner.utf8SoFar ? 'utf-8' : 'latin-1';
    return { check, head: { delimiter: header.delimiter, encoding, transcoded, header: header.names, warnings: duplicateNames(header.names) } };
  }

  /** The rest of the file, from where `open` stopped. */
  async rest(): Promise<CsvBody> {
    for (let start = this.#from; start < this.#size; start += chunkBytes) this.#push(await this.#bytesOf(start, Math.min(this.#size, start + chunkBytes)));
    let scan;
    try {
      scan = this.#scanner.finish();
    } catch (error) {
      if (error instanceof CsvScanError) throw fromProblem(this.#name, error.problem, this.#header);
      throw error;
    }
    if (scan.dataRows >= 4 && scan.raggedCount * 2 >= scan.dataRows) {
      const examples = scan.ragged.slice(0, 3).map((r) => `row ${r.row.toLocaleString('en')} has ${r.values}`).join(', ');
      const delimiter = this.#scanner.delimiter;
      const separator = delimiter === '\t' ? 'tab' : `"${delimiter}"`;
      throw new DataError(`${plural(scan.raggedCount, 'row')} of ${scan.dataRows.toLocaleString('en')} in "${this.#name}" have a different number of values than its header's ${this.#header.length} (${examples})`, {
        file: this.#name, expected: `${this.#header.length} values in every row, separated by ${separator} as in the header`,
        advice: 'Check that the header row and the rows use the same separator, and that values holding the separator are quoted',
      });
    }
    return { dataRows: scan.dataRows, raggedCount: scan.raggedCount, ragged: scan.ragged, blankRows: scan.blankRows, utf8: scan.utf8 };
  }

  #push(bytes: Uint8Array): void {
    try {
      this.#scanner.push(bytes);
    } catch (error) {
      if (error instanceof CsvScanError) throw fromProblem(this.#name, error.problem, this.#header);
      throw error;
    }
  }
}

/** Both steps at once (for tests and small files). */
export async function planCsv(file: File): Promise<CsvHead & CsvBody> {
  const { check, head } = await CsvCheck.open(file);
  return { ...head, ...(await check.rest()) };
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
