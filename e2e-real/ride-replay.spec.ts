import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import * as XLSX from 'xlsx';

/**
 * The shared field exports (../shared/data/cycling/replay) replayed together in the app; each
 * matrix point's NP must equal a naive 30-sample rolling loop computed here in Node over the
 * same workbook, and its y the z-score of those NPs across the riders of that segment.
 */
const dir = join(process.cwd(), '..', 'shared', 'data', 'cycling', 'replay');

interface Expected {
  rider: string;
  np: Map<string, number>;
}

function expectedFor(path: string): Expected {
  const workbook = XLSX.read(readFileSync(path));
  const rows = (s: string) => XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets[s], { header: 1, defval: null });
  const data = rows('PowerData').slice(1).filter((r) => r[1] !== null && r[1] !== '');
  const wall0 = Number(data[0][1]);
  const time = data.map((r) => Number(r[1]) - wall0);
  const power = data.map((r) => (r[2] === null || r[2] === '' ? NaN : Number(r[2])));
  const rolling = power.map(() => NaN);
  const ring: number[] = new Array(30).fill(0);
  let at = 0;
  power.forEach((p, i) => {
    if (Number.isNaN(p)) return; // not recorded: the ring does not move
    ring[at] = p;
    at = (at + 1) % 30;
    rolling[i] = ring.reduce((a, v) => a + v, 0) / 30;
  });
  const np = new Map<string, number>();
  for (const s of rows('Segments').slice(1)) {
    const start = Number(s[1]);
    const end = start + Number(s[2]);
    let sum = 0;
    let count = 0;
    for (let i = 0; i < time.length; i++) {
      if (time[i] >= start && time[i] < end && !Number.isNaN(rolling[i])) {
        sum += rolling[i] ** 4;
        count++;
      }
    }
    np.set(String(s[0]), (sum / count) ** 0.25);
  }
  const riderRow = rows('Rider')[1];
  return { rider: String(riderRow?.[0] ?? ''), np };
}

test('ride real replay: the shared exports replayed together give the NP of a naive loop for every segment', async ({ page }) => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort().map((f) => join(dir, f));
  const expected = files.map(expectedFor);
  await page.goto('/#/ride');
  await expect(page.getByTestId('replay-status')).toContainText('(replayed)', { timeout: 60_000 });
  await page.locator('input[type=file][aria-label^="Ride files"]').setInputFiles(files);
  await expect(page.getByTestId('replay-status')).toContainText('rider_', { timeout: 60_000 });
  await expect(page.getByTestId('replay-status')).toContainText('(replayed)', { timeout: 120_000 });
  const points = await page.getByTestId('matrix-point').evaluateAll((rows) =>
    rows.map((r) => ({ rider: r.getAttribute('data-rider')!, segment: r.getAttribute('data-segment')!, y: Number(r.getAttribute('data-y')), np: Number(r.getAttribute('data-np')) })),
  );
  const total = expected.reduce((a, e) => a + e.np.size, 0);
  expect(points).toHaveLength(total);
  let checked = 0;
  const table: string[] = [];
  expected.forEach((e, r) => {
    const name = e.rider || files[r].split('/').pop()!.replace('.xlsx', '');
    for (const [segment, np] of e.np) {
      const point = points.find((p) => p.rider === name && p.segment === segment);
      expect(point, `${name} ${segment}`).toBeTruthy();
      expect(Math.abs(point!.np - np) / np, `${name} ${segment}: app ${point!.np} vs naive ${np}`).toBeLessThan(1e-9);
      if (segment.endsWith('.1')) table.push(`${name.padEnd(16)} ${segment.padEnd(5)} app ${point!.np.toFixed(2)} W  naive ${np.toFixed(2)} W`);
      checked++;
    }
  });
  // y of the default view is the z-score of NP across the riders who rode that segment.
  const segments = new Set(points.map((p) => p.segment));
  for (const segment of segments) {
    const group = points.filter((p) => p.segment === segment);
    if (group.length < 2) continue;
    const mean = group.reduce((a, p) => a + p.np, 0) / group.length;
    const sd = Math.sqrt(group.reduce((a, p) => a + (p.np - mean) ** 2, 0) / (group.length - 1));
    for (const p of group) expect(p.y).toBeCloseTo((p.np - mean) / sd, 9);
  }
  console.log(`ride real replay: ${checked} segment NPs equal the naive loop\n${table.join('\n')}`);
});
