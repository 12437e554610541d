/**
 * Damaged files dropped on the built app where a person drops them: results and sanctions on
 * the Results workspace, rides and views on Ride. Before the faults, a good file of the area
 * is loaded; after each fault it must still be there, whole. Each file has until the bound
 * its size sets (the app's own decoder deadline) plus a margin for a busy machine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { decodeDeadlineMs } from '../../src/platform/intake/intakeLimits';
import type { FaultArea, FaultFile } from './catalogue';
import { resultsCsvBytes, sanctionsCsvBytes, viewsYaml } from './goodFiles';
import { CrashWatch, isClear, type Outcome, type Trial } from './trial';

const margin = 20_000;
const resultsInput = (page: Page) => page.locator('input[type=file][aria-label="Results files (Parquet, CSV or xlsx)"]');
const sanctionsInput = (page: Page) => page.locator('input[type=file][aria-label^="Sanctions list"]');
const rideInput = (page: Page) => page.locator('input[type=file][aria-label^="Ride files to replay"]');
const viewsInput = (page: Page) => page.locator('input[type=file][aria-label="Views YAML file"]');
const settled = (page: Page, timeout: number) => page.locator('[data-testid="results-heading"][data-settled="true"]').waitFor({ timeout });

/** What the area shows before a fault, to tell afterwards whether anything of it was lost. */
interface Area {
  open(page: Page): Promise<void>;
  drop(page: Page, path: string): Promise<void>;
  /** Resolves with the outcome shown for `name`, or throws on timeout. */
  outcome(page: Page, name: string, timeout: number): Promise<{ outcome: 'refused' | 'loaded'; message: string }>;
  /** Whether the good file loaded first is still whole. */
  intact(page: Page): Promise<boolean>;
  /** Puts the area back as before a fault that loaded. */
  tidy(page: Page, name: string): Promise<void>;
}

