import { expect, test } from '@playwright/test';
import { fixture, inspectFiles } from './helpers';

test('after the first visit the page is controlled by the service worker and works offline', async ({ page, context }) => {
  await page.goto('/');
  // First visit online: the service worker installs and precaches everything, wasm included.
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated', undefined, { timeout: 60_000 });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const urls: string[] = [];
    for (const name of names) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    return urls;
  });
  expect(cached.some((url) => /duckdb-eh.*\.wasm$/.test(url))).toBe(true);
  expect(cached.some((url) => /parquet_wasm_bg.*\.wasm$/.test(url))).toBe(true);
  expect(cached.some((url) => /duckdb\.worker.*\.js$/.test(url))).toBe(true);
  expect(cached.some((url) => /compute\.worker.*\.js$/.test(url))).toBe(true);
  expect(cached.some((url) => /runCache\.worker.*\.js$/.test(url))).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Trackside', level: 1 })).toBeVisible();
  await inspectFiles(page, [fixture('marks.parquet'), fixture('marks.csv')]);
  await expect(page.getByTestId('inspected-summary').first()).toContainText('1,500 rows');
  await context.setOffline(false);
});
