import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import * as XLSX from 'xlsx';
import { watchPageProblems } from './helpers';
import { matrixPoints, naiveNp, openFold, openRide, replayed, rideInput, upload, zScores } from './rideFixtures';

/**
 * Replay of the generated sample session through the live pipeline; the matrix's points are
 * checked against NP and z-scores computed here with a naive loop over the same xlsx files.
 */
interface Ride {
  name: string;
  time: number[];
  power: number[];
  gates: number[];
}

function readRide(path: string): Ride {
  const workbook = XLSX.read(readFileSync(path));
  const rows = (sheet: string) => XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets[sheet], { header: 1 });
  const power = rows('PowerData').slice(1);
  const wall0 = Number(power[0][1]);
  const segments = rows('Segments').slice(1);
  const gates = segments.map((s) => Number(s[1]));
  const last = segments[segments.length - 1];
  gates.push(Number(last[1]) + Number(last[2]));
  return { name: String(rows('Rider')[1][0]), time: power.map((r) => Number(r[1]) - wall0), power: power.map((r) => Number(r[2])), gates };
}

test('ride replay: the generated sample fills the matrix with NP and z-scores equal to a naive computation', async ({ page }) => {
  const { problems } = watchPageProblems(page);
  const rides = [1, 2, 3, 4].map((n) => readRide(join('public', 'samples', 'ride', `rider_0${n}.xlsx`)));
  await openRide(page);
  const points = await matrixPoints(page);
  const segments = rides[0].gates.length - 1;
  expect(points).toHaveLength(rides.length * segments);
  for (let s = 0; s < segments; s++) {
    const label = `${Math.floor(s / 5) + 1}.${(s % 5) + 1}`;
    const nps = rides.map((ride) => naiveNp(ride.time, ride.power, ride.gates[s], ride.gates[s + 1]));
    const zNp = zScores(nps);
    const zTime = zScores(rides.map((ride) => ride.gates[s + 1] - ride.gates[s]));
    rides.forEach((ride, r) => {
      const point = points.find((p) => p.rider === ride.name && p.segment === label)!;
      expect(point, `${ride.name} ${label}`).toBeTruthy();
      expect(point.np).toBeCloseTo(nps[r], 6);
      expect(point.y).toBeCloseTo(zNp[r], 6);
      expect(point.x).toBeCloseTo(zTime[r], 6);
    });
  }
  // Imported timing splits replace Rider 1's gates: segment 1.1 is now [0, 95) s.
  await openFold(page, 'Replay and ride files');
  await rideInput(page).setInputFiles(upload('splits.csv', 'Rider,Split\nRider 1,95\nRider 1,80\n'));
  await replayed(page, 'splits.csv');
  await expect.poll(async () => (await matrixPoints(page)).filter((p) => p.rider === 'Rider 1').length, { timeout: 10_000 }).toBe(2);
  const rider1 = (await matrixPoints(page)).find((p) => p.rider === 'Rider 1' && p.segment === '1.1')!;
  expect(rider1.np).toBeCloseTo(naiveNp(rides[0].time, rides[0].power, 0, 95), 6);
  expect(problems).toEqual([]);
});

test('ride bad input: wrong sheet names and a broken cell say what and where; the rest keeps working', async ({ page }) => {
  await openRide(page);
  await openFold(page, 'Replay and ride files');
  const wrong = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wrong, XLSX.utils.aoa_to_sheet([['', 'WallTime', 'InstantPower'], [0, 1000, 200]]), 'Power');
  await rideInput(page).setInputFiles(upload('wrong-sheets.xlsx', XLSX.write(wrong, { type: 'buffer', bookType: 'xlsx' })));
  await expect(page.getByRole('alert').filter({ hasText: 'wrong-sheets.xlsx' })).toContainText('"wrong-sheets.xlsx", sheet PowerData: sheet missing (found: Power)');
  // The earlier replay is untouched.
  await expect(page.getByTestId('matrix-point')).toHaveCount(60);
  await expect(page.getByTestId('replay-status')).toContainText('Sample session (generated)');

  const rows: (string | number)[][] = [['', 'WallTime', 'InstantPower', 'Cadence']];
  for (let i = 0; i < 120; i++) rows.push([i, 1_700_000_000 + i, i === 3 ? 'abc' : i === 7 ? 32767 : 200 + (i % 7), 85]);
  const broken = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(broken, XLSX.utils.aoa_to_sheet(rows), 'PowerData');
  XLSX.utils.book_append_sheet(broken, XLSX.utils.aoa_to_sheet([['Number', 'StartTime', 'Duration'], ['1.1', 0, 60], ['1.2', 60, 60]]), 'Segments');
  await rideInput(page).setInputFiles(upload('broken-cell.xlsx', XLSX.write(broken, { type: 'buffer', bookType: 'xlsx' })));
  await expect(page.getByRole('status').filter({ hasText: 'row 5' })).toContainText('"broken-cell.xlsx", sheet PowerData, row 5, column C (InstantPower): expected a number, got "abc"');
  await expect(page.getByRole('status').filter({ hasText: 'row 9' })).toContainText('"broken-cell.xlsx", sheet PowerData, row 9, column C (InstantPower): power 32,767 W is above 3,000 W; kept as a gap, not counted');
  await replayed(page, 'broken-cell.xlsx');
  await expect(page.getByTestId('matrix-point')).toHaveCount(2);
});

test('ride views: an invalid YAML file is refused with its line and field, the views stay', async ({ page }) => {
  await openRide(page);
  const yaml = ['views:', '  - name: Mine', '    xData: durationS', '    yData: normalizedPower', '    xLabel: Time', '    yLabel: NP', '    xScale: { min: low, max: 3 }', '    yScale: { min: null, max: null }', ''].join('\n');
  await openFold(page, /^View:/);
  await page.getByText('View sets (YAML)').click();
  await page.locator('input[type=file][aria-label="Views YAML file"]').setInputFiles(upload('bad-views.yaml', yaml));
  await expect(page.getByTestId('views-errors')).toContainText('bad-views.yaml: line 7, views[0].xScale.min: must be number or null');
  await expect(page.getByTestId('view-select').locator('option')).toHaveCount(3);
  const good = yaml.replace('min: low', 'min: -2').replace('Mine', 'Coach view');
  await page.locator('input[type=file][aria-label="Views YAML file"]').setInputFiles(upload('good-views.yaml', good));
  await expect(page.getByTestId('view-select').locator('option')).toHaveText(['Coach view']);
  await expect(page.getByTestId('views-errors')).toHaveCount(0);
});
