import type { BrowserContext, Page } from '@playwright/test';

/**
 * Refuses every request that is not to the app's own origin (blob: and data: pass), for the
 * browser tests, the real-data checks and the benchmarks: proof that the app needs no network
 * beyond itself. Returns the refused URLs, so a test can assert there were none.
 */
export async function refuseOutsideRequests(target: BrowserContext | Page, appUrl: string): Promise<string[]> {
  const outside: string[] = [];
  const origin = new URL(appUrl).origin;
  await target.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin === origin || url.protocol === 'blob:' || url.protocol === 'data:') return route.continue();
    outside.push(url.href);
    return route.abort();
  });
  return outside;
}
