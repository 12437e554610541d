/**
 * Every file in the data folder (dataFolder(): --data DIR, by default ../shared/data) loads
 * through the app's DuckDB worker (the built app in headless Chromium, every outside request
 * refused) with the right row count. The expected counts come from each file itself by other
 * code paths: native DuckDB for Parquet, record counts for CSV and JSON lines, SheetJS in Node
 * for xlsx, Garmin's FIT SDK in Node for FIT, JSON.parse for JSON; no count is written here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import * as XLSX from 'xlsx';
import { Decoder, Stream } from '@garmin/fitsdk';
import { ensureBuilt, launchChromium, printTable, serveBuiltApp } from '../lib/builtApp';
import { dataFolder } from '../lib/dataFolder';
import { refuseOutsideRequests } from '../lib/outsideRequests';

const dataDir = dataFolder();

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) {
    console.log(`skipped: ${dir} does not exist`);
    return [];
  }
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(parquet|csv|xlsx|jsonl|json|fit)$/i.test(name) ? [path] : [];
  });
}

/** Non-empty CSV records, RFC 4180: a line break inside double quotes does not end a record. */
function csvRecords(text: string): number {
  let records = 0;
  let quoted = false;
  let empty = true;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (char === '\n' && !quoted) {
      if (!empty) records++;
      empty = true;
    } else if (char !== '\r' && char.trim() !== '') empty = false;
  }
  return empty ? records : records + 1;
}

async function expectedRows(path: string): Promise<number> {
  const lower = path.toLowerCase();
  if (lower.endsWith('.parquet')) {
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    const reader = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_parquet('${path}')`);
    return Number(reader.getRowObjects()[0].n);
  }
  if (lower.endsWith('.csv')) return csvRecords(readFileSync(path, 'latin1')) - 1;
  if (lower.endsWith('.jsonl')) return readFileSync(path, 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '').length;
  if (lower.endsWith('.xlsx')) {
    const workbook = XLSX.read(readFileSync(path));
    return XLSX.utils.sheet_to_json(workbook.Sheets[workbook.SheetNames[0]], { header: 1, blankrows: false }).length - 1;
  }
  if (lower.endsWith('.fit')) {
    const bytes = readFileSync(path);
    const decoder = new Decoder(Stream.fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)));
    return decoder.read().messages.recordMesgs?.length ?? 0;
  }
  const document = JSON.parse(readFileSync(path, 'utf8'));
  if (Array.isArray(document)) return document.length;
  if (document.resultSets) return document.resultSets[0].rowSet.length;
  const list = Object.values(document).find((value) => Array.isArray(value) && value.length > 0) as unknown[] | undefined;
  return list ? list.length : 1;
}

async function main(): Promise<number> {
  ensureBuilt();
  const preview = await serveBuiltApp({ port: Number(process.env.CHECK_PORT ?? 4181) });
  const browser = await launchChromium();
  const failures: string[] = [];
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await refuseOutsideRequests(context, preview.url);
    const page = await context.newPage();
    await page.goto(preview.url);
    const rows: Record<string, string | number>[] = [];
    for (const path of filesUnder(dataDir)) {
      const expected = await expectedRows(path);
      const before = await page.getByTestId('inspected-file').count();
      const alerts = await page.getByRole('alert').count();
      await page.getByLabel('Any CSV, Parquet, xlsx, JSON lines or FIT file', { exact: true }).last().setInputFiles(path);
      await page.waitForFunction(
        ([files, errors]) => document.querySelectorAll('[data-testid="inspected-file"]').length > files || document.querySelectorAll('[role="alert"]').length > errors,
        [before, alerts] as const,
        { timeout: 120_000 },
      );
      const summary = (await page.getByTestId('inspected-summary').first().textContent()) ?? '';
      const loaded = (await page.getByTestId('inspected-file').count()) > before ? Number(/^([\d,]+) rows/.exec(summary)?.[1].replaceAll(',', '') ?? NaN) : NaN;
      const seconds = /loaded in ([\d.]+) s/.exec(summary)?.[1] ?? '';
      const ok = loaded === expected;
      if (!ok) failures.push(`${relative(dataDir, path)}: expected ${expected} rows, loaded ${loaded} ${Number.isNaN(loaded) ? await page.getByRole('alert').last().textContent() : ''}`);
      rows.push({ file: relative(dataDir, path), expected, loaded: Number.isNaN(loaded) ? 'error' : loaded, seconds, ok: ok ? 'yes' : 'NO' });
    }
    printTable(rows);
  } finally {
    await browser.close();
    await preview.close();
  }
  for (const failure of failures) console.error(`FAIL ${failure}`);
  console.log(failures.length === 0 ? 'files: every shared file loaded with the right row count' : `files: ${failures.length} file(s) wrong`);
  return failures.length === 0 ? 0 : 1;
}

process.exit(await main());
