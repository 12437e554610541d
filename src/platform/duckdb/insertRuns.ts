/**
 * DuckDB keeps a table in row groups of 122,880 rows. An insert of at least that many rows is
 * merged into the table whole at commit; a smaller one is appended again, chunk by chunk.
 * Parquet writers cut their own row groups (100,000 rows, 4,000, a million…), so the load
 * inserts runs of consecutive row groups holding at least a DuckDB row group's rows each.
 * Measured in Chromium with DuckDB-WASM 1.32 on the 1M-row bench file (a scratch probe,
 * 2026-12-03): 100,000 rows a call 1.3–1.8 s for the file, 122,880 or more 0.6–0.9 s.
 */
export const DUCKDB_ROW_GROUP_ROWS = 122_880;

/**
 * Cells (rows × columns) a run may hold when it joins row groups: 128 columns of a DuckDB
 * row group (15.7M), so that a wide file's small row groups are not joined into one insert of
 * gigabytes. A row group larger than that is still read alone, as its writer made it.
 */
export const MAXIMUM_RUN_CELLS = 128 * DUCKDB_ROW_GROUP_ROWS;

/** Consecutive Parquet row groups inserted by one call: `first` to `first + count - 1`. */
export interface InsertRun {
  first: number;
  count: number;
  rows: number;
  compressedBytes: number;
}

/**
 * Runs of consecutive row groups, in file order, each of at least `minimumRows` rows unless
 * joining the next group would pass `maximumCells` for the `columns` read; a last run short
 * of `minimumRows` joins the one before when that stays within the bound.
 */
export function insertRuns(
  rowGroups: readonly { rows: number; compressedBytes: number }[],
  columns: number,
  { minimumRows = DUCKDB_ROW_GROUP_ROWS, maximumCells = MAXIMUM_RUN_CELLS } = {},
): InsertRun[] {
  const fits = (rows: number) => rows * Math.max(1, columns) <= maximumCells;
  const runs: InsertRun[] = [];
  let open: InsertRun | null = null;
  rowGroups.forEach((group, index) => {
    if (open && !fits(open.rows + group.rows)) {
      runs.push(open);
      open = null;
    }
    open ??= { first: index, count: 0, rows: 0, compressedBytes: 0 };
    open.count++;
    open.rows += group.rows;
    open.compressedBytes += group.compressedBytes;
    if (open.rows >= minimumRows) {
      runs.push(open);
      open = null;
    }
  });
  const rest = open as InsertRun | null;
  if (rest) {
    const previous = runs.at(-1);
    if (previous && fits(previous.rows + rest.rows)) {
      previous.count += rest.count;
      previous.rows += rest.rows;
      previous.compressedBytes += rest.compressedBytes;
    } else {
      runs.push(rest);
    }
  }
  return runs;
}

/** "row group 3 of 11" or "row groups 3–4 of 11", for progress and error messages. */
export function describeRun(run: InsertRun, total: number): string {
  return run.count === 1 ? `row group ${run.first + 1} of ${total}` : `row groups ${run.first + 1}–${run.first + run.count} of ${total}`;
}
