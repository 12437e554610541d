/**
 * `npm run check:real`: every check that reads ../shared/data (real recorded data that is
 * never copied into the project). Each check is a script of its own in scripts/check-real/;
 * this runs them one after another and sums up.
 */
import { readdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const shared = join(process.cwd(), '..', 'shared', 'data');
if (!existsSync(shared)) {
  console.error(`check:real needs the shared data beside the checkout: ${shared} is missing.`);
  process.exit(1);
}

const only = process.argv.slice(2);
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
  const result = spawnSync('npx', ['tsx', 'scripts/lib/viteNode.ts', join('scripts/check-real', check)], { stdio: 'inherit' });
  const ok = result.status === 0;
  console.log(`--- ${check}: ${ok ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (ok) passed++;
  else failed++;
}
console.log(`\ncheck:real totals: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
