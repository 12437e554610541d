/**
 * The Ride workspace's live path under faults, through the app's sensor-test seam (recorded
 * bytes enter where a Bluetooth notification does): 100,000 random packets per decoder, a
 * live recording whose tab is killed 10 times, and the storage quota squeezed to nothing for
 * a while mid-recording (and while a stream starts). Samples are counted from the screen
 * ("N samples recorded on this device") and, after a reload, from what the device kept.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { refuseOutsideRequests } from '../lib/outsideRequests';
import { killTab, openTab, type Tab } from './pageTools';
import { row, type Row, type Section } from './sections';
import { CrashWatch } from './trial';

type Feed = { addSensor(name: string): string; push(id: string, kind: string, bytes: number[]): void; sensorIds(): string[] };
const samplesShown = async (page: Page) => Number(/(\d+) samples/.exec((await page.getByTestId('ride-mode').textContent()) ?? '')?.[1] ?? NaN);

async function openRide(tab: Tab): Promise<void> {
  await tab.page.getByTestId('ride-mode').waitFor({ timeout: 120_000 });
  await tab.page.waitForFunction('window.__tracksideSensorFeed !== undefined', undefined, { timeout: 60_000 });
}

/** One power packet a quarter second from Node, so the seconds sent are known even if the tab dies. */
async function pushFor(page: Page, sensor: string, seconds: number): Promise<number> {
  let sent = 0;
  for (let i = 0; i < seconds * 4; i++) {
    const ok = await page.evaluate(([id, watts]) => {
      (window as unknown as { __tracksideSensorFeed: Feed }).__tracksideSensorFeed.push(id, 'power', [0, 0, watts & 0xff, watts >> 8]);
      return true;
    }, [sensor, 180 + (i % 40)] as const).catch(() => false);
    if (!ok) break;
    sent++;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return sent / 4;
}

const addSensor = (page: Page) => page.evaluate(() => (window as unknown as { __tracksideSensorFeed: Feed }).__tracksideSensorFeed.addSensor('Fault meter'));

/** 100,000 random packets (0–24 random bytes) for each decoder, pushed in the page in blocks. */
async function randomPackets(browser: Browser, context: BrowserContext, appUrl: string, count: number): Promise<{ rows: Row[]; details: unknown }> {
  const tab = await openTab(browser, context, `${appUrl}/?sensor-test#/ride`);
  await openRide(tab);
  const watch = new CrashWatch(tab.page);
  const sensor = await addSensor(tab.page);
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  for (const [index, kind] of (['power', 'heartRate', 'speedCadence', 'battery'] as const).entries()) {
    const before = await tab.page.getByTestId('sensor').first().textContent();
    // A string, not a function: the script's TypeScript transform names inner functions with a helper the page lacks.
    const thrown = (await tab.page.evaluate(`(() => {
      const feed = window.__tracksideSensorFeed;
      let state = ${71 + index};
      const errors = [];
      for (let i = 0; i < ${count}; i++) {
        const length = Math.floor(((state = (state * 1664525 + 1013904223) >>> 0) / 4294967296) * 25);
        const bytes = [];
        for (let b = 0; b < length; b++) bytes.push(Math.floor(((state = (state * 1664525 + 1013904223) >>> 0) / 4294967296) * 256));
        try { feed.push(${JSON.stringify(sensor)}, ${JSON.stringify(kind)}, bytes); } catch (error) { if (errors.length < 5) errors.push(String(error)); }
      }
      return errors;
    })()`).catch((error: unknown) => [String(error)])) as string[];
    await tab.page.waitForTimeout(1500);
    const problems = [...(await watch.take(tab.page)), ...thrown.map((t) => `thrown to the caller: ${t}`)];
    const text = (await tab.page.getByTestId('sensor').first().textContent().catch(() => '')) ?? '';
    const packets = Number(/(\d+) packets/.exec(text)?.[1] ?? NaN) - Number(/(\d+) packets/.exec(before ?? '')?.[1] ?? 0);
    const malformed = Number(/(\d+) malformed/.exec(text)?.[1] ?? 0) - Number(/(\d+) malformed/.exec(before ?? '')?.[1] ?? 0);
    // A battery reading is kept as the sensor's state, not counted as a packet: what was not refused was taken.
    rows.push(row(`BLE: random ${kind} packets`, { tried: count, refused: malformed, loaded: count - malformed, crashed: problems.length > 0 ? 1 : 0 }));
    details[kind] = { packets, malformed, problems, power: await tab.page.getByTestId('sensor-power').first().textContent().catch(() => '') };
  }
  await tab.page.close();
  return { rows, details };
}

/** A live recording whose tab is killed `kills` times; each reopening resumes it and carries on. */
async function killRecording(browser: Browser, context: BrowserContext, appUrl: string, kills: number) {
  const result = { tried: 0, resumed: 0, lost: 0, lostSeconds: [] as number[] };
  let expected = 0;
  for (let k = 0; k < kills; k++) {
    const tab = await openTab(browser, context, `${appUrl}/?sensor-test#/ride`);
    await openRide(tab);
    if (k > 0) {
      const resumed = await tab.page.getByRole('status').filter({ hasText: 'Resumed' }).waitFor({ timeout: 30_000 }).then(() => true, () => false);
      const kept = await samplesShown(tab.page);
      if (resumed) result.resumed++;
      // A crash may cost the second being binned and the one being written; more is lost data.
      const lost = Math.max(0, expected - (Number.isFinite(kept) ? kept : 0) - 2);
      result.lostSeconds.push(lost);
      if (!resumed || lost > 0) result.lost++;
      expected = Number.isFinite(kept) ? kept : 0;
    }
    const sensor = await addSensor(tab.page);
    await tab.page.getByTestId('ride-mode').filter({ hasText: 'Live session' }).waitFor({ timeout: 30_000 });
    expected += Math.floor(await pushFor(tab.page, sensor, 3 + (k % 4)));
    await killTab(tab);
    result.tried++;
  }
  const last = await openTab(browser, context, `${appUrl}/?sensor-test#/ride`);
  await openRide(last);
  // Counted once the session is back, as after every other kill: before that the screen shows no samples yet.
  const resumed = await last.page.getByRole('status').filter({ hasText: 'Resumed' }).waitFor({ timeout: 30_000 }).then(() => true, () => false);
  if (resumed) result.resumed++;
  const kept = await samplesShown(last.page);
  const lost = Math.max(0, expected - (Number.isFinite(kept) ? kept : 0) - 2);
  result.lostSeconds.push(lost);
  if (!resumed || lost > 0) result.lost++;
  await last.page.getByRole('button', { name: 'End session' }).click().catch(() => undefined);
  await last.page.close();
  return result;
}

/** The quota made tiny for `seconds` while a ride records, then restored: nothing recorded may be lost. */
async function squeezeRide(browser: Browser, context: BrowserContext, appUrl: string, seconds: number) {
  const tab = await openTab(browser, context, `${appUrl}/?sensor-test#/ride`);
  await openRide(tab);
  const watch = new CrashWatch(tab.page);
  const sensor = await addSensor(tab.page);
  await tab.page.getByTestId('ride-mode').filter({ hasText: 'Live session' }).waitFor({ timeout: 30_000 });
  const cdp = await context.newCDPSession(tab.page);
  const origin = new URL(appUrl).origin;
  await pushFor(tab.page, sensor, 3);
  await cdp.send('Storage.overrideQuotaForOrigin' as never, { origin, quotaSize: 1 } as never);
  await pushFor(tab.page, sensor, seconds);
  await cdp.send('Storage.overrideQuotaForOrigin' as never, { origin } as never);
  await pushFor(tab.page, sensor, 5);
  await tab.page.waitForTimeout(2500);
  const shown = await samplesShown(tab.page);
  const warned = (await tab.page.locator('.notice').allTextContents()).filter((t) => /full|space|quota/i.test(t));
  const problems = await watch.take(tab.page);
  await tab.page.close();
  const again = await openTab(browser, context, `${appUrl}/?sensor-test#/ride`);
  await openRide(again);
  await again.page.getByRole('status').filter({ hasText: 'Resumed' }).waitFor({ timeout: 30_000 }).catch(() => undefined);
  const kept = await samplesShown(again.page);
  await again.page.getByRole('button', { name: 'End session' }).click().catch(() => undefined);
  await again.page.close();
  return { shown, kept, warnings: warned.slice(0, 3), problems, lost: !(kept >= shown) || problems.length > 0 };
}

/** A stream dropped while the quota is tiny, the quota restored, the page reloaded: it must resume, not play the sample. */
async function squeezeStream(browser: Browser, context: BrowserContext, appUrl: string, feed: string) {
  const tab = await openTab(browser, context, `${appUrl}/#/stream`);
  await tab.page.getByTestId('stream-status').filter({ hasText: 'finished' }).waitFor({ timeout: 120_000 });
  const cdp = await context.newCDPSession(tab.page);
  const origin = new URL(appUrl).origin;
  await cdp.send('Storage.overrideQuotaForOrigin' as never, { origin, quotaSize: 1 } as never);
  await tab.page.getByTestId('replay-speed').selectOption('600');
  await tab.page.locator('input[type=file][aria-label^="JSON-lines game stream"]').setInputFiles(feed);
  await tab.page.waitForTimeout(4000);
  await cdp.send('Storage.overrideQuotaForOrigin' as never, { origin } as never);
  await tab.page.waitForTimeout(4000);
  await tab.page.close();
  const again = await openTab(browser, context, `${appUrl}/#/stream`);
  const resumed = await again.page.getByTestId('stream-resumed').waitFor({ timeout: 30_000 }).then(() => true, () => false);
  await again.page.close();
  return { resumed };
}

export function rideSection(feed: (out: string) => string): Section {
  return {
    name: 'ride',
    async run(browser, appUrl, { quick, out }) {
      const rows: Row[] = [];
      const details: Record<string, unknown> = {};
      const fresh = async () => {
        const context = await browser.newContext({ serviceWorkers: 'block' });
        await refuseOutsideRequests(context, appUrl);
        return context;
      };
      let context = await fresh();
      const packets = await randomPackets(browser, context, appUrl, quick ? 10_000 : 100_000);
      rows.push(...packets.rows);
      details.packets = packets.details;
      await context.close();

      context = await fresh();
      const kills = await killRecording(browser, context, appUrl, quick ? 2 : 10);
      rows.push(row('ride: tab killed while recording', { tried: kills.tried, loaded: kills.resumed, lost: kills.lost }));
      details.kills = kills;
      await context.close();

      context = await fresh();
      const ride = await squeezeRide(browser, context, appUrl, quick ? 10 : 45);
      rows.push(row('ride: storage quota squeezed', { tried: 1, loaded: ride.lost ? 0 : 1, crashed: ride.problems.length > 0 ? 1 : 0, lost: ride.lost ? 1 : 0 }));
      details.quotaRide = ride;
      const stream = await squeezeStream(browser, context, appUrl, feed(out));
      rows.push(row('stream: storage quota squeezed at start', { tried: 1, loaded: stream.resumed ? 1 : 0, lost: stream.resumed ? 0 : 1 }));
      details.quotaStream = stream;
      await context.close();
      return { rows, details };
    },
  };
}
