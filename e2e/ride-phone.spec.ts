import { expect, test } from '@playwright/test';

/**
 * The Ride page on a 360 px phone in the sunlight theme: nothing wider than the screen, tap
 * targets at least 44 px, and a new replay speed plays a stopped replay in one press.
 */
test.use({ viewport: { width: 360, height: 740 } });

test('ride on a 360 px phone in sunlight: no horizontal overflow, 44 px tap targets', async ({ page }, testInfo) => {
  await page.addInitScript(() => document.documentElement.setAttribute('data-theme', 'sunlight'));
  await page.goto('/#/ride');
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'sunlight'));
  await expect(page.getByTestId('replay-status')).toContainText('(replayed)', { timeout: 60_000 });
  await page.screenshot({ path: testInfo.outputPath('ride-360-sunlight.png'), fullPage: true });
  await page.getByLabel('Efficiency matrix', { exact: true }).first().screenshot({ path: testInfo.outputPath('ride-360-sunlight-matrix.png') });
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 && !el.closest('.table-scroll'))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
      .slice(0, 5),
  );
  expect(wide).toEqual([]);
  const overflow = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('main button, main select, main input[type=range], main summary')]
      .filter((el) => (el as HTMLElement).offsetParent !== null && el.getBoundingClientRect().height < 44)
      .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" ${el.getBoundingClientRect().height.toFixed(0)} px`),
  );
  expect(small).toEqual([]);
});

test('a new speed on a replay that has ended plays it again without a second press', async ({ page }) => {
  await page.goto('/#/ride');
  await expect(page.getByTestId('replay-status')).toContainText('(replayed)', { timeout: 60_000 });
  await page.getByLabel('Speed').selectOption('100');
  await expect(page.getByTestId('replay-status')).toContainText('(playing)');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
});
