import { existsSync } from 'node:fs';
import { buildApp, serveBuiltApp } from '../scripts/lib/previewServer';
import { e2ePort } from '../playwright.config';

/**
 * Builds the app once and serves it from the Playwright runner's own process for the whole
 * run; the returned function (Playwright's global teardown) closes the server. Because the
 * server lives in this process, Ctrl-C or a crash of the run cannot leave it behind.
 * `E2E_REUSE_BUILD=1` serves the existing dist/ without building (when iterating on a spec).
 */
export async function serveForTests(): Promise<() => Promise<void>> {
  if (!(process.env.E2E_REUSE_BUILD === '1' && existsSync('dist/index.html'))) buildApp();
  const served = await serveBuiltApp({ port: e2ePort });
  return () => served.close();
}
