/**
 * Real-data check of the Ride metrics against what the head units computed themselves
 * (../shared/data/cycling/*.laps.json): session NP within 1 % and TSS within 2 % on the three
 * long rides; lap NP within 5 % on the 5-lap file for the laps no pause precedes (1.2, 1.3,
 * 1.5). Also reads each replay xlsx through fieldExportFromSheets. Exit 1 on any miss.
 * Run: npx tsx scripts/check-real/ride.ts
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { SessionModel, fieldExportFromSheets, normalizedPower, parseRideCsv, recordedPowerSeconds, trainingStressScore } from '../../src/core/power/index';
import { fitRide } from '../../src/platform/ride/fitRide';
import { ReplayClock } from '../../src/platform/ride/replayClock';

const dataDir = join(process.cwd(), '..', 'shared', 'data', 'cycling');

interface LapsJson {
  session: { start: string; NP?: number; TSS?: number; FTP?: number };
  laps: { Number: string; StartTime: string; EndTime: string; NP?: number }[];
}

interface Row {
  ride: string;
  metric: string;
  ours: number;
  theirs: number;
  tolerancePct: number | null;
}

const rows: Row[] = [];
const load = (name: string) => ({
  csv: parseRideCsv(readFileSync(join(dataDir, `${name}.csv`), 'utf8')),
  laps: JSON.parse(readFileSync(join(dataDir, `${name}.laps.json`), 'utf8')) as LapsJson,
});

for (const name of ['Karoo-Botley_BW_Swanmore_Wickham-2025-05-09-1238', 'SigmaRox11_1', 'Weather_XDATA_2016_02_06_13_01_22']) {
  const { csv, laps } = load(name);
  const ftp = laps.session.FTP!;
  const np = normalizedPower(csv.stream);
  const tss = trainingStressScore(np, ftp, recordedPowerSeconds(csv.stream));
  rows.push({ ride: name.slice(0, 28), metric: 'session NP', ours: np, theirs: laps.session.NP!, tolerancePct: 1 });
  rows.push({ ride: name.slice(0, 28), metric: `session TSS (FTP ${ftp})`, ours: tss, theirs: laps.session.TSS!, tolerancePct: 2 });
}

{
  const name = 'sweatpy_2020-06-01_short_5laps_pause';
  const { csv, laps } = load(name);
  const checked = new Set(['1.2', '1.3', '1.5']); // 1.4 follows the 32 s pause; 1.1 has no device NP
  for (const lap of laps.laps) {
    if (lap.NP === undefined) continue;
    const startTime = Date.parse(lap.StartTime) / 1000 - csv.startWallTime;
    const endTime = Date.parse(lap.EndTime) / 1000 - csv.startWallTime;
    const np = normalizedPower(csv.stream, { startTime, endTime });
    rows.push({ ride: 'sweatpy 5 laps, pause', metric: `lap ${lap.Number} NP [${startTime}, ${endTime}) s`, ours: np, theirs: lap.NP, tolerancePct: checked.has(lap.Number) ? 5 : null });
  }
}

{
  // The FIT file's own lap messages as gates: replayed through ReplayClock + SessionModel with
  // no taps, the 5 laps must land as segments 1.1–1.5 whose NP matches the device's laps.
  const name = 'sweatpy_2020-06-01_short_5laps_pause';
  const bytes = readFileSync(join(dataDir, `${name}.fit`));
  const ride = fitRide(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, `${name}.fit`);
  const laps = (JSON.parse(readFileSync(join(dataDir, `${name}.laps.json`), 'utf8')) as LapsJson).laps;
  const model = new SessionModel({ segmentsPerLap: ride.segmentsPerLap ?? 1 });
  new ReplayClock([{ riderId: 'fit', stream: ride.stream, gates: ride.gates }], {
    samples: (riderId, chunk) => model.appendSamples(riderId, chunk),
    gate: (riderId, time) => void model.addGate({ riderId, time }),
    reset: () => undefined,
    advanced: () => undefined,
  }).runToEnd();
  const segments = model.segments('fit');
  rows.push({ ride: 'sweatpy FIT replay', metric: 'segments from lap messages', ours: segments.length, theirs: laps.length, tolerancePct: 0 });
  const checked = new Set(['1.2', '1.3', '1.5']);
  for (const lap of laps) {
    const segment = segments.find((s) => s.segmentNumber === lap.Number);
    if (lap.NP === undefined) continue;
    rows.push({ ride: 'sweatpy FIT replay', metric: `segment ${lap.Number} NP (lap gates)`, ours: segment?.metrics.normalizedPower ?? NaN, theirs: lap.NP, tolerancePct: checked.has(lap.Number) ? 5 : null });
  }
}

const pct = (r: Row) => ((r.ours - r.theirs) / r.theirs) * 100;
const pad = (text: string, width: number) => text.padEnd(width);
console.log(`${pad('ride', 30)}${pad('metric', 32)}${pad('ours', 10)}${pad('theirs', 10)}${pad('diff %', 9)}result`);
let failures = 0;
for (const r of rows) {
  const diff = pct(r);
  const ok = r.tolerancePct === null || (Number.isFinite(diff) && Math.abs(diff) <= r.tolerancePct);
  if (!ok) failures++;
  const verdict = r.tolerancePct === null ? 'info (pause precedes)' : ok ? `ok (≤ ${r.tolerancePct} %)` : `MISS (> ${r.tolerancePct} %)`;
  console.log(`${pad(r.ride, 30)}${pad(r.metric, 32)}${pad(r.ours.toFixed(1), 10)}${pad(String(r.theirs), 10)}${pad(diff.toFixed(2), 9)}${verdict}`);
}

console.log('\nReplay exports through fieldExportFromSheets:');
const replayDir = join(dataDir, 'replay');
for (const file of readdirSync(replayDir).filter((f) => f.endsWith('.xlsx')).sort()) {
  try {
    const workbook = XLSX.read(readFileSync(join(replayDir, file)));
    const sheets = Object.fromEntries(workbook.SheetNames.map((n) => [n, XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets[n], { header: 1 })]));
    const { ride, issues } = fieldExportFromSheets(sheets);
    const laps = new Set(ride.segments.map((s) => s.segmentNumber.split('.')[0])).size;
    console.log(
      `  ${pad(file, 20)} rider "${ride.rider.name}", ${ride.stream.time.length} rows, ${ride.segments.length} segments in ${laps} laps, ` +
        `NP ${normalizedPower(ride.stream).toFixed(1)} W, ${issues.length} cell issues`,
    );
    if (ride.stream.time.length === 0 || ride.segments.length === 0) failures++;
  } catch (error) {
    failures++;
    console.log(`  ${pad(file, 20)} FAILED: ${(error as Error).message}`);
  }
}

console.log(failures === 0 ? '\nall ride checks passed' : `\n${failures} ride check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
