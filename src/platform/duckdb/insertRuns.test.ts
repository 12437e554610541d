import { describe, expect, it } from 'vitest';
import { DUCKDB_ROW_GROUP_ROWS, MAXIMUM_RUN_CELLS, describeRun, insertRuns } from './insertRuns';

const groups = (...rows: number[]) => rows.map((n, i) => ({ rows: n, compressedBytes: 10 * (i + 1) }));

describe('insertRuns', () => {
  it('joins small row groups until a run holds a DuckDB row group, in file order', () => {
    const runs = insertRuns(groups(...Array(11).fill(100_352)), 21);
    expect(runs.map((run) => [run.first, run.count])).toEqual([[0, 2], [2, 2], [4, 2], [6, 2], [8, 3]]);
    expect(runs.every((run) => run.rows >= DUCKDB_ROW_GROUP_ROWS)).toBe(true);
    expect(runs.reduce((sum, run) => sum + run.rows, 0)).toBe(11 * 100_352);
  });

  it('keeps a row group that is large enough alone', () => {
    const runs = insertRuns(groups(1_000_000, 122_880, 500_000), 21);
    expect(runs.map((run) => [run.first, run.count, run.rows])).toEqual([[0, 1, 1_000_000], [1, 1, 122_880], [2, 1, 500_000]]);
  });

  it('gives a short last run to the one before, and sums the compressed bytes that bound the decoder', () => {
    const runs = insertRuns(groups(130_000, 5_000, 1_000), 21);
    expect(runs).toEqual([{ first: 0, count: 3, rows: 136_000, compressedBytes: 60 }]);
  });

  it('reads a small file in one run, and an empty list in none', () => {
    expect(insertRuns(groups(500, 500, 500), 4)).toEqual([{ first: 0, count: 3, rows: 1_500, compressedBytes: 60 }]);
    expect(insertRuns([], 4)).toEqual([]);
  });

  it('covers every row group exactly once whatever the sizes', () => {
    const sizes = Array.from({ length: 200 }, (_, i) => ((i * 7919) % 50_000) + 1);
    const runs = insertRuns(groups(...sizes), 10, { minimumRows: 60_000, maximumCells: 1_000_000 });
    let next = 0;
    for (const run of runs) {
      expect(run.first).toBe(next);
      expect(run.rows).toBe(sizes.slice(run.first, run.first + run.count).reduce((a, b) => a + b, 0));
      next += run.count;
    }
    expect(next).toBe(sizes.length);
    // Every run but the last reached the minimum, or the next group would have passed the bound.
    runs.slice(0, -1).forEach((run, i) => {
      const nextGroup = sizes[runs[i + 1].first];
      expect(run.rows >= 60_000 || (run.rows + nextGroup) * 10 > 1_000_000).toBe(true);
    });
    expect(runs.every((run) => run.count === 1 || run.rows * 10 <= 1_000_000)).toBe(true);
  });

  it("does not join a wide file's small row groups into an insert of gigabytes", () => {
    // 2,000 columns in row groups of 5,000 rows: 10M cells a group, so two would pass the bound.
    const wide = insertRuns(groups(...Array(30).fill(5_000)), 2_000);
    expect(wide).toHaveLength(30);
    expect(wide.every((run) => run.count === 1)).toBe(true);
    // 200 columns: groups join up to the bound (15.7M cells: 15 groups of 5,000 rows), short of 122,880 rows.
    const middling = insertRuns(groups(...Array(30).fill(5_000)), 200);
    expect(middling.map((run) => run.count)).toEqual([15, 15]);
    expect(middling.every((run) => run.rows * 200 <= MAXIMUM_RUN_CELLS)).toBe(true);
    // A row group over the bound by itself is read alone, as its writer made it.
    expect(insertRuns(groups(50_000, 500_000, 50_000), 400).map((run) => run.count)).toEqual([1, 1, 1]);
  });

  it('names one row group or a span', () => {
    expect(describeRun({ first: 2, count: 1, rows: 1, compressedBytes: 1 }, 11)).toBe('row group 3 of 11');
    expect(describeRun({ first: 8, count: 3, rows: 1, compressedBytes: 1 }, 11)).toBe('row groups 9–11 of 11');
  });
});
