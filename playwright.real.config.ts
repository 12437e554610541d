import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * Browser checks against ../shared/data (real recordings): run by `npm run check:real`, not by
 * `npm test`, since a fresh clone must pass its tests without the shared folder.
 */
export default defineConfig({
  ...base,
  testDir: 'e2e-real',
  globalSetup: './e2e-real/globalSetup.ts',
  // The port comes from E2E_PORT (scripts/check-real/e2e-real.ts sets 4174), so that a
  // check can run while the unit e2e server is up.
});
