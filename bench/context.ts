import type { Browser, Page } from '@playwright/test';

/** One measured figure, printed side by side with the reference it is compared to. */
export interface BenchRow {
  suite: string;
  case: string;
  /** What this figure is, e.g. 'ms', 'events/s'. */
  unit: string;
  value: number;
  /** The reference measured in the same run (native DuckDB, a bare loop, the bare parse). */
  reference?: { label: string; value: number };
  note?: string;
}

export interface BenchContext {
  /** Command-line options: --file PATH, --rows N, --only SUITE, --quick. */
  options: { file: string | null; rows: number; quick: boolean };
  /** The built app served locally (started on first use). */
  appUrl(): Promise<string>;
  browser(): Promise<Browser>;
  /** A fresh page of the built app with every outside request refused. */
  newAppPage(path?: string): Promise<Page>;
  /** The generated race-results files of `rows` rows (made once, cached in .cache/bench). */
  generatedResults(rows: number): Promise<{ parquet: string; csv: string; sanctions: string }>;
}

export interface BenchSuite {
  name: string;
  run(context: BenchContext): Promise<BenchRow[]>;
}

/** Median of repeated timings, the figure we report on a noisy machine. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
