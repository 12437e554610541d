import { expect, test, type Page } from '@playwright/test';

/** A live session (test sensor through the sensor-test seam) survives a reload and carries on. */
type Feed = { addSensor(name: string): string; push(id: string, kind: string, bytes: number[]): void };

async function stream(page: Page, sensorId: string, seconds: number): Promise<void> {
  await page.evaluate(
    async ({ sensorId, packets }) => {
      const feed = (window as unknown as { __tracksideSensorFeed: Feed }).__tracksideSensorFeed;
      for (let i = 0; i < packets; i++) {
        feed.push(sensorId, 'power', [0x00, 0x00, 200 + (i % 5) * 10, 0x00]);
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    { sensorId, packets: seconds * 4 },
  );
}

const samplesShown = async (page: Page) => Number(/(\d+) samples/.exec((await page.getByTestId('ride-mode').textContent()) ?? '')?.[1] ?? NaN);

test('ride resume: samples and gates recorded before a reload are there after it, and the session carries on', async ({ page }) => {
  await page.goto('/?sensor-test#/ride');
  await expect(page.getByTestId('replay-status')).toContainText('(replayed)', { timeout: 60_000 });
  const sensorId = await page.evaluate(() => (window as unknown as { __tracksideSensorFeed: Feed }).__tracksideSensorFeed.addSensor('Bench meter'));
  await expect(page.getByTestId('gate-button')).toHaveText(/Bench meter/);
  await page.keyboard.press('1');
  await stream(page, sensorId, 3);
  await page.keyboard.press('1');
  await expect(page.getByTestId('segment-table').locator('tbody tr')).toHaveCount(1);
  // Let the last bin close and the recorder write its once-a-second chunk.
  await page.waitForTimeout(1600);
  const recorded = await samplesShown(page);
  expect(recorded).toBeGreaterThanOrEqual(3);

  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Resumed' })).toContainText(`with ${recorded} recorded samples`);
  await expect(page.getByTestId('ride-mode')).toContainText(`Live session — ${recorded} samples`);
  await expect(page.getByTestId('segment-table').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('session').first()).toContainText('recording');

  // The same sensor comes back to the same rider and the session goes on.
  const again = await page.evaluate(() => (window as unknown as { __tracksideSensorFeed: Feed }).__tracksideSensorFeed.addSensor('Bench meter'));
  await stream(page, again, 2);
  await page.keyboard.press('1');
  await expect(page.getByTestId('segment-table').locator('tbody tr')).toHaveCount(2);
  await expect.poll(() => samplesShown(page)).toBeGreaterThan(recorded);
  await expect(page.getByTestId('rider-profile')).toHaveCount(1);
});

test('a live session goes on while the coach looks at another page, and is recorded once', async ({ page }) => {
  await page.goto('/?sensor-test#/ride');
  await expect(page.getByTestId('replay-status')).toContainText('(replayed)', { timeout: 60_000 });
  const sensorId = await page.evaluate(() => (window as unknown as { __tracksideSensorFeed: Feed }).__tracksideSensorFeed.addSensor('Away meter'));
  await expect(page.getByTestId('gate-button')).toHaveText(/Away meter/);
  await stream(page, sensorId, 2);
  await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/#\/settings/);
  await stream(page, sensorId, 3);
  await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Ride' }).click();
  await expect(page.getByTestId('ride-mode')).toContainText('Live session');
  // The seconds streamed while away were recorded: 5 s in all, written by one recorder.
  await expect.poll(() => samplesShown(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
  await expect(page.getByTestId('session')).toHaveCount(1);
  await expect(page.getByTestId('gate-button')).toHaveCount(1);
  // The same sensor, still connected, carries on: one hub, one recorder.
  await stream(page, sensorId, 2);
  await expect.poll(() => samplesShown(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(6);
});

test('ending a live session opens it as a replay: its segments stay on screen and it replays offline', async ({ page }) => {
  await page.goto('/?sensor-test#/ride');
  await expect(page.getByTestId('replay-status')).toContainText('(replayed)', { timeout: 60_000 });
  const sensorId = await page.evaluate(() => (window as unknown as { __tracksideSensorFeed: Feed }).__tracksideSensorFeed.addSensor('End meter'));
  await expect(page.getByTestId('gate-button')).toHaveText(/End meter/);
  await page.keyboard.press('1');
  await stream(page, sensorId, 3);
  await page.keyboard.press('1');
  await expect(page.getByTestId('latest-segment')).toContainText('1.1 ·');
  await page.getByRole('button', { name: 'End session' }).click();
  await expect(page.getByTestId('replay-status')).toContainText(/^Session .*\(replayed\)$/);
  await expect(page.getByTestId('latest-segment')).toContainText('1.1 ·');
  await expect(page.getByTestId('session')).not.toContainText('recording');
});
