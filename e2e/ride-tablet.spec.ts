import { expect, test } from '@playwright/test';
import { openFold, openRide } from './rideFixtures';
import { layoutProblems } from './rideLayout';

/**
 * The coach at the course gate, on a tablet in sunlight: the matrix and the gate of every
 * rider on one screen without scrolling (landscape and portrait), 48 px targets, nothing
 * wider than the screen, chart text of at least 14 px in the page's text colour, the segment
 * table whole at 1024 and 1280 px, and a long rider name kept inside its gate.
 */
for (const viewport of [{ width: 1024, height: 768 }, { width: 768, height: 1024 }]) {
  test(`ride on a ${viewport.width}×${viewport.height} tablet in sunlight: one screen, 48 px targets, readable chart text`, async ({ page }, testInfo) => {
    await page.setViewportSize(viewport);
    await page.addInitScript(() => document.documentElement.setAttribute('data-theme', 'sunlight'));
    await openRide(page);
    await page.screenshot({ path: testInfo.outputPath(`ride-${viewport.width}x${viewport.height}.png`) });
    expect(await layoutProblems(page)).toEqual({ outside: [], overflow: [], small: [] });
    await expect(page.getByTestId('gate-button')).toHaveCount(4);
    // Each rider's latest segment is on the gate itself.
    await expect(page.getByTestId('latest-segment').first()).toContainText(/^3\.5 · \d+:\d\d · \d+ W/);
    const canvas = page.getByTestId('efficiency-matrix');
    await expect.poll(async () => Number(await canvas.getAttribute('data-font-px'))).toBeGreaterThanOrEqual(14);
    const text = await page.evaluate(() => getComputedStyle(document.body).color);
    await expect(canvas).toHaveAttribute('data-ink', text);
  });
}

for (const width of [1024, 1280]) {
  test(`the segment table keeps every column at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await openRide(page);
    await openFold(page, 'All segments (table)');
    const scroll = page.getByTestId('segment-table').locator('xpath=..');
    await expect(page.getByTestId('segment-table').locator('thead th')).toHaveCount(10);
    const size = await scroll.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(size.scroll).toBeLessThanOrEqual(size.client);
  });
}

test('a long rider name stays inside its gate button', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openRide(page);
  await openFold(page, 'Riders and profiles');
  const name = 'Maximilian Alexander von Hohenzollern-Sigmaringen the Younger';
  await page.getByTestId('rider-profile').first().getByLabel('Name').fill(name);
  await page.getByTestId('rider-profile').first().getByLabel('Name').press('Enter');
  const gate = page.getByTestId('gate-button').first();
  await expect(gate).toHaveAttribute('title', name);
  const fits = await gate.evaluate((button) => [...button.querySelectorAll('span')].every((span) => span.getBoundingClientRect().right <= button.getBoundingClientRect().right + 0.5));
  expect(fits).toBe(true);
  await page.evaluate(() => window.scrollTo(0, 0));
  expect((await layoutProblems(page)).overflow).toEqual([]);
});

for (const viewport of [{ width: 1024, height: 768 }, { width: 768, height: 1024 }, { width: 390, height: 844 }]) {
  test(`ten riders live on a ${viewport.width}×${viewport.height} screen: every gate and the matrix on it`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openRide(page, '/?sensor-test#/ride');
    await page.evaluate(() => {
      const feed = (window as unknown as { __tracksideSensorFeed: { addSensor(name: string): string } }).__tracksideSensorFeed;
      for (let i = 1; i <= 10; i++) feed.addSensor(`Power meter ${i}`);
    });
    await expect(page.getByTestId('gate-button')).toHaveCount(10);
    // The chart follows its box on the next frame (Chart.js's resize observer): poll, do not sleep.
    await expect.poll(() => layoutProblems(page)).toEqual({ outside: [], overflow: [], small: [] });
  });
}
