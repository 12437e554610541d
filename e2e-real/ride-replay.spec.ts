import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { dataFiles } from '../scripts/lib/dataFolder';
import { naiveNp, readErgomo, readFieldExport, readHeadUnitLaps } from '../scripts/lib/rideReference';
import { matrixPoints, openFold, openRide, replayed, rideInput } from '../e2e/rideFixtures';

/**
 * The real rides of the data folder (TRACKSIDE_DATA, default ../shared/data) dropped on the
 * Ride page as a coach would: every expectation is read from the folder itself — a field
 * export's Segments sheet and power (naive Coggan NP here), the head unit's `*.laps.json`, an
 * ergomo file's INTERVAL runs. A file the folder lacks is skipped with a line saying so.
 */
const exports = dataFiles('cycling/replay', (name) => name.toLowerCase().endsWith('.xlsx'));
const rides = dataFiles('cycling', (name) => /\.(fit|csv)$/i.test(name));

async function drop(page: Page, paths: string[]): Promise<void> {
  await openRide(page);
  await openFold(page, 'Replay and ride files');
  await rideInput(page).setInputFiles(paths);
  await replayed(page, basename(paths[0]));
}

test('the field exports replayed together: every segment’s NP equals a naive loop over the same workbook', async ({ page }) => {
  test.skip(exports.length === 0, 'skipped: no cycling/replay/*.xlsx in the data folder');
  const expected = exports.map(readFieldExport);
  await drop(page, exports);
  const points = await matrixPoints(page);
  expect(points).toHaveLength(expected.reduce((n, e) => n + e.segments.length, 0));
  let checked = 0;
  expected.forEach((e, r) => {
    const name = e.rider || basename(exports[r], '.xlsx');
    for (const segment of e.segments) {
      const point = points.find((p) => p.rider === name && p.segment === segment.number);
      expect(point, `${name} ${segment.number}`).toBeTruthy();
      const np = naiveNp(e.time, e.power, 1, segment.start, segment.end);
      expect(Math.abs(point!.np - np) / np, `${name} ${segment.number}: app ${point!.np} vs naive ${np}`).toBeLessThan(1e-9);
      checked++;
    }
  });
  console.log(`ride real replay: ${checked} segment NPs of ${exports.length} field exports equal the naive loop`);
});

for (const path of rides) {
  const name = basename(path);
  const lapsPath = path.replace(/\.[^.]+$/, '.laps.json');
  const ergomo = name.toLowerCase().endsWith('.csv') ? readErgomo(path) : null;
  test(`${name} replays in the app: laps as segments, the head unit’s NP`, async ({ page }) => {
    if (ergomo) {
      await drop(page, [path]);
      await expect.poll(async () => (await matrixPoints(page)).length).toBe(ergomo.intervals.length);
      return;
    }
    test.skip(!existsSync(lapsPath), `skipped: ${basename(lapsPath)} is not in the data folder`);
    const head = readHeadUnitLaps(lapsPath);
    // A CSV has no laps of its own: its laps file goes beside it. A FIT carries them.
    await drop(page, name.toLowerCase().endsWith('.fit') ? [path] : [path, lapsPath]);
    // Counted in the segment table: a lap inside the ride's first 30 s has no NP (as on the head unit), so no point in the matrix.
    if (head.laps.length >= 2) await expect(page.getByTestId('segment-table').locator('tbody tr')).toHaveCount(head.laps.length);
    else await expect(page.getByTestId('cut-offer')).toContainText('no laps to compare');
    if (head.session.NP === undefined) return console.log(`skipped: ${basename(lapsPath)} has no head-unit NP`);
    await openFold(page, 'Riders and profiles');
    const summary = (await page.getByTestId('rider-summary').textContent()) ?? '';
    const np = Number(/NP (\d+) W/.exec(summary)?.[1]);
    expect(Math.abs(np - head.session.NP) / head.session.NP, `${name}: app NP ${np} W, head unit ${head.session.NP} W`).toBeLessThanOrEqual(0.01);
  });
}
