import { expect, test } from '@playwright/test';
import { generateRideSession } from '../src/core/generate/rides';
import { fitActivityFile } from '../src/core/generate/rideFitFile';
import { ergomoCsv, headUnitCsv, lapsJson, lapsOf, powertapCsv } from '../src/core/generate/rideTextFiles';
import { pwxXml, tcxXml } from '../src/core/generate/rideXmlFiles';
import { watchPageProblems } from './helpers';
import { matrixPoints, openFold, openRide, replayed, rideInput, upload } from './rideFixtures';

/**
 * Every ride file a coach has, dropped on the Ride page: each replays with its laps as
 * segments (decoded in the compute pool), a ride without laps is offered a cut, one rider is
 * compared with their own laps and told so, a new FTP recomputes every segment at once, and
 * bad files are named with their row, sample or reason while the rest keeps working.
 */
const [ride] = generateRideSession({ riders: 1, laps: 3, segmentsPerLap: 2, seed: 31 });
const laps = lapsOf(ride, 'lap');
const gate = (page: import('@playwright/test').Page) => page.getByTestId('latest-segment');

test('each format replays with its laps as segments: GoldenCheetah CSV, ergomo, PWX, TCX, FIT, a ride CSV with its laps file', async ({ page }) => {
  const { problems } = watchPageProblems(page);
  await openRide(page);
  await openFold(page, 'Replay and ride files');
  const files = [
    { label: 'gc.csv', files: [upload('gc.csv', powertapCsv(ride, laps))], laps: 3 },
    { label: 'ergomo.csv', files: [upload('ergomo.csv', ergomoCsv(ride, [laps[0], laps[2]]))], laps: 2 },
    { label: 'ride.pwx', files: [upload('ride.pwx', pwxXml(ride, laps))], laps: 3 },
    { label: 'ride.tcx', files: [upload('ride.tcx', tcxXml(ride, laps))], laps: 3 },
    { label: 'ride.fit', files: [upload('ride.fit', fitActivityFile(ride, laps))], laps: 3 },
    { label: 'unit.csv', files: [upload('unit.csv', headUnitCsv(ride)), upload('unit.laps.json', lapsJson(ride, laps))], laps: 3 },
  ];
  for (const { label, files: dropped, laps: expected } of files) {
    await rideInput(page).setInputFiles(dropped);
    await replayed(page, label);
    await expect.poll(async () => (await matrixPoints(page)).length, { message: label }).toBe(expected);
    await expect(gate(page)).toContainText(`Lap ${expected} ·`);
  }
  // The FIT file carries the rider's FTP: no prompt, and IF on the gate.
  await rideInput(page).setInputFiles(upload('ride.fit', fitActivityFile(ride, laps)));
  await replayed(page, 'ride.fit');
  await expect(page.getByTestId('ftp-prompt')).toHaveCount(0);
  await expect(gate(page)).toContainText(' · IF ');
  await expect(page.getByTestId('loaded-rides')).toHaveText(`ride.fit: FIT activity, ${ride.stream.time.length.toLocaleString('en')} samples, 3 lap messages`);
  expect(problems).toEqual([]);
});

test('one rider without laps: offered a cut, cut every 5 minutes, the laps compared with each other and the screen says so', async ({ page }) => {
  await openRide(page);
  await openFold(page, 'Replay and ride files');
  await rideInput(page).setInputFiles(upload('Ana.csv', headUnitCsv(ride)));
  await replayed(page, 'Ana.csv');
  await expect(page.getByTestId('cut-offer')).toContainText('Ana: no laps to compare');
  await expect(page.getByTestId('matrix-point')).toHaveCount(0);
  await page.getByRole('button', { name: 'Cut by time' }).click();
  await replayed(page, 'Ana.csv');
  const samples = ride.stream.time.length;
  const pieces = Math.floor(samples / 300) + (samples % 300 >= 150 ? 1 : 0);
  await expect(page.getByTestId('matrix-point')).toHaveCount(pieces);
  await expect(page.getByTestId('scope-reason')).toHaveText('One rider: Ana’s laps compared with each other.');
  const points = await matrixPoints(page);
  expect(points.some((p) => Math.abs(p.y) > 0.1)).toBe(true);
  await expect(page.getByTestId('cut-offer')).toHaveCount(0);
  await expect(page.getByTestId('loaded-rides')).toContainText('Ana.csv: ride CSV');
  await expect(page.getByTestId('loaded-rides')).toContainText('cut every 5 min');
});

