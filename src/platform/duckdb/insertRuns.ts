/**
 * DuckDB keeps a table in row groups of 122,880 rows. An insert of at least that many rows is
 * merged into the table whole at commit; a smaller one is appended again, chunk by chunk.
 * Parquet writers cut their own row groups (100,000 rows, 4,000, a million…), so the load
 * inserts runs of consecutive row groups holding at least a DuckDB row group's rows each.
 * Measured in Chromium with DuckDB-WASM 1.32 on the 1M-row bench file (a scratch probe,
 * 2026-12-03): 100,000 rows a call 1.3–1.8 s for the file, 122,880 or more 0.6–0.9 s.
 */
export const DUCKDB_ROW_GROUP_ROWS = 122_880;

/** Consecutive Parquet row groups inserted by one call: `first` to `first + count - 1`. */
export interface InsertRun {
  first: number;
  count: number;
  rows: number;
  compressedBytes: number;
}

/**
 * Runs of consecutive row groups, in file order, each of at least `minimumRows` rows but the
 * last; a last run short of it joins the one before, so no run is small unless the file is.
 */
export function insertRuns(rowGroups: readonly { rows: number; compressedBytes: number }[], minimumRows = DUCKDB_ROW_GROUP_ROWS): InsertRun[] {
  const runs: InsertRun[] = [];
  let open: InsertRun | null = null;
  rowGroups.forEach((group, index) => {
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
    if (previous) {
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
