/** The browser checks on real data in e2e-real/ (Playwright, the built app, Debian's Chromium). */
import { existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const specs = existsSync('e2e-real') ? readdirSync('e2e-real').filter((name) => name.endsWith('.spec.ts')) : [];
if (specs.length === 0) {
  console.log('e2e-real: no browser checks on real data yet');
  process.exit(0);
}
// Playwright's own CLI by its path under node (no npx, no shell): the run ends with this process.
const cli = join('node_modules', '@playwright', 'test', 'cli.js');
const result = spawnSync(process.execPath, [cli, 'test', '-c', 'playwright.real.config.ts'], { stdio: 'inherit', env: { ...process.env, E2E_PORT: process.env.E2E_PORT_REAL ?? '4174' } });
process.exit(result.status ?? 1);
