/**
 * The sample data every workspace shows on first sight, generated (seeded) into
 * public/samples at build time, so a fresh clone has it and the service worker precaches it:
 * race results with their sanctions list, a ride session of four riders, two games' feed.
 * Skipped when the files are already there for the same recipe.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const out = join('public', 'samples');
const recipe = { results: { rows: 12_000, seed: 7 }, rides: { riders: 4, laps: 3, seed: 7 }, games: { games: 2, seed: 7 }, version: 1 };
const stamp = join(out, 'recipe.json');

if (existsSync(stamp) && readFileSync(stamp, 'utf8') === JSON.stringify(recipe)) {
  console.log('samples: up to date in public/samples');
  process.exit(0);
}
mkdirSync(out, { recursive: true });

function run(args: string[]): void {
  const result = spawnSync('npx', ['tsx', ...args], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`sample generation failed: ${args.join(' ')}`);
}

run(['scripts/generate-results.ts', '--rows', String(recipe.results.rows), '--out', join(out, 'results'), '--seed', String(recipe.results.seed)]);
// The app reads the Parquet; the CSV twin would only weigh on the offline cache.
rmSync(join(out, 'results', 'results.csv'));
run(['scripts/generate-rides.ts', '--out', join(out, 'ride'), '--riders', String(recipe.rides.riders), '--laps', String(recipe.rides.laps), '--seed', String(recipe.rides.seed)]);
run(['scripts/generate-games.ts', '--games', String(recipe.games.games), '--out', join(out, 'games.jsonl'), '--seed', String(recipe.games.seed)]);
writeFileSync(stamp, JSON.stringify(recipe));
console.log('samples: written to public/samples');
