import { expect, test } from '@playwright/test';
import { openFold, openRide } from './rideFixtures';
import { layoutProblems } from './rideLayout';

/**
 * The Ride page on a phone in the sunlight theme: the matrix and every gate on the first
 * screen, nothing wider than the screen, 48 px tap targets, even with the folds open; and a
 * new replay speed plays a stopped replay in one press.
 */
for (const width of [360, 390]) {
  test.describe(`${width} px phone`, () => {
    test.use({ viewport: { width, height: width === 360 ? 740 : 844 } });

    test(`ride on a ${width} px phone in sunlight: matrix and gates on one screen, no horizontal overflow, 48 px targets`, async ({ page }, testInfo) => {
      await page.addInitScript(() => document.documentElement.setAttribute('data-theme', 'sunlight'));
      await openRide(page);
      await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'sunlight'));
      await page.screenshot({ path: testInfo.outputPath(`ride-${width}-sunlight.png`) });
      expect(await layoutProblems(page)).toEqual({ outside: [], overflow: [], small: [] });
      for (const fold of ['Replay and ride files', 'Riders and profiles', 'Sensors', /^View:/]) await openFold(page, fold);
      const open = await layoutProblems(page);
      expect({ overflow: open.overflow, small: open.small }).toEqual({ overflow: [], small: [] });
    });
  });
}

test('a new speed on a replay that has ended plays it again without a second press', async ({ page }) => {
  await openRide(page);
  await openFold(page, 'Replay and ride files');
  await page.getByLabel('Speed').selectOption('100');
  await expect(page.getByTestId('replay-status')).toContainText('(playing)');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
});