/** `work`, or a rejection with "hung" once `milliseconds` have passed. */
async function within<T>(milliseconds: number, work: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('hung')), milliseconds)));
  try {
    return await Promise.race([work(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The first of several possible endings to appear. */
async function first(endings: { locator: Locator; outcome: 'refused' | 'loaded' }[], timeout: number): Promise<{ outcome: 'refused' | 'loaded'; message: string }> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const ending of endings) {
      if ((await ending.locator.count()) > 0) return { outcome: ending.outcome, message: ((await ending.locator.first().textContent()) ?? '').trim() };
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error('hung');
}

/** An error notice that came after the `before` ones (named or not: an unnamed one is a refusal too, an unclear one). */
const newErrorNotice = (page: Page, before: number) => page.locator('.notice.error').nth(before);
const noticesNow = (page: Page) => page.locator('.notice.error').count();

function resultsArea(base: string): Area {
  let baseRows = '';
  let notices = 0;
  return {
    async open(page) {
      await page.goto(`${new URL(page.url()).origin}/#/results`);
      await settled(page, 180_000);
      await resultsInput(page).setInputFiles(base);
      await page.getByTestId('results-file').filter({ hasText: 'base-results.csv' }).waitFor({ timeout: 120_000 });
      await settled(page, 120_000);
      baseRows = (await page.getByTestId('results-file').filter({ hasText: 'base-results.csv' }).textContent()) ?? '';
    },
    async drop(page, path) {
      notices = await noticesNow(page);
      await resultsInput(page).setInputFiles(path);
    },
    async outcome(page, name, timeout) {
      const ending = await first([
        { locator: page.getByTestId('results-file-failed').filter({ hasText: name }), outcome: 'refused' },
        { locator: newErrorNotice(page, notices), outcome: 'refused' },
        { locator: page.getByTestId('mapping-dialog').filter({ hasText: name }), outcome: 'refused' },
        { locator: page.getByTestId('results-file').filter({ hasText: name }), outcome: 'loaded' },
      ], timeout);
      await settled(page, timeout);
      return ending;
    },
    async intact(page) {
      return ((await page.getByTestId('results-file').filter({ hasText: 'base-results.csv' }).textContent()) ?? '') === baseRows;
    },
    async tidy(page, name) {
      if ((await page.getByTestId('mapping-dialog').count()) > 0) await page.getByTestId('mapping-dialog').getByRole('button', { name: 'Cancel' }).click();
      const card = page.getByTestId('results-file').filter({ hasText: name });
      if ((await card.count()) > 0) {
        await card.getByRole('button', { name: `Remove ${name}` }).click();
        await settled(page, 60_000);
      }
    },
  };
}

function sanctionsArea(baseResults: string, base: string): Area {
  let baseSummary = '';
  let notices = 0;
  const summary = (page: Page) => page.getByTestId('sanctions-summary');
  const area: Area = {
    async open(page) {
      await resultsArea(baseResults).open(page);
      await page.getByRole('tab', { name: 'Sanctions' }).click();
      await sanctionsInput(page).setInputFiles(base);
      await summary(page).filter({ hasText: 'base-sanctions.csv' }).waitFor({ timeout: 120_000 });
      await settled(page, 120_000);
      baseSummary = (await summary(page).textContent()) ?? '';
    },
    async drop(page, path) {
      notices = await noticesNow(page);
      await sanctionsInput(page).setInputFiles(path);
    },
    async outcome(page, name, timeout) {
      const ending = await first([{ locator: newErrorNotice(page, notices), outcome: 'refused' }, { locator: summary(page).filter({ hasText: name }), outcome: 'loaded' }], timeout);
      await settled(page, timeout);
      return ending;
    },
    async intact(page) {
      const now = (await summary(page).textContent()) ?? '';
      // A list that loaded replaces the last one by design; a refused one must leave it.
      return now === baseSummary || !now.includes('base-sanctions.csv');
    },
    async tidy(page, name) {
      if (((await summary(page).textContent()) ?? '').includes(name)) {
        await sanctionsInput(page).setInputFiles(base);
        await summary(page).filter({ hasText: 'base-sanctions.csv' }).waitFor({ timeout: 120_000 });
        await settled(page, 120_000);
      }
    },
  };
  return area;
}

function rideArea(): Area {
  let before = '';
  let notices = 0;
  const status = (page: Page) => page.getByTestId('replay-status');
  return {
    async open(page) {
      await page.goto(`${new URL(page.url()).origin}/#/ride`);
      await status(page).filter({ hasText: '(replayed)' }).waitFor({ timeout: 120_000 });
      before = ((await status(page).textContent()) ?? '').split(':')[0];
    },
    async drop(page, path) {
      notices = await noticesNow(page);
      await rideInput(page).setInputFiles(path);
    },
    outcome: (page, name, timeout) => first([{ locator: newErrorNotice(page, notices), outcome: 'refused' }, { locator: status(page).filter({ hasText: name }), outcome: 'loaded' }], timeout),
    async intact(page) {
      const now = ((await status(page).textContent()) ?? '').split(':')[0];
      return now === before || now.endsWith('.csv') || now.endsWith('.fit') || now.endsWith('.xlsx');
    },
    async tidy() {},
  };
}

function viewsArea(base: string): Area {
  let names: string[] = [];
  let notices = 0;
  const options = (page: Page) => page.getByTestId('view-select').locator('option').allTextContents();
  return {
    async open(page) {
      await page.goto(`${new URL(page.url()).origin}/#/ride`);
      await page.getByTestId('replay-status').waitFor({ timeout: 120_000 });
      await viewsInput(page).setInputFiles(base);
      await page.getByRole('status').filter({ hasText: 'Views loaded from base-views.yaml' }).waitFor({ timeout: 30_000 });
      names = await options(page);
    },
    async drop(page, path) {
      notices = await noticesNow(page);
      await viewsInput(page).setInputFiles(path);
    },
    outcome: (page, name, timeout) =>
      first([
        { locator: page.getByTestId('views-errors').filter({ hasText: name }), outcome: 'refused' },
        { locator: newErrorNotice(page, notices), outcome: 'refused' },
        { locator: page.getByRole('status').filter({ hasText: `Views loaded from ${name}` }), outcome: 'loaded' },
      ], timeout),
    async intact(page) {
      const now = await options(page);
      return now.length > 0 && (JSON.stringify(now) === JSON.stringify(names) || (await page.getByTestId('views-errors').count()) === 0);
    },
    async tidy(page) {
      await viewsInput(page).setInputFiles(base);
    },
  };
}

/** Runs every file of one area through the app, one after another on one page. */
async function runArea(context: BrowserContext, appUrl: string, area: Area, files: FaultFile[], dir: string, onTrial: (trial: Trial) => void): Promise<Trial[]> {
  const trials: Trial[] = [];
  let page = await context.newPage();
  let watch = new CrashWatch(page);
  await page.goto(appUrl);
  await area.open(page);
  await watch.take(page);
  for (const file of files) {
    const path = join(dir, file.name);
    writeFileSync(path, file.bytes);
    const started = Date.now();
    let outcome: Outcome;
    let message = '';
    let lost = false;
    const bound = decodeDeadlineMs(file.bytes.length) + margin;
    try {
      // A page whose main thread is stuck never answers Playwright either: the bound holds from outside too.
      const shown = await within(bound + 5_000, async () => {
        await area.drop(page, path);
        return area.outcome(page, file.name, bound);
      });
      message = shown.message;
      outcome = shown.outcome === 'refused' && !isClear(message, file.name) ? 'unclear' : shown.outcome;
    } catch (error) {
      outcome = /hung/.test(String(error)) ? 'hung' : 'crashed';
      message = String(error).slice(0, 200);
    }
    const problems = outcome === 'hung' ? [] : await within(10_000, () => watch.take(page)).catch(() => ['the page stopped answering']);
    if (problems.length > 0) {
      outcome = 'crashed';
      message = problems.join('; ');
    }
    if (outcome !== 'crashed' && outcome !== 'hung') {
      lost = !(await area.intact(page).catch(() => false));
      await area.tidy(page, file.name).catch(() => undefined);
    }
    const trial: Trial = { area: file.area, fault: file.fault, name: file.name, outcome, lost, message, milliseconds: Date.now() - started };
    trials.push(trial);
    onTrial(trial);
    if (outcome === 'crashed' || outcome === 'hung' || page.isClosed()) {
      // Start the area again on a fresh page, as a person would after a reload.
      await within(10_000, () => page.close()).catch(() => undefined);
      page = await context.newPage();
      watch = new CrashWatch(page);
      await page.goto(appUrl);
      await area.open(page);
      await watch.take(page);
    }
  }
  await page.close();
  return trials;
}

/** The good files each area loads first, written beside the faults. */
export function baseFiles(dir: string): Record<'results' | 'sanctions' | 'views', string> {
  mkdirSync(dir, { recursive: true });
  const write = (name: string, bytes: Uint8Array) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  return { results: write('base-results.csv', resultsCsvBytes(1_500, 51)), sanctions: write('base-sanctions.csv', sanctionsCsvBytes(60_000, 51)), views: write('base-views.yaml', viewsYaml()) };
}

export async function runFileFaults(context: BrowserContext, appUrl: string, files: FaultFile[], dir: string, onTrial: (trial: Trial) => void = () => undefined): Promise<Trial[]> {
  const base = baseFiles(dir);
  const areas: Record<FaultArea, Area> = { results: resultsArea(base.results), sanctions: sanctionsArea(base.results, base.sanctions), ride: rideArea(), views: viewsArea(base.views) };
  const trials: Trial[] = [];
  for (const name of Object.keys(areas) as FaultArea[]) {
    const mine = files.filter((f) => f.area === name);
    if (mine.length > 0) trials.push(...(await runArea(context, appUrl, areas[name], mine, dir, onTrial)));
  }
  return trials;
}
