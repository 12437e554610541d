import { expect, test } from '@playwright/test';
import { watchPageProblems } from './helpers';

test('home shows the three workspaces and Settings, and navigates by keyboard', async ({ page }) => {
  const watcher = watchPageProblems(page);
  await page.goto('/');
  for (const name of ['Results', 'Ride', 'Stream', 'Settings']) {
    await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  }
  // Tab to the "Ride" link in the navigation and follow it with Enter.
  const rideLink = page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Ride' });
  await rideLink.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/ride/);
  await expect(rideLink).toHaveAttribute('aria-current', 'page');
  expect(watcher.problems).toEqual([]);
});

test('the manifest is served with name, icons (192, 512, maskable), theme colour and standalone display', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifest = await (await request.get(href!)).json();
  expect(manifest.name).toBe('Trackside');
  expect(manifest.display).toBe('standalone');
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  const sizes = manifest.icons.map((icon: { sizes: string; purpose?: string }) => `${icon.sizes}:${icon.purpose ?? 'any'}`);
  expect(sizes).toEqual(expect.arrayContaining(['192x192:any', '512x512:any', '512x512:maskable']));
  for (const icon of manifest.icons) {
    const response = await request.get(icon.src);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('image/png');
  }
});

test('the built page carries a Content-Security-Policy that allows only its own origin', async ({ page }) => {
  await page.goto('/');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).not.toContain("'unsafe-eval'");
  // An inline script is refused by that policy.
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
});

test('a phone 360 px wide shows the home without horizontal scrolling, with large touch targets', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Trackside', level: 1 })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const heights = await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link').evaluateAll((links) => links.map((link) => link.getBoundingClientRect().height));
  for (const height of heights) expect(height).toBeGreaterThanOrEqual(44);
  await context.close();
});

test('the sunlight theme switches to black on white and is remembered', async ({ page }) => {
  await page.goto('/#/settings');
  await page.getByLabel('Theme').selectOption('sunlight');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sunlight');
  const colours = await page.evaluate(() => {
    const style = getComputedStyle(document.body);
    return [style.color, style.backgroundColor];
  });
  expect(colours).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
});
