/**
 * `npm run audit:lock`: known high-severity advisories for the locked dependency tree.
 * First npm's own audit (npm audit --audit-level=high). The registry this project installs
 * from answers npm's advisory endpoint (POST /-/npm/v1/security/advisories/bulk) with
 * "405 Method Not Allowed": it serves packages, not npm's advisory database, and no other
 * advisory service is reachable from here. Then the script says so and checks the lock file
 * against the advisories kept in knownAdvisories.json, and that every package comes from the
 * registry with an integrity hash. Exit 1 on a known high advisory; 0 otherwise.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

interface Advisory { package: string; below: string; id: string; title: string }
interface LockEntry { name?: string; version?: string; resolved?: string; integrity?: string; link?: boolean }

const older = (a: string, b: string) => {
  const [x, y] = [a, b].map((v) => v.split(/[.-]/).slice(0, 3).map(Number));
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i];
  return false;
};

const audit = spawnSync('npm', ['audit', '--json', '--audit-level=high'], { encoding: 'utf8', timeout: 120_000 });
let report: { metadata?: { vulnerabilities?: Record<string, number> }; error?: { summary?: string } } = {};
try {
  report = JSON.parse(audit.stdout || '{}');
} catch {
  // npm printed no JSON: the endpoint failed; handled below.
}
const counts = report.metadata?.vulnerabilities;
if (counts) {
  const high = (counts.high ?? 0) + (counts.critical ?? 0);
  console.log(`npm audit: ${high} high or critical (of ${Object.values(counts).reduce((a, b) => a + b, 0)} in all)`);
  process.exit(high > 0 ? 1 : 0);
}
const why = `${report.error?.summary ?? ''} ${audit.stderr}`.match(/\d{3}[^\n]*advisories\/bulk|audit endpoint returned an error[^\n]*/)?.[0] ?? 'no answer';
console.log(`npm audit could not run: ${why.trim()}. The registry serves packages but not npm's advisory database; checking the lock file offline instead.`);

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> };
const { advisories } = JSON.parse(readFileSync('scripts/audit/knownAdvisories.json', 'utf8')) as { advisories: Advisory[] };
const found: string[] = [];
const outside: string[] = [];
for (const [path, entry] of Object.entries(lock.packages)) {
  if (!path || entry.link) continue;
  const name = entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
  // An alias (xlsx → @e965/xlsx) is checked under the name it is installed as, too.
  const installedAs = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
  for (const advisory of advisories) {
    if ((name === advisory.package || installedAs === advisory.package) && entry.version && older(entry.version, advisory.below)) {
      found.push(`${path} ${entry.version}: ${advisory.id} ${advisory.title} (fixed in ${advisory.below})`);
    }
  }
  if (entry.resolved && (!entry.resolved.startsWith('https://registry.npmjs.org/') || !entry.integrity)) outside.push(`${path}: ${entry.resolved}`);
}
console.log(`lock file: ${Object.keys(lock.packages).length - 1} packages; ${found.length} with a known high advisory; ${outside.length} not from the registry with an integrity hash`);
for (const line of [...found, ...outside]) console.log(`  ${line}`);
process.exit(found.length > 0 || outside.length > 0 ? 1 : 0);
