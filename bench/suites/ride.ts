// The engine keeps rider profiles in IndexedDB; Node has none: a stand-in (a dev dependency).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename } from 'node:path';
import * as XLSX from 'xlsx';
import { RideEngine } from '../../src/platform/ride/rideEngine';
import { decodeRideFile } from '../../src/platform/ride/rideFileDecoder';
import { dataFiles } from '../../scripts/lib/dataFolder';
import { median, type BenchContext, type BenchRow, type BenchSuite } from '../context';

/**
 * Ride: (1) gate → matrix drawn in the built app, 10 riders streaming at 4 Hz through the
 * sensor-test seam, against one 16.7 ms frame, with the gate's data, the wait for the draw, the
 * draw and the next frame apart; (2) the shared field exports decoded and replayed as fast as
 * possible through the RideEngine the app runs, against SheetJS alone and a bare loop.
 */
const percentile = (values: number[], p: number) => {
  const sorted = [...values].filter(Number.isFinite).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

async function gateLatency(context: BenchContext): Promise<BenchRow[]> {
  const page = await context.newAppPage('/?sensor-test#/ride');
  await page.locator('[data-testid="ride-heading"][data-state="replayed"]').waitFor({ timeout: 120_000 });
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
    type Timing = { gateToDataMs: number; frameWaitMs: number; drawMs: number; gateToDrawnMs: number; gateToFrameMs: number };
    return (window as unknown as { __tracksideGateTimings: Timing[] }).__tracksideGateTimings;
  }, gates);
  await page.close();
  const frame = 1000 / 60;
  const of = (key: keyof (typeof latencies)[number]) => latencies.map((t) => t[key]);
  const row = (label: string, values: number[], p: number, note?: string): BenchRow => ({ suite: 'ride', case: `${label}, p${p}`, unit: 'ms', value: percentile(values, p), reference: { label: 'one frame', value: frame }, ...(note ? { note } : {}) });
  const drawn = of('gateToDrawnMs');
  const withinFrame = drawn.filter((ms) => ms <= frame).length / drawn.length;
  const load = loadavg()[0];
  return [
    { suite: 'ride', case: 'gates drawn within one frame', unit: '%', value: withinFrame * 100, reference: { label: 'all of them', value: 100 }, note: `machine load average ${load.toFixed(1)} on ${cpus().length} cores at the end of the run` },
    row(`gate → matrix drawn (10 riders at 4 Hz, ${latencies.length} gates)`, of('gateToDrawnMs'), 50),
    row('gate → matrix drawn', of('gateToDrawnMs'), 99, 'tap → chart.update done, drawn in the tap’s own task'),
    row('gate → data ready', of('gateToDataMs'), 50),
    row('gate → data ready', of('gateToDataMs'), 99, 'SessionModel gate + points()'),
    row('wait before the draw', of('frameWaitMs'), 99, 'tap → draw starts (no animation-frame wait for a tap)'),
    row('draw work', of('drawMs'), 50),
    row('draw work', of('drawMs'), 99, 'trails, chart.update'),
    row('gate → next frame starts', of('gateToFrameMs'), 50),
    row('gate → next frame starts', of('gateToFrameMs'), 99, 'when the compositor can show it: vsync, not work'),
  ];
}

async function replayShared(context: BenchContext): Promise<BenchRow[]> {
  const files = dataFiles('cycling/replay', (name) => name.toLowerCase().endsWith('.xlsx'));
  if (files.length === 0) return [];
  const rows: BenchRow[] = [];
  const repeats = context.options.quick ? 3 : 9;
  for (const path of files) {
    const bytes = readFileSync(path);
    const buffer = () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const decodeMs: number[] = [];
    const sheetMs: number[] = [];
    for (let k = 0; k < repeats; k++) {
      let started = performance.now();
      decodeRideFile({ fileName: basename(path), bytes: buffer() });
      decodeMs.push(performance.now() - started);
      started = performance.now();
      XLSX.read(new Uint8Array(buffer()), { type: 'array', dense: true });
      sheetMs.push(performance.now() - started);
    }
    const engine = new RideEngine({ decode: async (input) => decodeRideFile(input) });
    await engine.importFiles([{ name: basename(path), arrayBuffer: async () => buffer() }]);
    const n = engine.rides[0].ride.stream.time.length;
    const power = engine.rides[0].ride.stream.power;
    const ours: number[] = [];
    const bare: number[] = [];
    for (let k = 0; k < repeats; k++) {
      engine.seek(0);
      const started = performance.now();
      engine.replayToEnd();
      ours.push(performance.now() - started);
      const bareStart = performance.now();
      let sum = 0;
      for (let i = 0; i < n; i++) if (power[i] === power[i]) sum += power[i];
      bare.push(performance.now() - bareStart + (sum < 0 ? 1 : 0));
    }
    const rate = (ms: number) => n / (ms / 1000);
    const name = basename(path);
    rows.push({ suite: 'ride', case: `decode ${name} (${n.toLocaleString('en')} samples)`, unit: 'ms', value: median(decodeMs), reference: { label: 'SheetJS read alone', value: median(sheetMs) }, note: `median of ${repeats}; the compute task’s work, in Node` });
    rows.push({ suite: 'ride', case: `replay as fast as possible: ${name} (${engine.segments().length} segments)`, unit: 'samples/s', value: rate(median(ours)), reference: { label: 'bare loop over power', value: rate(Math.max(median(bare), 1e-3)) }, note: `median of ${repeats}; RideEngine (ReplayClock + SessionModel)` });
  }
  return rows;
}

export const suite: BenchSuite = {
  name: 'ride',
  async run(context) {
    return [...(await replayShared(context)), ...(await gateLatency(context))];
  },
};
