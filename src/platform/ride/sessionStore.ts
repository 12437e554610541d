import { createRideStream, type GateEvent, type RideStream } from '../../core/power/index';
import { database } from '../storage/database';
import { guardQuota } from '../storage/storageStatus';
import { SAMPLE_COLUMNS, type RideSessionRecord } from './rideSessionRecord';

export interface StoredSession {
  readonly record: RideSessionRecord;
  /** Per rider, every recorded sample in time order. */
  readonly streams: Map<string, RideStream>;
  readonly gates: GateEvent[];
  readonly sampleCount: number;
}

export async function listSessions(): Promise<RideSessionRecord[]> {
  const db = await database();
  const all = (await db.getAllFromIndex('sessions', 'byStart')) as RideSessionRecord[];
  return all.filter((s) => s.source === 'live').reverse();
}

export async function renameSession(id: string, name: string): Promise<void> {
  if (name.trim() === '') throw new Error('a session needs a name');
  const db = await database();
  const record = await db.get('sessions', id);
  if (!record) throw new Error(`no session ${id}`);
  await guardQuota('the new name', () => db.put('sessions', { ...record, name: name.trim() }));
}

export async function deleteSession(id: string): Promise<void> {
  const db = await database();
  const tx = db.transaction(['sessions', 'samples', 'gates'], 'readwrite');
  await tx.objectStore('sessions').delete(id);
  for (const store of ['samples', 'gates'] as const) {
    const keys = await tx.objectStore(store).index('bySession').getAllKeys(id);
    for (const key of keys) await tx.objectStore(store).delete(key);
  }
  await tx.done;
}

/** Loads a session with its chunks put back together per rider. */
export async function loadSession(id: string): Promise<StoredSession> {
  const db = await database();
  const record = (await db.get('sessions', id)) as RideSessionRecord | undefined;
  if (!record) throw new Error(`no session ${id}`);
  const chunks = await db.getAllFromIndex('samples', 'bySession', id);
  chunks.sort((a, b) => (a.riderId === b.riderId ? a.chunkNumber - b.chunkNumber : a.riderId < b.riderId ? -1 : 1));
  const byRider = new Map<string, Record<string, number[]>>();
  for (const chunk of chunks) {
    let columns = byRider.get(chunk.riderId);
    if (!columns) byRider.set(chunk.riderId, (columns = Object.fromEntries(SAMPLE_COLUMNS.map((c) => [c, [] as number[]]))));
    for (const c of SAMPLE_COLUMNS) for (const v of chunk.columns[c] ?? []) columns[c].push(v);
  }
  const streams = new Map<string, RideStream>();
  let sampleCount = 0;
  for (const [riderId, c] of byRider) {
    streams.set(riderId, createRideStream({ time: c.time, power: c.power, cadence: c.cadence, heartRate: c.heartRate, speed: c.speed, distance: c.distance }, 1));
    sampleCount += c.time.length;
  }
  const gates = (await db.getAllFromIndex('gates', 'bySession', id)).map((g) => ({ riderId: g.riderId, time: g.time })).sort((a, b) => a.time - b.time);
  return { record, streams, gates, sampleCount };
}
