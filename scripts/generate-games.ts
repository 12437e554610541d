/**
 * Writes seeded NBA-live-feed-shaped games as JSON lines.
 *   npx tsx scripts/generate-games.ts --games 8 --out FILE --seed 1 [--messy] [--lateness 180]
 * --messy writes the messy replay of the same lines (duplicates, shuffled within the window).
 */
import { writeFileSync } from 'node:fs';
import { generateGameLines, messyReplay } from '../src/core/generate/games.ts';

function argument(name: string, fallback?: string): string {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? process.argv[at + 1] : fallback;
  if (value === undefined) throw new Error(`missing --${name}`);
  return value;
}

function wholeNumber(name: string, fallback?: string): number {
  const value = Number(argument(name, fallback));
  if (!Number.isInteger(value) || value < 0) throw new Error(`invalid --${name}: ${argument(name, fallback)}`);
  return value;
}

const games = wholeNumber('games', '8');
const seed = wholeNumber('seed', '1');
const out = argument('out');
let lines = generateGameLines({ games, seed });
if (process.argv.includes('--messy')) {
  lines = messyReplay(lines, { seed: seed + 1, allowedLatenessSeconds: wholeNumber('lateness', '180') });
}
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${lines.length} lines of ${games} games (seed ${seed}) written to ${out}`);
