import { expect, type Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import { fieldExportToSheets, type FieldExportRide } from '../src/core/power/index';

/** Shared steps of the Ride specs: the workspace opened and settled, its inputs, its points. */
export async function openRide(page: Page, path = '/#/ride'): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId('ride-heading')).toHaveAttribute('data-state', 'replayed', { timeout: 60_000 });
}

/** Waits until the replay of what was just dropped has run to its end (the label names the files). */
export async function replayed(page: Page, label: string | RegExp): Promise<void> {
  await expect(page.getByTestId('replay-status')).toContainText(label, { timeout: 60_000 });
  await expect(page.getByTestId('ride-heading')).toHaveAttribute('data-state', 'replayed', { timeout: 120_000 });
}

export const rideInput = (page: Page) => page.locator('input[type=file][aria-label^="Ride files"]');

/** Opens one of the folds under the cockpit (Replay and ride files, Riders and profiles, …). */
export async function openFold(page: Page, summary: string | RegExp): Promise<void> {
  const title = page.locator('.folds > details > summary', { hasText: summary });
  if ((await title.locator('xpath=..').getAttribute('open')) === null) await title.click();
}

export async function matrixPoints(page: Page) {
  return page.getByTestId('matrix-point').evaluateAll((rows) =>
    rows.map((r) => ({ rider: r.getAttribute('data-rider')!, segment: r.getAttribute('data-segment')!, x: Number(r.getAttribute('data-x')), y: Number(r.getAttribute('data-y')), np: Number(r.getAttribute('data-np')) })),
  );
}

/** A file for setInputFiles from text or bytes. */
export const upload = (name: string, data: string | Uint8Array) => ({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(data) });

export function fieldExportBuffer(ride: FieldExportRide): Buffer {
  const workbook = XLSX.utils.book_new();
  for (const [sheet, rows] of Object.entries(fieldExportToSheets(ride))) XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows), sheet);
  return XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

/** Coggan's NP by a naive loop: from the 30th recorded sample, the mean of the last 30, 4th-power mean in [start, end). */
export function naiveNp(time: readonly number[], power: readonly number[], start: number, end: number): number {
  let sum4 = 0;
  let count = 0;
  for (let i = 29; i < power.length; i++) {
    let window = 0;
    for (let k = i - 29; k <= i; k++) window += power[k];
    if (time[i] >= start && time[i] < end) {
      sum4 += (window / 30) ** 4;
      count++;
    }
  }
  return (sum4 / count) ** 0.25;
}

export function zScores(values: number[]): number[] {
  const mean = values.reduce((a, v) => a + v, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
  return values.map((v) => (v - mean) / sd);
}
