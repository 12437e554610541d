/**
 * The limits every file is held to before DuckDB is asked to read it, and how long a decoder
 * may take before its load is called hung. A real row of results, rides or sanctions is well
 * under a kilobyte and has a few dozen columns; a file far beyond these is not what it
 * claims to be, and DuckDB would spend minutes and gigabytes finding that out
 * (a 10 MB single-line CSV ran 51 s into "Out of Memory"; 100,000 columns took 3.1 GiB).
 */
export const intakeLimits = {
  /** Bytes in one row (one CSV record, quoted line breaks included). */
  maxRowBytes: 1 << 20,
  /** Columns in one file. */
  maxColumns: 2_000,
  /** A UTF-16 text file is turned into UTF-8 in memory for DuckDB; beyond this, ask for UTF-8. */
  maxTranscodeBytes: 256 * 1024 * 1024,
} as const;

/**
 * How long decoding `bytes` may take before the decoder is stopped and its load fails:
 * a fixed part for starting a worker on a busy machine, plus a rate far below what any
 * decoder here manages (the slowest, SheetJS, reads a megabyte of xlsx in well under a second).
 */
export function decodeDeadlineMs(bytes: number): number {
  return 20_000 + (bytes / 1_000_000) * 4_000;
}

/** "1 MB", "10.5 MB": sizes as people say them. */
export function megabytes(bytes: number): string {
  const mb = bytes / 1_000_000;
  return `${mb >= 10 ? Math.round(mb).toLocaleString('en') : Number(mb.toFixed(1)).toLocaleString('en')} MB`;
}
