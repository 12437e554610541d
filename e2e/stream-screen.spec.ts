import { expect, test, type Locator, type Page } from '@playwright/test';
import { openStream } from './streamHelpers';

/** The table fits its card: nothing to scroll sideways, so no column is hidden off the edge. */
async function fitsItsCard(table: Locator): Promise<void> {
  const overflow = await table.evaluate((element) => {
    const scroller = element.closest('.table-scroll') ?? element.parentElement!;
    return scroller.scrollWidth - scroller.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(1);
}

async function headers(page: Page): Promise<string[]> {
  return (await page.getByTestId('leaderboard').locator('th:visible').allTextContents()).map((text) => text.trim());
}

/** The health measures are charted with at least two points each, or the panel says why not: never bare axes. */
async function chartsOrWhyNot(page: Page): Promise<void> {
  const points = await page.locator('.measure .chart').evaluateAll((charts) => charts.map((chart) => Number(chart.getAttribute('data-points'))));
  const why = page.getByTestId('health-uncharted');
  await expect(page.locator('.measure')).toHaveCount(10);
  if (points.length === 0) await expect(why).toHaveText(/^Charts need two points, one a second: (none|one) so far\.$/);
  else {
    expect(points).toHaveLength(10);
    for (const count of points) expect(count).toBeGreaterThanOrEqual(2);
    await expect(why).toHaveCount(0);
  }
}

test('on a coach\'s tablet: the leaderboard says what it sums, names the games, fits its card; the consistency card takes the full width; ids read as ids', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openStream(page);
  // The sample's run ends within a second or two: its health cards say so instead of showing empty charts.
  await chartsOrWhyNot(page);
  // The sample's two games, named as a fan names them, in both selectors.
  await expect(page.getByTestId('leaderboard-game').locator('option')).toHaveText(['All games (summed)', 'CHI @ DET · 2 Feb', 'DAL @ CLE · 2 Feb']);
  await expect(page.getByTestId('feed-game').locator('option')).toHaveText(['CHI @ DET · 2 Feb', 'DAL @ CLE · 2 Feb']);
  expect(await headers(page)).toEqual(['#', 'Player', 'Games', 'Game Score (sum)', 'Impact (sum)']);
  await fitsItsCard(page.getByTestId('leaderboard'));
  await page.getByTestId('leaderboard-game').selectOption({ label: 'CHI @ DET · 2 Feb' });
  await expect(page.getByTestId('leaderboard').locator('th:visible')).toHaveText(['#', 'Player', 'Game Score', 'Impact']);

  await page.getByRole('button', { name: 'Recompute in DuckDB' }).click();
  const consistency = page.getByTestId('consistency');
  await expect(consistency).toBeVisible({ timeout: 60_000 });
  const card = await page.getByRole('region', { name: 'Batch layer and consistency' }).boundingBox();
  const layout = await page.locator('.layout').boundingBox();
  expect(card!.width).toBeGreaterThan(layout!.width * 0.95);
  await fitsItsCard(consistency);
  // Player and team ids as plain identifiers, never "1,700,121".
  const kpiCells = await page.locator('table').filter({ hasText: 'personId' }).first().locator('tbody tr td:first-child').allTextContents();
  expect(kpiCells.length).toBeGreaterThan(0);
  for (const cell of kpiCells) expect(cell).toMatch(/^\d+$/);
  const teamIds = await page.locator('table').filter({ hasText: 'teamTricode' }).filter({ hasText: 'teamId' }).first().locator('tbody tr td:first-child').allTextContents();
  for (const cell of teamIds) expect(cell).toMatch(/^\d+$/);
});

test('on a 390 px phone the ranking column is on screen: fewer columns, not a cut-off table', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openStream(page);
  expect(await headers(page)).toEqual(['#', 'Player', 'Impact (sum)']);
  await fitsItsCard(page.getByTestId('leaderboard'));
  const impact = page.getByTestId('leaderboard').locator('th', { hasText: 'Impact (sum)' });
  const box = await impact.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  await page.getByLabel('Rank by').selectOption('gameScore');
  await expect(page.getByTestId('leaderboard').locator('th:visible')).toHaveText(['#', 'Player', 'Game Score (sum)']);
  await expect(page.getByTestId('leader-gamescore').first()).toBeVisible();
  // The page itself never scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('on a tablet held upright (768 × 1024) the leaderboard fits its card with both scores', async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await openStream(page);
  await fitsItsCard(page.getByTestId('leaderboard'));
  const shown = await headers(page);
  expect(shown).toContain('Game Score (sum)');
  expect(shown).toContain('Impact (sum)');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
});
