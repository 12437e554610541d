import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

export const fixtureDir = join(process.cwd(), '.cache', 'e2e-fixtures');
export const fixture = (name: string): string => join(fixtureDir, name);

/** Collects Content-Security-Policy violations and page errors, so a test can assert none. */
export function watchPageProblems(page: Page): { problems: string[] } {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content[- ]Security[- ]Policy|Refused to/i.test(message.text())) problems.push(`csp: ${message.text()}`);
  });
  return { problems };
}

/** Loads files through the home screen's file inspector and waits for each summary. */
export async function inspectFiles(page: Page, paths: string[]): Promise<void> {
  const before = await page.getByTestId('inspected-file').count();
  await page.getByLabel('Any CSV, Parquet, xlsx, JSON lines or FIT file', { exact: true }).last().setInputFiles(paths);
  await expect(page.getByTestId('inspected-file')).toHaveCount(before + paths.length, { timeout: 60_000 });
}

export { refuseOutsideRequests } from '../scripts/lib/outsideRequests';
