import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

test('a newly deployed version is offered as a reload, not forced', async ({ page }) => {
  await page.goto('/');
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated', undefined, { timeout: 60_000 });
  await expect(page.getByText('A new version of Trackside is ready')).toHaveCount(0);

  // "Deploy" a new version: the served service worker script changes by a byte.
  const swPath = join(process.cwd(), 'dist', 'sw.js');
  const original = readFileSync(swPath, 'utf8');
  try {
    appendFileSync(swPath, `\n// deployed ${Date.now()}\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const banner = page.getByRole('status').filter({ hasText: 'A new version of Trackside is ready' });
    await expect(banner).toBeVisible({ timeout: 60_000 });
    // The page stays as it is until the user chooses; "Later" dismisses the offer.
    await expect(page.getByRole('heading', { name: 'Trackside', level: 1 })).toBeVisible();
    await banner.getByRole('button', { name: 'Later' }).click();
    await expect(banner).toHaveCount(0);
  } finally {
    writeFileSync(swPath, original);
  }
});
