import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as XLSX from 'xlsx';
import { fieldExportToSheets, segmentMetrics, type FieldExportRide } from '../../core/power/index';
import { generateRideSession } from '../../core/generate/rides';
import { headUnitCsv, lapsJson, lapsOf } from '../../core/generate/rideTextFiles';
import { TestSensorSource } from '../ble/testSensorSource';
import { RideEngine, type RideFileInput } from './rideEngine';
import { decodeRideFile } from './rideFileDecoder';

/** The engine as the Node checks and the bench drive it: files decoded in-process, no screen. */
const engine = () => new RideEngine({ decode: async (input) => decodeRideFile(input) });
const file = (name: string, data: string | Uint8Array | ArrayBuffer): RideFileInput => ({
  name,
  arrayBuffer: async () => {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  },
});
const xlsxFile = (name: string, ride: FieldExportRide) => {
  const workbook = XLSX.utils.book_new();
  for (const [sheet, rows] of Object.entries(fieldExportToSheets(ride))) XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows), sheet);
  return file(name, XLSX.write(workbook, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
};

afterEach(() => vi.useRealTimers());

describe('RideEngine replay', () => {
  it('replays field exports together: every segment’s NP equals the batch computation, riders compared on each segment', async () => {
    const rides = generateRideSession({ riders: 3, laps: 2, segmentsPerLap: 4, seed: 21 });
    const ride = engine();
    const report = await ride.importFiles(rides.map((r, i) => xlsxFile(`rider_${i + 1}.xlsx`, r)));
    expect(report.refused).toEqual([]);
    ride.replayToEnd();
    expect(ride.riders.map((r) => [r.name, r.ftp, r.profileSource])).toEqual(rides.map((r) => [r.rider.name, r.rider.ftp, 'file']));
    const segments = ride.segments();
    expect(segments).toHaveLength(3 * 8);
    for (const [i, r] of rides.entries()) {
      const s = r.segments[5];
      const batch = segmentMetrics(r.stream, s.startTime, s.startTime + s.durationS, r.rider);
      const ours = segments.find((x) => x.riderId === ride.riders[i].id && x.segmentNumber === '2.2')!;
      expect(ours.metrics.normalizedPower).toBeCloseTo(batch.normalizedPower, 9);
      expect(ours.metrics.trainingStressScore).toBeCloseTo(batch.trainingStressScore, 9);
    }
    expect(ride.scope.scope).toBe('segment');
    expect(ride.cutOffer).toBeNull();
  });

  it('offers to cut a ride without laps, cuts it, and compares one rider’s laps with each other, saying so', async () => {
    const [r] = generateRideSession({ riders: 1, laps: 3, segmentsPerLap: 3, seed: 4 });
    const ride = engine();
    await ride.importFiles([file('Ana.csv', headUnitCsv(r))]);
    ride.replayToEnd();
    expect(ride.segments()).toHaveLength(0);
    expect(ride.cutOffer).toEqual({ riderNames: ['Ana'], byDistance: true });
    ride.cutRides({ by: 'time', everyS: 300 });
    ride.replayToEnd();
    const pieces = Math.floor(r.stream.time.length / 300) + (r.stream.time.length % 300 >= 150 ? 1 : 0);
    expect(ride.segments().map((s) => s.segmentNumber)).toEqual(Array.from({ length: pieces }, (_, i) => `${i + 1}.1`));
    expect(ride.cutOffer).toBeNull();
    expect(ride.scope).toEqual({ scope: 'session', reason: 'One rider: Ana’s laps compared with each other.' });
    expect(ride.points({ scope: 'session' }).filter((p) => p.x !== 0 || p.y !== 0).length).toBeGreaterThan(0);
  });

  it('puts a laps file beside its ride: its laps become segments and its FTP is used', async () => {
    const [r] = generateRideSession({ riders: 1, laps: 2, segmentsPerLap: 2, seed: 8 });
    const laps = lapsOf(r, 'segment');
    const ride = engine();
    await ride.importFiles([file('Ben.csv', headUnitCsv(r)), file('Ben.laps.json', lapsJson(r, laps))]);
    ride.replayToEnd();
    expect(ride.segments()).toHaveLength(laps.length);
    expect(ride.riders[0].ftp).toBe(r.rider.ftp);
    expect(ride.segments()[0].metrics.intensityFactor).toBeGreaterThan(0);
    expect(ride.rides[0].gateSource).toBe(`4 laps from Ben.laps.json`);
  });

  it('recomputes every segment when the FTP changes, refuses an impossible one, and remembers the profile by name', async () => {
    const [r] = generateRideSession({ riders: 1, laps: 1, segmentsPerLap: 3, seed: 9 });
    const csv = headUnitCsv(r);
    const ride = engine();
    await ride.importFiles([file('Cyd.csv', csv), file('Cyd.laps.json', JSON.stringify({ laps: lapsOf(r, 'segment').map((l) => ({ start: l.startTime, end: l.endTime })) }))]);
    ride.replayToEnd();
    const id = ride.riders[0].id;
    expect(ride.segments().every((s) => Number.isNaN(s.metrics.intensityFactor))).toBe(true);
    await ride.updateRider(id, { ftp: 250, weightKg: 60 });
    for (const s of ride.segments()) {
      expect(s.metrics.intensityFactor).toBeCloseTo(s.metrics.normalizedPower / 250, 12);
      expect(s.metrics.wattsPerKg).toBeCloseTo(s.metrics.averagePower / 60, 12);
    }
    await expect(ride.updateRider(id, { ftp: 9999 })).rejects.toThrow('FTP 9999 W is outside 30–700 W: not applied');
    const again = engine();
    await again.importFiles([file('Cyd.csv', csv)]);
    expect(again.riders[0]).toMatchObject({ name: 'Cyd', ftp: 250, weightKg: 60, profileSource: 'saved' });
  });

  it('keeps the replay it has when a file is refused, and replays the good files of a batch', async () => {
    const [a, b] = generateRideSession({ riders: 2, laps: 1, segmentsPerLap: 2, seed: 3 });
    const ride = engine();
    await ride.importFiles([xlsxFile('a.xlsx', a)]);
    const refused = await ride.importFiles([file('broken.fit', 'not a fit file')]);
    expect(refused.refused.map((x) => x.fileName)).toEqual(['broken.fit']);
    expect(ride.replay?.label).toBe('a.xlsx');
    const mixed = await ride.importFiles([xlsxFile('b.xlsx', b), file('broken.fit', 'x')]);
    expect(mixed.refused).toHaveLength(1);
    expect(ride.replay?.label).toBe('b.xlsx');
  });
});

describe('RideEngine live', () => {
  // Issue 13, defect 7: one packet of 32,767 W among 200 W ones became an 8,342 W sample that was averaged in.
  it('keeps an implausible packet out of the second it arrived in, and lists it with its reason', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'setTimeout', 'clearInterval', 'clearTimeout', 'Date'], now: 1_700_000_000_000 });
    const ride = engine();
    const sensor = new TestSensorSource('pm-1', 'Power meter');
    await ride.adoptSensor(sensor);
    const startedAt = Date.now();
    ride.tapGate(0);
    const packet = (watts: number, seconds: number) => sensor.inject({ kind: 'power', value: new DataView(Uint8Array.from([0, 0, watts & 0xff, (watts >> 8) & 0xff]).buffer), arrivalMs: startedAt + seconds * 1000 - performance.timeOrigin });
    for (const [watts, t] of [[200, 0.1], [200, 0.35], [32767, 0.6], [200, 0.85], [210, 1.1]] as const) packet(watts, t);
    await vi.advanceTimersByTimeAsync(2500);
    const riderId = ride.riders[0].id;
    expect(ride.live.rejected).toEqual([{ riderId, time: 0.6, quantity: 'power', value: 32767, reason: 'power 32,767 W is above 3,000 W' }]);
    // The second 0–1 s holds the three 200 W packets, 1–2 s the 210 W one: 205 W, not (8,342 + 210) / 2.
    const segment = ride.tapGate(0)!;
    expect(segment.metrics.averagePower).toBe(205);
    expect(ride.recording?.onDisk).toBe(2);
    const status = await ride.endLive();
    expect(status).toMatchObject({ onDisk: 2, waiting: 0, problem: null });
    expect(ride.recording).toBeNull();
  });
});
