/**
 * Ride on real data: every ride file of the data folder (cycling/*.fit, *.csv, *.pwx, *.tcx
 * and cycling/replay/*.xlsx) replays through the workspace's own engine (RideEngine, the
 * decoder the compute pool runs, called in-process) and is checked against what the folder
 * itself says: the head unit's NP, IF and TSS and its laps (`<ride>.laps.json`, put beside the
 * ride as a coach would drop it), a field export's Segments sheet, an ergomo file's INTERVAL
 * runs, and a naive 30 s ring computed here. A file the folder lacks is skipped with a line.
 * Run: npm run check:real -- --data DIR ride
 */
import 'fake-indexeddb/auto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { RideEngine, type RideFileInput } from '../../src/platform/ride/rideEngine';
import { decodeRideFile } from '../../src/platform/ride/rideFileDecoder';
import { dataFiles, dataFolder } from '../lib/dataFolder';
import { printTable } from '../lib/builtApp';
import { naiveNp, readErgomo, readFieldExport, readHeadUnitLaps } from '../lib/rideReference';

interface Row {
  file: string;
  check: string;
  ours: number;
  theirs: number;
  /** Relative tolerance in %, 0 for an exact count, null for information only. */
  tolerancePct: number | null;
}
const rows: Row[] = [];
const failures: string[] = [];

const input = (path: string): RideFileInput => ({ name: basename(path), arrayBuffer: async () => { const b = readFileSync(path); return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer; } });

/** Replays files together through a fresh engine, to the end; fails the check on any refusal. */
async function replay(paths: string[]) {
  const engine = new RideEngine({ decode: async (file) => decodeRideFile(file) });
  const report = await engine.importFiles(paths.map(input));
  for (const { fileName, error } of report.refused) failures.push(`${fileName} refused: ${(error as Error).message}`);
  engine.replayToEnd();
  return { engine, report };
}

const rideFiles = dataFiles('cycling', (name) => /\.(fit|csv|pwx|tcx)$/i.test(name));
for (const path of rideFiles) {
  const name = basename(path);
  const lapsPath = path.replace(/\.[^.]+$/, '.laps.json');
  const ergomo = name.toLowerCase().endsWith('.csv') ? readErgomo(path) : null;
  if (ergomo) {
    // No head-unit summary: the INTERVAL runs and a naive NP over the file's own POWER column.
    const { engine } = await replay([path]);
    const segments = engine.segments();
    rows.push({ file: name, check: 'INTERVAL runs as segments', ours: segments.length, theirs: ergomo.intervals.length, tolerancePct: 0 });
    ergomo.intervals.forEach((interval, i) => {
      rows.push({ file: name, check: `interval ${i + 1} NP`, ours: segments[i]?.metrics.normalizedPower ?? NaN, theirs: naiveNp(ergomo.time, ergomo.power, 1, interval.start, interval.end), tolerancePct: 1e-6 });
    });
    continue;
  }
  if (!existsSync(lapsPath)) {
    console.log(`skipped: ${basename(lapsPath)} is not in ${dataFolder()}/cycling (no head-unit values for ${name})`);
    continue;
  }
  const head = readHeadUnitLaps(lapsPath);
  // A CSV has no laps of its own: the coach drops the head unit's laps file beside it. A FIT carries its laps.
  const { engine } = await replay(name.toLowerCase().endsWith('.fit') ? [path] : [path, lapsPath]);
  const rider = engine.riders[0];
  if (head.session.FTP !== undefined && rider.ftp !== head.session.FTP) await engine.updateRider(rider.id, { ftp: head.session.FTP });
  const summary = engine.riders[0].ride!;
  if (head.session.NP === undefined) console.log(`skipped: ${basename(lapsPath)} has no head-unit NP (${name} replayed: ${rider.ride?.durationS ?? 0} s)`);
  else rows.push({ file: name, check: 'session NP', ours: summary.normalizedPower, theirs: head.session.NP, tolerancePct: 1 });
  // A TSS written with fewer than three significant digits (1.1) is rounded by more than 2 %: shown, not judged.
  const precise = head.session.TSS !== undefined && Math.abs(head.session.TSS) >= 10;
  if (head.session.TSS !== undefined) rows.push({ file: name, check: `session TSS (FTP ${head.session.FTP})${precise ? '' : ', 2 digits'}`, ours: summary.trainingStressScore, theirs: head.session.TSS, tolerancePct: precise ? 2 : null });
  const segments = engine.segments();
  rows.push({ file: name, check: 'laps as segments', ours: segments.length, theirs: head.laps.length, tolerancePct: 0 });
  if (head.laps.length < 2) {
    // No laps to compare (none, or the whole ride): the workspace offers to cut it, and does.
    const offered = engine.cutOffer !== null;
    rows.push({ file: name, check: 'offers to cut a ride without laps', ours: offered ? 1 : 0, theirs: 1, tolerancePct: 0 });
    engine.cutRides({ by: 'time', everyS: 300 });
    engine.replayToEnd();
    const n = Math.round(summary.recordedS / rider.sampleIntervalS);
    rows.push({ file: name, check: 'pieces when cut every 5 min', ours: engine.segments().length, theirs: Math.floor(n / 300) + (n % 300 >= 150 ? 1 : 0), tolerancePct: 0 });
  }
  const start = Date.parse(head.session.start ?? '') / 1000;
  head.laps.forEach((lap, i) => {
    if (lap.NP === undefined || !segments[i]) return;
    // A lap that follows a recording pause starts the device's own lap NP afresh; ours keeps the ring (see README): information only.
    const afterPause = i > 0 && Date.parse(lap.StartTime) > Date.parse(head.laps[i - 1].EndTime) + 1000;
    const label = `lap ${lap.Number} NP${afterPause ? ' (after a pause)' : ''}`;
    rows.push({ file: name, check: label, ours: segments[i].metrics.normalizedPower, theirs: lap.NP, tolerancePct: afterPause || Number.isNaN(start) ? null : 1 });
  });
}

