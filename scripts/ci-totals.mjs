#!/usr/bin/env node
// Adds up the passed / failed / skipped counts of every suite in the given logs (Vitest,
// Playwright, check:real) and prints them on one line: "412 passed, 0 failed, 3 skipped".
import { readFileSync, existsSync } from 'node:fs';

const strip = (text) => text.replace(/\x1b\[[0-9;]*m/g, '');
const totals = { passed: 0, failed: 0, skipped: 0 };
let suites = 0;

for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) continue;
  for (const line of strip(readFileSync(file, 'utf8')).split('\n')) {
    // Vitest: "      Tests  2 failed | 410 passed | 3 skipped (415)"
    const vitest = /^\s*Tests\s+(.*)\(\d+\)\s*$/.exec(line);
    if (vitest) {
      suites++;
      for (const [, n, kind] of vitest[1].matchAll(/(\d+)\s+(passed|failed|skipped|todo)/g)) totals[kind === 'todo' ? 'skipped' : kind] += Number(n);
      continue;
    }
    // Playwright: "  12 passed (1.2m)", "  1 failed", "  2 skipped", "  1 flaky"
    const playwright = /^\s{2}(\d+)\s+(passed|failed|skipped|flaky|did not run)(\s+\(.*\))?\s*$/.exec(line);
    if (playwright) {
      if (playwright[2] === 'passed') suites++;
      const kind = playwright[2] === 'flaky' ? 'passed' : playwright[2] === 'did not run' ? 'skipped' : playwright[2];
      totals[kind] += Number(playwright[1]);
      continue;
    }
    // check:real: "check:real totals: 9 passed, 0 failed"
    const real = /^check:real totals: (\d+) passed, (\d+) failed/.exec(line);
    if (real) {
      suites++;
      totals.passed += Number(real[1]);
      totals.failed += Number(real[2]);
    }
  }
}

if (suites === 0) {
  console.log('0 passed, 1 failed');
  console.error('no test summary found in the logs');
  process.exit(1);
}
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 ? 1 : 0);
