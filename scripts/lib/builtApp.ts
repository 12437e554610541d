/**
 * The built app in headless Chromium, for the real-data checks and the benchmarks: build if
 * needed, serve dist/ from this process (previewServer.ts), launch Debian's Chromium with the
 * project's flags.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../playwright.config';

export { ensureBuilt, serveBuiltApp, type ServedApp } from './previewServer';

export function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium is missing at ${chromiumPath}: run node scripts/ensure-chromium.mjs`);
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

/** Prints rows as an aligned text table. */
export function printTable(rows: Record<string, string | number>[]): void {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  console.log(line(columns));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(columns.map((column) => String(row[column]))));
}
