import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { database } from '../storage/database';
import type { RideSessionRecord } from './rideSessionRecord';
import { SessionRecorder } from './sessionRecorder';

const record = (id: string): RideSessionRecord => ({ id, name: id, startedAt: 0, endedAt: null, riderIds: [], source: 'live', riders: [], gaps: [] });

async function chunksOf(sessionId: string) {
  const db = await database();
  const rows = await db.getAllFromIndex('samples', 'bySession', sessionId);
  return rows.map((r) => ({ rider: r.riderId, chunk: r.chunkNumber, time: Array.from(r.columns.time), power: Array.from(r.columns.power), cadence: Array.from(r.columns.cadence) }));
}

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
  });

  it('a flush with nothing buffered writes nothing', async () => {
    const recorder = await SessionRecorder.start(record('s2'));
    await recorder.flush();
    expect(await chunksOf('s2')).toEqual([]);
  });

  it('after a resume, chunk numbers continue after the stored ones, so nothing is overwritten', async () => {
    const first = await SessionRecorder.start(record('s3'));
    first.addSamples('ann', { time: [0], power: [100] });
    await first.flush();
    first.addSamples('ann', { time: [1], power: [110] });
    await first.flush();
    const resumed = await SessionRecorder.resume(record('s3'));
    resumed.addSamples('ann', { time: [2], power: [120] });
    resumed.addSamples('cyd', { time: [2], power: [300] });
    await resumed.flush();
    const chunks = await chunksOf('s3');
    expect(chunks.map((c) => `${c.rider}#${c.chunk}:${c.power.join(',')}`).sort()).toEqual(['ann#0:100', 'ann#1:110', 'ann#2:120', 'cyd#0:300']);
  });

  it('stop flushes what is left and stamps the end', async () => {
    const recorder = await SessionRecorder.start(record('s4'));
    recorder.addSamples('ann', { time: [0, 1], power: [1, 2] });
    await recorder.stop();
    expect((await chunksOf('s4')).map((c) => c.time)).toEqual([[0, 1]]);
    const db = await database();
    expect((await db.get('sessions', 's4'))?.endedAt).toBeGreaterThan(0);
  });
});