test('a rider without FTP is prompted on the card; a new FTP recomputes IF and TSS of every segment at once', async ({ page }) => {
  await openRide(page);
  await openFold(page, 'Replay and ride files');
  const lapsCsv = ['Lap,Start,End', ...laps.map((l, i) => `${i + 1},${l.startTime},${l.endTime}`)].join('\n');
  await rideInput(page).setInputFiles([upload('Ben.csv', headUnitCsv(ride)), upload('Ben_laps.csv', lapsCsv)]);
  await replayed(page, 'Ben.csv');
  await expect(page.getByTestId('ftp-prompt')).toBeVisible();
  await page.getByTestId('ftp-prompt').click();
  await expect(page.getByTestId('rider-ftp-prompt')).toContainText('Enter Ben’s FTP to see IF and TSS');
  const ftp = page.getByTestId('rider-profile').getByLabel('FTP W');
  await expect(ftp).toBeFocused();
  await ftp.fill('250');
  await ftp.press('Enter');
  await expect(page.getByTestId('ftp-prompt')).toHaveCount(0);
  await openFold(page, 'All segments (table)');
  const table = page.getByTestId('segment-table');
  await expect(table.locator('thead th')).toContainText(['Rider', 'Segment', 'Time', 'Avg W', 'NP W', 'IF', 'TSS']);
  const cells = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent!.trim())));
  expect(cells).toHaveLength(3);
  // IF shown to 2 decimals, NP to the watt: NP / 250 within their rounding.
  for (const row of cells) expect(Math.abs(Number(row[5]) - Number(row[4]) / 250)).toBeLessThan(0.008);
  await expect(page.getByTestId('replay-status')).toContainText('(replayed)');
});

test('bad ride files are named with the row, the sample or the reason, and what loaded stays', async ({ page }) => {
  await openRide(page);
  await openFold(page, 'Replay and ride files');
  // Issue 13, defect 7: these cells were counted (0x1F4 as 500 W, 99,999 W averaged in).
  const csv = ['ElapsedS,InstantPower', ...Array.from({ length: 120 }, (_, i) => `${i},${i === 10 ? '99999' : i === 20 ? '0x1F4' : i === 30 ? '1e999' : 200}`)].join('\n');
  await rideInput(page).setInputFiles(upload('spiky.csv', csv));
  await replayed(page, 'spiky.csv');
  await expect(page.getByRole('status').filter({ hasText: 'row 12' })).toContainText('"spiky.csv", row 12, column InstantPower: power 99,999 W is above 3,000 W; kept as a gap, not counted');
  await expect(page.getByRole('status').filter({ hasText: 'row 22' })).toContainText('expected a number, got "0x1F4"; kept as a gap');
  await expect(page.getByRole('status').filter({ hasText: 'row 32' })).toContainText('"1e999" is too large to be a measurement');
  const fit = fitActivityFile(ride, laps);
  await rideInput(page).setInputFiles(upload('cut.fit', fit.slice(0, Math.floor(fit.length / 3))));
  await replayed(page, 'cut.fit');
  await expect(page.getByRole('status').filter({ hasText: 'cut.fit' })).toContainText('"cut.fit" ends early:');
  const flipped = fit.slice();
  flipped[Math.floor(flipped.length / 2)] ^= 0x10;
  await rideInput(page).setInputFiles(upload('flipped.fit', flipped));
  await expect(page.getByRole('alert').filter({ hasText: 'flipped.fit' })).toContainText('"flipped.fit" is damaged: its checksum does not match its content');
  await expect(page.getByTestId('replay-status')).toContainText('cut.fit');
});
