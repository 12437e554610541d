import { expect, test } from '@playwright/test';

test('the compute workers transfer data, survive a crash by retrying once, and cancel', async ({ page }) => {
  await page.goto('/#/settings');
  await expect(page.getByTestId('engine-info')).toContainText(/DuckDB v?\d+\.\d+/, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Check the compute workers' }).click();
  const lines = page.getByTestId('pool-check');
  await expect(lines).toHaveCount(3, { timeout: 60_000 });
  // 0..6 repeating over a million values: 142,857 full cycles of 21 plus 0 = 2,999,997.
  await expect(lines.nth(0)).toContainText('summed 1,000,000 values to 2,999,997');
  await expect(lines.nth(1)).toContainText('survived attempt 2 after a worker died (1 retried)');
  await expect(lines.nth(2)).toContainText('Task busy was cancelled');
});

test('Settings shows storage usage, quota and persistence', async ({ page }) => {
  await page.goto('/#/settings');
  await expect(page.getByTestId('storage-quota')).toHaveText(/\d+(\.\d)? (KB|MB|GB|TB)/);
  await expect(page.getByTestId('storage-usage')).toHaveText(/\d+(\.\d)? (B|KB|MB|GB)/);
  await expect(page.getByTestId('storage-persisted')).toHaveText(/yes|no/);
});
