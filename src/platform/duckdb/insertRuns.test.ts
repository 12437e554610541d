import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm/node';
import { describe, expect, it } from 'vitest';
import { DUCKDB_ROW_GROUP_ROWS, MAXIMUM_RUN_CELLS, RUN_ROWS, describeRun, insertRuns, runReadOptions, type InsertRun } from './insertRuns';

const groups = (...rows: number[]) => rows.map((n, i) => ({ rows: n, compressedBytes: 10 * (i + 1) }));
const spans = (runs: InsertRun[]) => runs.map((run) => [run.startRow, run.rows]);

/** Every run starts where the one before ended, and together they hold every row. */
function expectContiguous(runs: InsertRun[], total: number): void {
  let next = 0;
  for (const run of runs) {
    expect(run.startRow).toBe(next);
    next += run.rows;
  }
  expect(next).toBe(total);
}

describe('insertRuns', () => {
  it('cuts the bench layout (11 row groups of 100,352 rows) into runs of two DuckDB row groups', () => {
    const runs = insertRuns(groups(...Array(11).fill(100_352)), 21);
    expectContiguous(runs, 11 * 100_352);
    expect(runs.slice(0, -1).every((run) => run.rows === RUN_ROWS)).toBe(true);
    // 1,103,872 rows: four runs of 245,760 and the rest, 120,832, joined to the fourth.
    expect(spans(runs)).toEqual([[0, 245_760], [245_760, 245_760], [491_520, 245_760], [737_280, 366_592]]);
    // The second run, rows 245,760–491,519, lies in row groups 3–5 (0-based 2–4) from row 44,056 of group 3.
    expect([runs[1].firstGroup, runs[1].groupCount, runs[1].offset]).toEqual([2, 3, 245_760 - 2 * 100_352]);
    expect(runs[1].compressedBytes).toBe(30 + 40 + 50);
  });

  it("reads one large row group (pyarrow's 1,048,576 rows) in runs, not whole", () => {
    const runs = insertRuns(groups(1_048_576), 20);
    expect(spans(runs)).toEqual([[0, 245_760], [245_760, 245_760], [491_520, 245_760], [737_280, 311_296]]);
    expect(runs.every((run) => run.firstGroup === 0 && run.groupCount === 1)).toBe(true);
    expect(runs.map((run) => run.offset)).toEqual([0, 245_760, 491_520, 737_280]);
  });

  it('keeps a last run of a DuckDB row group or more on its own, and reads a small file in one run', () => {
    expect(spans(insertRuns(groups(300_000, 200_000), 10))).toEqual([[0, 245_760], [245_760, 254_240]]);
    expect(spans(insertRuns(groups(245_760, 130_000), 10))).toEqual([[0, 245_760], [245_760, 130_000]]);
    expect(insertRuns(groups(500, 500, 500), 4)).toEqual([{ startRow: 0, rows: 1_500, firstGroup: 0, groupCount: 3, offset: 0, compressedBytes: 60 }]);
    expect(insertRuns([], 4)).toEqual([]);
    expect(insertRuns(groups(0, 0), 4)).toEqual([]);
  });

  it('skips empty row groups when it says where a run starts', () => {
    const runs = insertRuns(groups(0, 100, 0, 100), 4, { runRows: 100 });
    expect(runs.map((run) => [run.firstGroup, run.offset, run.rows])).toEqual([[1, 0, 200]]);
    const apart = insertRuns(groups(0, DUCKDB_ROW_GROUP_ROWS, 0, DUCKDB_ROW_GROUP_ROWS), 4, { runRows: DUCKDB_ROW_GROUP_ROWS });
    expect(apart.map((run) => [run.firstGroup, run.offset, run.rows])).toEqual([[1, 0, DUCKDB_ROW_GROUP_ROWS], [3, 0, DUCKDB_ROW_GROUP_ROWS]]);
  });

  it('reads a wide file in runs of fewer rows, within the cell bound', () => {
    const runs = insertRuns(groups(...Array(30).fill(5_000)), 2_000);
    const size = Math.floor(MAXIMUM_RUN_CELLS / 2_000);
    expectContiguous(runs, 150_000);
    expect(runs.every((run) => run.rows * 2_000 <= MAXIMUM_RUN_CELLS)).toBe(true);
    expect(runs[0].rows).toBe(size);
    expect(insertRuns(groups(500_000), 128)[0].rows).toBe(DUCKDB_ROW_GROUP_ROWS);
  });

  it('covers every row once whatever the row groups', () => {
    const sizes = Array.from({ length: 200 }, (_, i) => (i % 13 === 0 ? 0 : ((i * 7919) % 50_000) + 1));
    const total = sizes.reduce((a, b) => a + b, 0);
    const runs = insertRuns(groups(...sizes), 10, { runRows: 60_000 });
    expectContiguous(runs, total);
    const starts = sizes.map((_, g) => sizes.slice(0, g).reduce((a, b) => a + b, 0));
    for (const run of runs) {
      // The run's first row lies in its first group, its last row within its groups.
      expect(starts[run.firstGroup] + run.offset).toBe(run.startRow);
      expect(run.offset).toBeLessThan(Math.max(1, sizes[run.firstGroup]));
      const end = starts[run.firstGroup + run.groupCount - 1] + sizes[run.firstGroup + run.groupCount - 1];
      expect(end).toBeGreaterThanOrEqual(run.startRow + run.rows);
    }
  });

  it('names the rows and the row groups', () => {
    const run: InsertRun = { startRow: 245_760, rows: 245_760, firstGroup: 2, groupCount: 3, offset: 44_056, compressedBytes: 1 };
    expect(describeRun(run, 1_000_000, 11)).toBe('rows 245,761–491,520 of 1,000,000 (row groups 3–5 of 11)');
    expect(describeRun({ ...run, groupCount: 1 }, 1_000_000, 11)).toBe('rows 245,761–491,520 of 1,000,000 (row group 3 of 11)');
  });
});

describe('runReadOptions with parquet-wasm', () => {
  it('reads every row of a real Parquet file once, in order, run by run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'insert-runs-'));
    try {
      const path = join(dir, 'ids.parquet');
      const connection = await (await DuckDBInstance.create(':memory:')).connect();
      // Row groups of about 300,000 rows: runs start inside them and cross their ends.
      await connection.run(`COPY (SELECT i AS id FROM range(700000) t(i)) TO '${path}' (FORMAT parquet, ROW_GROUP_SIZE 300000)`);
      const layout = (await connection.runAndReadAll(`SELECT row_group_id, max(row_group_num_rows)::INTEGER AS n FROM parquet_metadata('${path}') GROUP BY 1 ORDER BY 1`)).getRowObjectsJson();
      connection.closeSync();
      expect(layout.length).toBeGreaterThan(1);
      const runs = insertRuns(layout.map((row) => ({ rows: Number(row.n), compressedBytes: 0 })), 1);
      expect(runs.some((run) => run.offset > 0 && run.groupCount > 1)).toBe(true);
      const bytes = new Uint8Array(readFileSync(path));
      let expected = 0;
      for (const run of runs) {
        const ids = tableFromIPC(readParquet(bytes, runReadOptions(run)).intoIPCStream()).getChild('id')!;
        expect(ids.length).toBe(run.rows);
        for (let i = 0; i < ids.length; i++) if (Number(ids.get(i)) !== expected + i) throw new Error(`run at ${run.startRow}: row ${i} is id ${ids.get(i)}, expected ${expected + i}`);
        expected += ids.length;
      }
      expect(expected).toBe(700_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
