import type { Browser, BrowserContext, Page } from '@playwright/test';
import { rendererPids } from '../lib/processMemory';

/** A page and the renderer processes that appeared with it (its tab, its workers). */
export interface Tab {
  page: Page;
  pids: number[];
}

/** Opens `url` in a new page of `context`, noting which renderer processes came with it. */
export async function openTab(browser: Browser, context: BrowserContext, url: string): Promise<Tab> {
  const before = new Set(await rendererPids(browser));
  const page = await context.newPage();
  await page.goto(url);
  return { page, pids: (await rendererPids(browser)).filter((pid) => !before.has(pid)) };
}

/**
 * Kills the tab as a crash or a killed browser would (SIGKILL to its renderer): no unload,
 * no last write; whatever was not on disk is gone.
 */
export async function killTab(tab: Tab): Promise<void> {
  const crashed = tab.page.waitForEvent('crash', { timeout: 10_000 }).catch(() => undefined);
  for (const pid of tab.pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await crashed;
  await tab.page.close().catch(() => undefined);
}
