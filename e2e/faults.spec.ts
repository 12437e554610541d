import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { faultCatalogue } from '../scripts/faults/catalogue';
import { runFileFaults } from '../scripts/faults/fileFaults';
import { fixtureDir, refuseOutsideRequests } from './helpers';

/*
 * The fast subset of `npm run faults` (scripts/faults/): damaged results, sanctions, ride and views
 * files of every kind of damage the campaign knows, dropped where a person drops them. None
 * may hang, crash the view or cost the file loaded before it; every refusal names the file.
 */
const picked = ['results-cut99.csv', 'results-binary.csv', 'results-longline.csv', 'results-ragged.csv', 'results-utf16.csv', 'results-pagebytes100.parquet',
  'results-footerzeros.parquet', 'results-zeros.xlsx', 'results-nosheets.xlsx', 'sanctions-quote.csv', 'sanctions-junk.xlsx', 'views-bomb.yaml', 'views-many.yaml',
  'rider-zeros.xlsx', 'ride-zeros.fit'];

test('damaged files end their own load with a clear message: none hangs, crashes or costs data', async ({ browser, baseURL }) => {
  test.setTimeout(600_000);
  const files = (await faultCatalogue()).filter((file) => picked.includes(file.name));
  expect(files).toHaveLength(picked.length);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await refuseOutsideRequests(context, baseURL!);
  const trials = await runFileFaults(context, baseURL!, files, join(fixtureDir, 'faults'));
  await context.close();
  const summary = trials.map((t) => `${t.name}: ${t.outcome}${t.lost ? ' LOST' : ''} — ${t.message.slice(0, 160)}`);
  expect(trials.filter((t) => ['hung', 'crashed', 'unclear'].includes(t.outcome) || t.lost), summary.join('\n')).toEqual([]);
  // The UTF-16 file, the ragged one and the one cut mid-row load (the rows that do not fit named and left out); the rest are refused.
  expect(trials.filter((t) => t.outcome === 'loaded').map((t) => t.name).sort()).toEqual(['results-cut99.csv', 'results-ragged.csv', 'results-utf16.csv']);
});