for (const path of dataFiles('cycling/replay', (name) => name.toLowerCase().endsWith('.xlsx'))) {
  const name = basename(path);
  const sheet = readFieldExport(path);
  const { engine } = await replay([path]);
  const segments = engine.segments();
  rows.push({ file: `replay/${name}`, check: 'Segments rows as segments', ours: segments.length, theirs: sheet.segments.length, tolerancePct: 0 });
  let worst = 0;
  sheet.segments.forEach((s, i) => {
    const naive = naiveNp(sheet.time, sheet.power, 1, s.start, s.end);
    worst = Math.max(worst, Math.abs((segments[i]?.metrics.normalizedPower ?? NaN) - naive) / naive);
  });
  rows.push({ file: `replay/${name}`, check: 'segment NP vs naive loop (worst)', ours: worst * 100, theirs: 0, tolerancePct: null });
  if (!(worst < 1e-9)) failures.push(`replay/${name}: a segment NP differs from the naive loop by ${(worst * 100).toExponential(2)} %`);
}

const table = rows.map((r) => {
  const diff = r.theirs === 0 ? r.ours - r.theirs : ((r.ours - r.theirs) / r.theirs) * 100;
  const ok = r.tolerancePct === null || (Number.isFinite(diff) && Math.abs(diff) <= r.tolerancePct);
  if (!ok) failures.push(`${r.file}: ${r.check} ${r.ours} against ${r.theirs}`);
  const verdict = r.tolerancePct === null ? 'info' : ok ? (r.tolerancePct === 0 ? 'ok (equal)' : `ok (≤ ${r.tolerancePct} %)`) : `MISS (> ${r.tolerancePct} %)`;
  return { file: r.file.slice(0, 44), check: r.check, ours: Number.isInteger(r.ours) ? r.ours : r.ours.toFixed(2), theirs: r.theirs, 'diff %': r.theirs === 0 ? '' : diff.toFixed(2), result: verdict };
});
console.log(`Ride on ${join(dataFolder(), 'cycling')}: ${rideFiles.length} ride files and the replay exports`);
printTable(table);
if (rows.length === 0) console.log('skipped: no ride files in the data folder');
console.log(failures.length === 0 ? '\nall ride checks passed' : `\n${failures.length} ride check(s) failed:\n  ${failures.join('\n  ')}`);
process.exit(failures.length === 0 ? 0 : 1);
