import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { database } from '../storage/database';
import type { RideSessionRecord } from './rideSessionRecord';
import { SessionRecorder, type RecordingStatus } from './sessionRecorder';

const record = (id: string): RideSessionRecord => ({ id, name: id, startedAt: 0, endedAt: null, riderIds: [], source: 'live', riders: [], gaps: [] });

async function chunksOf(sessionId: string) {
  const db = await database();
  const rows = await db.getAllFromIndex('samples', 'bySession', sessionId);
  return rows.map((r) => ({ rider: r.riderId, chunk: r.chunkNumber, time: Array.from(r.columns.time), power: Array.from(r.columns.power), cadence: Array.from(r.columns.cadence) }));
}

/** The device's storage refuses every write while `full` is set, as Chromium does when the quota is reached. */
const storage: { full: boolean; onPut: ((store: string) => void) | null } = { full: false, onPut: null };
const put = IDBObjectStore.prototype.put;
IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
  if (storage.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  storage.onPut?.(this.name);
  return put.apply(this, args);
};
afterEach(() => {
  storage.full = false;
  storage.onPut = null;
});

describe('SessionRecorder chunks', () => {
  it('writes one chunk per rider per flush, numbered 0, 1, … per rider, columns as sent', async () => {
    const recorder = await SessionRecorder.start(record('s1'));
    recorder.addSamples('ann', { time: [0, 1], power: [200, 210], cadence: [90, 91] });
    recorder.addSamples('ann', { time: [2], power: [220], cadence: [92] });
    recorder.addSamples('bob', { time: [0.5], power: [150] });
    await recorder.flush();
    recorder.addSamples('ann', { time: [3], power: [230], cadence: [93] });
    await recorder.flush();
    const chunks = await chunksOf('s1');
    expect(chunks.map((c) => `${c.rider}#${c.chunk}:${c.time.join(',')}`).sort()).toEqual(['ann#0:0,1,2', 'ann#1:3', 'bob#0:0.5']);
    expect(chunks.find((c) => c.rider === 'ann' && c.chunk === 0)?.power).toEqual([200, 210, 220]);
    // A column the chunk did not carry is stored as NaN, never as 0.
    expect(chunks.find((c) => c.rider === 'bob')?.cadence).toEqual([NaN]);
    expect(recorder.status.onDisk).toBe(5);
  });

  it('keeps a gate, a chunk and a renamed session that arrive while a write is under way', async () => {
    const recorder = await SessionRecorder.start(record('s5'));
    recorder.addSamples('ann', { time: [0], power: [100] });
    const late: Promise<void>[] = [];
    storage.onPut = (store) => {
      if (store !== 'samples') return;
      storage.onPut = null;
      // While the write of chunk 0 commits: a tap, the next second, a new name.
      queueMicrotask(() => {
        late.push(recorder.addGate('ann', 0.5, 'start'));
        recorder.addSamples('ann', { time: [1], power: [110] });
        late.push(recorder.flush(), recorder.update({ name: 'Hill repeats' }));
      });
    };
    await recorder.flush();
    await Promise.all(late);
    expect((await chunksOf('s5')).flatMap((c) => c.time)).toEqual([0, 1]);
    const db = await database();
    expect((await db.getAllFromIndex('gates', 'bySession', 's5')).map((g) => g.time)).toEqual([0.5]);
    expect((await db.get('sessions', 's5'))?.name).toBe('Hill repeats');
    expect(recorder.status).toMatchObject({ onDisk: 2, waiting: 0, gatesWaiting: 0 });
  });

  it('after a resume, chunk numbers continue after the stored ones, so nothing is overwritten', async () => {
    const first = await SessionRecorder.start(record('s3'));
    first.addSamples('ann', { time: [0], power: [100] });
    await first.flush();
    first.addSamples('ann', { time: [1], power: [110] });
    await first.flush();
    const resumed = await SessionRecorder.resume(record('s3'));
    expect(resumed.status.onDisk).toBe(2);
    resumed.addSamples('ann', { time: [2], power: [120] });
    resumed.addSamples('cyd', { time: [2], power: [300] });
    await resumed.flush();
    const chunks = await chunksOf('s3');
    expect(chunks.map((c) => `${c.rider}#${c.chunk}:${c.power.join(',')}`).sort()).toEqual(['ann#0:100', 'ann#1:110', 'ann#2:120', 'cyd#0:300']);
  });

  it('stop flushes what is left and stamps the end', async () => {
    const recorder = await SessionRecorder.start(record('s4'));
    recorder.addSamples('ann', { time: [0, 1], power: [1, 2] });
    expect(await recorder.stop()).toBe(true);
    expect((await chunksOf('s4')).map((c) => c.time)).toEqual([[0, 1]]);
    const db = await database();
    expect((await db.get('sessions', 's4'))?.endedAt).toBeGreaterThan(0);
  });
});

// Issue 13, defect 2: after one failed write every later write was skipped, the waiting samples
// were discarded and the screen counted samples that were never on disk.
describe('SessionRecorder when the storage is full', () => {
  it('keeps every sample and gate queued while writes fail, says what waits, and writes it all once space is back', async () => {
    const seen: RecordingStatus[] = [];
    const recorder = await SessionRecorder.start(record('full'), (status) => seen.push(status));
    recorder.addSamples('ann', { time: [0, 1], power: [200, 201] });
    await recorder.flush();
    storage.full = true;
    for (let s = 2; s < 12; s++) {
      recorder.addSamples('ann', { time: [s], power: [200 + s] });
      if (s === 5) await recorder.addGate('ann', 5, 'start');
      await recorder.flush();
    }
    expect(recorder.status).toMatchObject({ onDisk: 2, waiting: 10, waitingSeconds: 10, gatesWaiting: 1, storageFull: true, problem: 'the device’s storage for Trackside is full' });
    expect((await chunksOf('full')).flatMap((c) => c.time)).toEqual([0, 1]);

    storage.full = false;
    recorder.addSamples('ann', { time: [12], power: [212] });
    await recorder.flush();
    expect(recorder.status).toMatchObject({ onDisk: 13, waiting: 0, gatesWaiting: 0, problem: null, storageFull: false });
    const chunks = (await chunksOf('full')).sort((a, b) => a.chunk - b.chunk);
    expect(chunks.flatMap((c) => c.time)).toEqual(Array.from({ length: 13 }, (_, i) => i));
    expect(chunks.flatMap((c) => c.power)).toEqual(Array.from({ length: 13 }, (_, i) => 200 + i));
    const db = await database();
    expect((await db.getAllFromIndex('gates', 'bySession', 'full')).map((g) => g.time)).toEqual([5]);
    expect(seen.some((s) => s.storageFull) && seen[seen.length - 1].problem === null).toBe(true);
  });
});
