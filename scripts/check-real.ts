/**
 * `npm run check:real [-- --data DIR] [check …]`: every check that reads real recorded data
 * (default ../shared/data, never copied into the project). Each check is a script of its own
 * in scripts/check-real/; this builds the app once, runs them one after another and sums up.
 */
import { readdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { buildApp } from './lib/previewServer';

const args = process.argv.slice(2);
const dataAt = args.indexOf('--data');
const data = resolve(dataAt >= 0 ? (args[dataAt + 1] ?? '') : join(process.cwd(), '..', 'shared', 'data'));
const only = args.filter((_, i) => dataAt < 0 || (i !== dataAt && i !== dataAt + 1));
if (!existsSync(data)) {
  console.error(`check:real needs a folder of real data: ${data} is missing (default ../shared/data beside the checkout; or --data DIR).`);
  process.exit(1);
}
console.log(`check:real on ${data}`);

// The browser checks serve dist/: build it once here, and let each check reuse it.
if (process.env.E2E_REUSE_BUILD !== '1') buildApp();
const env = { ...process.env, TRACKSIDE_DATA: data, E2E_REUSE_BUILD: '1' };

const checks = readdirSync('scripts/check-real')
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .filter((name) => only.length === 0 || only.some((wanted) => name.startsWith(wanted)))
  .sort();

let passed = 0;
let failed = 0;
for (const check of checks) {
  console.log(`\n=== check:real ${check.replace(/\.ts$/, '')} ===`);
  const started = Date.now();
  // Through Vite's module runner: the detector registry and the compute tasks use import.meta.glob.
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/lib/viteNode.ts', join('scripts/check-real', check)], { stdio: 'inherit', env });
  const ok = result.status === 0;
  console.log(`--- ${check}: ${ok ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (ok) passed++;
  else failed++;
}
console.log(`\ncheck:real totals: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
