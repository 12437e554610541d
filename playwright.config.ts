import { defineConfig, devices } from '@playwright/test';

/** Debian's Chromium; the project never downloads a browser (see scripts/ensure-chromium.mjs). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Web Bluetooth emulation for the Ride tests (see ../shared/notes/testing-web-bluetooth.md).
  '--enable-features=WebBluetooth,WebBluetoothNewPermissionsBackend',
  '--enable-experimental-web-platform-features',
];

// The built app is built once and served by the global setup (e2e/serveForTests.ts), in the
// runner's own process, so that the server ends with the run, however the run ends.
const port = Number(process.env.E2E_PORT ?? 4173);
export const e2ePort = port;

export default defineConfig({
  testDir: 'e2e',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  globalSetup: './e2e/globalSetup.ts',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    headless: true,
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    trace: 'off',
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: { executablePath: chromiumPath, args: chromiumArgs } } }],
});
