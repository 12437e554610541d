/**
 * One pass over a CSV file's bytes, chunk by chunk, before DuckDB reads it: records and
 * fields counted the way DuckDB's reader splits them (RFC 4180: a quote opens a value only at
 * its start, `""` inside quotes is a quote, line breaks inside quotes belong to the value),
 * so that a row too long, a quote never closed, rows with more or fewer values than the
 * header, binary bytes or text that is not UTF-8 are found with their row number first.
 * Rows are numbered as a spreadsheet shows them: the header is row 1.
 */
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

const enum State { FieldStart, Unquoted, Quoted, QuoteInQuoted }

export type CsvProblem =
  | { kind: 'row-too-long'; row: number; limit: number }
  | { kind: 'binary'; byte: number; value: number }
  | { kind: 'unclosed-quote'; row: number; field: number };

/** Thrown when the scan finds the file unreadable; intake turns it into the user's words. */
export class CsvScanError extends Error {
  constructor(readonly problem: CsvProblem) {
    super(problem.kind);
    this.name = 'CsvScanError';
  }
}

export interface RaggedRow { row: number; values: number }

export interface CsvScan {
  /** Values in the header row. */
  headerValues: number;
  /** Rows after the header (blank lines not counted, though they keep their row numbers). */
  dataRows: number;
  /** Rows whose number of values differs from the header's: counted, the first few kept. */
  raggedCount: number;
  ragged: RaggedRow[];
  /** Blank rows (DuckDB skips them but counts them in its row numbers), ascending. */
  blankRows: number[];
  /** False as soon as a byte sequence is not UTF-8 (the file is then read as Latin-1). */
  utf8: boolean;
  longestRowBytes: number;
}

const keptRagged = 20;

export class CsvScanner {
  #delimiter: number;
  #maxRowBytes: number;
  #state = State.FieldStart;
  #row = 1;
  #values = 1;
  /** Bytes of the row so far, counted at row ends and chunk ends (not per byte: this is the hot loop). */
  #rowBytes = 0;
  #quoteRow = 0;
  #quoteField = 0;
  #afterCr = false;
  #offset = 0;
  #continuation = 0;
  #scan: CsvScan = { headerValues: 0, dataRows: 0, raggedCount: 0, ragged: [], blankRows: [], utf8: true, longestRowBytes: 0 };

  constructor(delimiter: number, maxRowBytes: number) {
    this.#delimiter = delimiter;
    this.#maxRowBytes = maxRowBytes;
  }

  get delimiter(): string {
    return String.fromCharCode(this.#delimiter);
  }

  /** Whether every byte so far was UTF-8. */
  get utf8SoFar(): boolean {
    return this.#scan.utf8;
  }

  push(chunk: Uint8Array): void {
    const delimiter = this.#delimiter;
    const length = chunk.length;
    // The state lives in locals inside the loop (a private field per byte costs several times more).
    let state = this.#state;
    let values = this.#values;
    let afterCr = this.#afterCr;
    let rowStart = -this.#rowBytes;
    let continuation = this.#continuation;
    for (let i = 0; i < length; i++) {
      const byte = chunk[i];
      // Plain text outside quotes: most bytes of a file.
      if (byte > QUOTE && byte < 0x80 && byte !== delimiter) {
        if (state === State.FieldStart || state === State.QuoteInQuoted) state = State.Unquoted;
        afterCr = false;
        continue;
      }
      if (byte >= 0x80 || continuation > 0) {
        if (continuation > 0 && (byte & 0xc0) === 0x80) continuation--;
        else {
          if (continuation > 0) this.#scan.utf8 = false;
          continuation = byte >= 0xc2 && byte <= 0xdf ? 1 : byte >= 0xe0 && byte <= 0xef ? 2 : byte >= 0xf0 && byte <= 0xf4 ? 3 : 0;
          if (continuation === 0 && byte >= 0x80) this.#scan.utf8 = false;
        }
        if (byte >= 0x80) {
          if (state === State.FieldStart || state === State.QuoteInQuoted) state = State.Unquoted;
          afterCr = false;
          continue;
        }
      }
      if (byte === LF && afterCr) {
        afterCr = false;
        rowStart = i + 1;
        continue;
      }
      afterCr = false;
      if (byte === 0) throw new CsvScanError({ kind: 'binary', byte: this.#offset + i + 1, value: 0 });
      if (state === State.Quoted) {
        if (byte === QUOTE) state = State.QuoteInQuoted;
        continue;
      }
      if (byte === QUOTE) {
        if (state === State.QuoteInQuoted) state = State.Quoted;
        else if (state === State.FieldStart) {
          state = State.Quoted;
          this.#quoteRow = this.#row;
          this.#quoteField = values;
        } else state = State.Unquoted;
      } else if (byte === delimiter) {
        values++;
        state = State.FieldStart;
      } else if (byte === LF || byte === CR) {
        afterCr = byte === CR;
        this.#values = values;
        this.#endRow(i - rowStart);
        values = 1;
        state = State.FieldStart;
        rowStart = i + 1;
      } else if (state === State.FieldStart || state === State.QuoteInQuoted) {
        state = State.Unquoted;
      }
    }
    this.#state = state;
    this.#values = values;
    this.#afterCr = afterCr;
    this.#continuation = continuation;
    this.#rowBytes = length - rowStart;
    this.#offset += length;
    if (this.#rowBytes > this.#maxRowBytes) throw new CsvScanError({ kind: 'row-too-long', row: this.#row, limit: this.#maxRowBytes });
  }

  /** The scan of the whole file; throws when a quote is still open at its end. */
  finish(): CsvScan {
    if (this.#state === State.Quoted) throw new CsvScanError({ kind: 'unclosed-quote', row: this.#quoteRow, field: this.#quoteField });
    if (this.#rowBytes > 0 || this.#values > 1) this.#endRow(this.#rowBytes);
    if (this.#continuation > 0) this.#scan.utf8 = false;
    return this.#scan;
  }

  #endRow(rowBytes: number): void {
    const scan = this.#scan;
    if (rowBytes > this.#maxRowBytes) throw new CsvScanError({ kind: 'row-too-long', row: this.#row, limit: this.#maxRowBytes });
    if (rowBytes > 0) {
      scan.longestRowBytes = Math.max(scan.longestRowBytes, rowBytes);
      if (scan.headerValues === 0) {
        scan.headerValues = this.#values;
      } else {
        scan.dataRows++;
        if (this.#values !== scan.headerValues) {
          scan.raggedCount++;
          if (scan.ragged.length < keptRagged) scan.ragged.push({ row: this.#row, values: this.#values });
        }
      }
    } else if (scan.headerValues > 0) {
      scan.blankRows.push(this.#row);
    }
    // A blank line is a row too, as a spreadsheet shows it, though it holds no data.
    this.#row++;
    this.#values = 1;
    this.#rowBytes = 0;
  }
}
