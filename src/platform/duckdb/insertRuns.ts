/**
 * How a Parquet file is cut into the inserts of its load.
 *
 * DuckDB keeps a table in row groups of 122,880 rows. An insert of at least that many rows is
 * merged into the table whole at commit; a smaller one into a table that holds rows already
 * is appended again, chunk by chunk. Measured in Chromium with DuckDB-WASM 1.32 on the
 * 1M-row bench file (a scratch probe, 2026-12-03): 100,000 rows a call 1.3–1.8 s for the
 * file, 122,880 or more 0.6–0.9 s.
 *
 * Parquet writers cut their own row groups: 100,000 rows, 4,000, or pyarrow's 1,048,576, whose
 * one group decoded whole took 0.9–1.0 s and 193 MB of Arrow before the first insert could
 * start. So the load reads runs of rows, not of row groups: two DuckDB row groups' worth at a
 * time, from whichever row groups hold them (parquet-wasm skips to an offset in the selected
 * groups page by page; a quarter of that million rows decoded in 0.10–0.15 s).
 */
export const DUCKDB_ROW_GROUP_ROWS = 122_880;

/** Rows a run holds when the file is narrow enough: two DuckDB row groups. */
export const RUN_ROWS = 2 * DUCKDB_ROW_GROUP_ROWS;

/**
 * Cells (rows × columns) a run may hold: 128 columns of a DuckDB row group (15.7M), so that a
 * wide file is read in runs of fewer rows rather than inserts of gigabytes.
 */
export const MAXIMUM_RUN_CELLS = 128 * DUCKDB_ROW_GROUP_ROWS;

/** Rows `startRow` to `startRow + rows − 1` of the file (0-based), read from `groupCount` row groups from `firstGroup`, skipping `offset` rows of them. */
export interface InsertRun {
  startRow: number;
  rows: number;
  firstGroup: number;
  groupCount: number;
  offset: number;
  /** The compressed bytes of the row groups read: they bound how long the decoder may take. */
  compressedBytes: number;
}

/**
 * The runs of a file whose row groups hold `rowGroups[i].rows` rows, reading `columns`
 * columns: `RUN_ROWS` rows each (fewer when the cell bound asks), in file order; a last run
 * short of a DuckDB row group joins the one before when the bound allows.
 */
export function insertRuns(
  rowGroups: readonly { rows: number; compressedBytes: number }[],
  columns: number,
  { runRows = RUN_ROWS, maximumCells = MAXIMUM_RUN_CELLS } = {},
): InsertRun[] {
  const width = Math.max(1, columns);
  const size = Math.max(1, Math.min(runRows, Math.floor(maximumCells / width)));
  const total = rowGroups.reduce((sum, group) => sum + group.rows, 0);
  const bounds: [number, number][] = [];
  for (let start = 0; start < total; start += size) bounds.push([start, Math.min(total, start + size)]);
  const last = bounds.at(-1);
  if (bounds.length > 1 && last && last[1] - last[0] < DUCKDB_ROW_GROUP_ROWS && (last[1] - bounds[bounds.length - 2][0]) * width <= maximumCells) {
    bounds.pop();
    bounds[bounds.length - 1][1] = last[1];
  }
  // Where each row group starts in the file.
  const groupStart: number[] = [];
  rowGroups.reduce((start, group) => (groupStart.push(start), start + group.rows), 0);
  return bounds.map(([start, end]) => {
    let first = 0;
    while (first + 1 < rowGroups.length && groupStart[first] + rowGroups[first].rows <= start) first++;
    let after = first;
    let compressedBytes = 0;
    while (after < rowGroups.length && groupStart[after] < end) compressedBytes += rowGroups[after++].compressedBytes;
    return { startRow: start, rows: end - start, firstGroup: first, groupCount: after - first, offset: start - groupStart[first], compressedBytes };
  });
}

/** What parquet-wasm is asked to read for a run (ParquetFile.read's options). */
export function runReadOptions(run: InsertRun): { rowGroups: number[]; offset: number; limit: number } {
  return { rowGroups: Array.from({ length: run.groupCount }, (_, i) => run.firstGroup + i), offset: run.offset, limit: run.rows };
}

/** "rows 245,761–491,520 of 1,000,000 (row groups 3–5 of 11)", for progress and error messages. */
export function describeRun(run: InsertRun, totalRows: number, totalGroups: number): string {
  const count = (n: number) => n.toLocaleString('en');
  const groups = run.groupCount === 1 ? `row group ${run.firstGroup + 1}` : `row groups ${run.firstGroup + 1}–${run.firstGroup + run.groupCount}`;
  return `rows ${count(run.startRow + 1)}–${count(run.startRow + run.rows)} of ${count(totalRows)} (${groups} of ${totalGroups})`;
}
