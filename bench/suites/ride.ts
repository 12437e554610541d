import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { SessionModel, fieldExportFromSheets, type SheetRows } from '../../src/core/power/index';
import { ReplayClock } from '../../src/platform/ride/replayClock';
import { median, type BenchContext, type BenchRow, type BenchSuite } from '../context';

/**
 * Ride: (1) gate → matrix drawn in the built app, 10 riders streaming at 4 Hz through the
 * sensor-test seam, p50/p99 against one 16.7 ms frame; (2) replay of the shared field exports
 * as fast as possible through ReplayClock + SessionModel (the workspace's pipeline without
 * the screen), against a bare loop over the same samples.
 */
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

async function gateLatency(context: BenchContext): Promise<BenchRow[]> {
  const page = await context.newAppPage('/?sensor-test#/ride');
  await page.getByTestId('replay-status').filter({ hasText: '(replayed)' }).waitFor({ timeout: 120_000 });
  const gates = context.options.quick ? 60 : 200;
  const latencies = await page.evaluate(async (gates) => {
    type Feed = { addSensor(name: string): string; push(id: string, kind: string, bytes: number[]): void };
    const feed = (window as unknown as { __tracksideSensorFeed: Feed }).__tracksideSensorFeed;
    const ids = Array.from({ length: 10 }, (_, i) => feed.addSensor(`Bench ${i + 1}`));
    await new Promise((r) => setTimeout(r, 300));
    let tick = 0;
    const streaming = setInterval(() => {
      tick++;
      for (const id of ids) feed.push(id, 'power', [0x00, 0x00, (180 + ((tick * 7) % 120)) & 0xff, 0x00]);
    }, 250);
    await new Promise((r) => setTimeout(r, 2000));
    (window as unknown as { __tracksideGateTimings: unknown[] }).__tracksideGateTimings = [];
    for (let g = 0; g < gates; g++) {
      dispatchEvent(new KeyboardEvent('keydown', { key: String((g % 9) + 1) }));
      await new Promise((r) => setTimeout(r, 120));
    }
    clearInterval(streaming);
    type Timing = { gateToDataMs: number; frameWaitMs: number; drawMs: number; gateToDrawnMs: number };
    return (window as unknown as { __tracksideGateTimings: Timing[] }).__tracksideGateTimings;
  }, gates);
  await page.close();
  const frame = 1000 / 60;
  const of = (key: keyof (typeof latencies)[number]) => latencies.map((t) => t[key]);
  const row = (label: string, values: number[], p: number, note?: string): BenchRow => ({ suite: 'ride', case: `${label}, p${p}`, unit: 'ms', value: percentile(values, p), reference: { label: 'one frame', value: frame }, ...(note ? { note } : {}) });
  return [
    row(`gate → matrix drawn (10 riders at 4 Hz, ${latencies.length} gates)`, of('gateToDrawnMs'), 50),
    row('gate → matrix drawn', of('gateToDrawnMs'), 99, 'gate call → chart.update done in the next animation frame'),
    row('gate → data ready', of('gateToDataMs'), 50),
    row('gate → data ready', of('gateToDataMs'), 99, 'SessionModel.addGate + points()'),
    row('wait for the frame', of('frameWaitMs'), 50),
    row('wait for the frame', of('frameWaitMs'), 99, 'gate call → rAF callback: vsync and other tasks'),
    row('draw work in the frame', of('drawMs'), 50),
    row('draw work in the frame', of('drawMs'), 99, 'points, trails, chart.update'),
  ];
}

function replayShared(context: BenchContext): BenchRow[] {
  const dir = join(process.cwd(), '..', 'shared', 'data', 'cycling', 'replay');
  if (!existsSync(dir)) return [{ suite: 'ride', case: 'replay of shared exports', unit: 'samples/s', value: 0, note: `skipped: ${dir} missing` }];
  const rows: BenchRow[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort()) {
    const workbook = XLSX.read(readFileSync(join(dir, name)));
    const sheets: SheetRows = Object.fromEntries(workbook.SheetNames.map((s) => [s, XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets[s], { header: 1, defval: null })]));
    const { ride } = fieldExportFromSheets(sheets);
    const gates = ride.segments.map((s) => s.startTime);
    const last = ride.segments[ride.segments.length - 1];
    if (last) gates.push(last.startTime + last.durationS);
    const n = ride.stream.time.length;
    const repeats = context.options.quick ? 3 : 9;
    const ours: number[] = [];
    const bare: number[] = [];
    let points = 0;
    for (let k = 0; k < repeats; k++) {
      const model = new SessionModel({ segmentsPerLap: 5 });
      const started = performance.now();
      const clock = new ReplayClock([{ riderId: 'r', stream: ride.stream, gates }], {
        samples: (riderId, chunk) => model.appendSamples(riderId, chunk),
        gate: (riderId, time) => {
          model.addGate({ riderId, time });
          points = model.points().length;
        },
        reset: () => undefined,
        advanced: () => undefined,
      });
      clock.runToEnd();
      ours.push(performance.now() - started);
      const bareStart = performance.now();
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const p = ride.stream.power[i];
        if (p === p) sum += p;
      }
      bare.push(performance.now() - bareStart + (sum < 0 ? 1 : 0));
    }
    const rate = (ms: number) => n / (ms / 1000);
    rows.push({ suite: 'ride', case: `replay as fast as possible: ${name} (${n.toLocaleString('en')} samples, ${gates.length} gates, ${points} points)`, unit: 'samples/s', value: rate(median(ours)), reference: { label: 'bare loop over power', value: rate(Math.max(median(bare), 1e-3)) }, note: `median of ${repeats}; Node, ReplayClock + SessionModel` });
  }
  return rows;
}

export const suite: BenchSuite = {
  name: 'ride',
  async run(context) {
    return [...replayShared(context), ...(await gateLatency(context))];
  },
};
