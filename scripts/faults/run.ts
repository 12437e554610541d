/**
 * `npm run faults [-- --only files|stream|ride] [--quick]`: the fault campaign,
 * driven through the built app in headless Chromium (every outside request refused) as a
 * person would meet the faults: damaged files dropped, malformed and implausible stream
 * lines, random Bluetooth packets, a stream and a ride recording killed, the storage quota
 * squeezed. Prints one table (tried / refused with a clear message / loaded / hung /
 * crashed / data lost) and writes every trial to .cache/faults/faults.json.
 * Port: FAULTS_PORT (else CHECK_PORT, else 4184).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, launchChromium, printTable, serveBuiltApp } from '../lib/builtApp';
import { refuseOutsideRequests } from '../lib/outsideRequests';
import { faultCatalogue } from './catalogue';
import { runFileFaults } from './fileFaults';
import { tally, type Trial } from './trial';
import { sections } from './sections';

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const quick = process.argv.includes('--quick');
const out = join('.cache', 'faults');
mkdirSync(out, { recursive: true });

ensureBuilt();
const app = await serveBuiltApp({ port: Number(process.env.FAULTS_PORT ?? process.env.CHECK_PORT ?? 4184) });
const browser = await launchChromium();
const rows: Record<string, string | number>[] = [];
const all: Trial[] = [];
const details: Record<string, unknown> = {};
const started = Date.now();
try {
  const section = async (name: string, run: () => Promise<Trial[]>, label = (t: Trial) => t.area) => {
    if (only && only !== name) return;
    console.log(`\n… ${name}`);
    const trials = await run();
    all.push(...trials);
    for (const area of [...new Set(trials.map(label))]) rows.push(tally(area, trials.filter((t) => label(t) === area)));
  };
  await section('files', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await refuseOutsideRequests(context, app.url);
    const catalogue = await faultCatalogue();
    const files = quick ? catalogue.filter((_, i) => i % 5 === 0) : catalogue;
    const trials = await runFileFaults(context, app.url, files, join(out, 'files'), (t) => console.log(`  ${t.outcome.padEnd(8)}${t.lost ? ' LOST' : ''} ${t.name} (${t.fault}): ${t.message.slice(0, 140)}`));
    await context.close();
    return trials;
  }, (t) => `${t.area} files`);
  for (const extra of await sections()) {
    if (only && only !== extra.name) continue;
    console.log(`\n… ${extra.name}`);
    const result = await extra.run(browser, app.url, { quick, out });
    rows.push(...result.rows);
    details[extra.name] = result.details;
  }
} finally {
  await browser.close();
  await app.close();
}

console.log('\n=== Trackside fault campaign ===');
printTable(rows);
const sum = (column: string) => rows.reduce((total, row) => total + (Number(row[column]) || 0), 0);
console.log(`\nin ${((Date.now() - started) / 60_000).toFixed(1)} min: ${sum('hung')} hung, ${sum('crashed')} crashed, ${sum('data lost')} with data lost, ${sum('refused, unclear')} refused unclearly`);
writeFileSync(join(out, 'faults.json'), JSON.stringify({ measuredAt: new Date().toISOString(), quick, rows, trials: all, details }, null, 2));
console.log(`written: ${join(out, 'faults.json')}`);
process.exit(0);
