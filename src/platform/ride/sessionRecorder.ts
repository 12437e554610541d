import type { RideStreamColumns } from '../../core/power/index';
import type { IDBPTransaction } from 'idb';
import { database, type TracksideDb } from '../storage/database';
import { isQuotaError } from '../storage/storageStatus';
import { SAMPLE_COLUMNS, type RideSessionRecord } from './rideSessionRecord';

/** What is on the device and what is still only in memory, for the coach's screen. */
export interface RecordingStatus {
  /** Samples written to IndexedDB (after a resume: all of them). */
  readonly onDisk: number;
  /** Samples recorded but not yet written: lost if the tab closes now. */
  readonly waiting: number;
  /** The most seconds of riding any one rider has waiting. */
  readonly waitingSeconds: number;
  readonly gatesWaiting: number;
  /** Why the last write failed (storage full, …), or null when everything is written. */
  readonly problem: string | null;
  readonly storageFull: boolean;
}

interface PendingChunk {
  readonly riderId: string;
  readonly chunkNumber: number;
  readonly columns: Record<string, Float64Array>;
}

/**
 * Records a live session as it happens: samples are buffered per rider and written as one
 * chunk a rider every second, gates at once, session fields when they change. A write that
 * fails (storage full, the database closed) loses nothing: what it carried stays queued in
 * memory, numbered, and goes out with the next attempt — every second — until it succeeds,
 * so a storage squeeze costs no sample once space is back. The status says what waits.
 */
export class SessionRecorder {
  #record: RideSessionRecord;
  #recordDirty = true;
  /** Bumped by every change of the session row, so a write of an older version does not count as writing the newer one. */
  #recordVersion = 0;
  readonly #buffers = new Map<string, Record<string, number[]>>();
  readonly #nextChunk = new Map<string, number>();
  #chunks: PendingChunk[] = [];
  #gates: { riderId: string; time: number; segmentNumber: string }[] = [];
  #writing: Promise<void> = Promise.resolve();
  #onDisk: number;
  #problem: string | null = null;
  #storageFull = false;
  readonly #changed: (status: RecordingStatus) => void;

  private constructor(record: RideSessionRecord, onDisk: number, changed: (status: RecordingStatus) => void) {
    this.#record = record;
    this.#onDisk = onDisk;
    this.#changed = changed;
  }

  get session(): RideSessionRecord {
    return this.#record;
  }

  get status(): RecordingStatus {
    let waiting = 0;
    const perRider = new Map<string, number>();
    const count = (riderId: string, n: number) => perRider.set(riderId, (perRider.get(riderId) ?? 0) + n);
    for (const chunk of this.#chunks) count(chunk.riderId, chunk.columns.time.length);
    for (const [riderId, buffer] of this.#buffers) count(riderId, buffer.time.length);
    for (const n of perRider.values()) waiting += n;
    return { onDisk: this.#onDisk, waiting, waitingSeconds: Math.max(0, ...perRider.values()), gatesWaiting: this.#gates.length, problem: this.#problem, storageFull: this.#storageFull };
  }

  /** Starts recording a new session; its row is written with the first flush (now). */
  static async start(record: RideSessionRecord, changed: (status: RecordingStatus) => void = () => undefined): Promise<SessionRecorder> {
    const recorder = new SessionRecorder(record, 0, changed);
    await recorder.flush();
    return recorder;
  }

  /** Continues a session after a reload: new chunks are numbered after the stored ones. */
  static async resume(record: RideSessionRecord, changed: (status: RecordingStatus) => void = () => undefined): Promise<SessionRecorder> {
    const db = await database();
    const keys = await db.getAllKeysFromIndex('samples', 'bySession', record.id);
    const chunks = await db.getAllFromIndex('samples', 'bySession', record.id);
    const recorder = new SessionRecorder(record, chunks.reduce((n, c) => n + (c.columns.time?.length ?? 0), 0), changed);
    recorder.#recordDirty = false;
    for (const [, riderId, chunk] of keys) recorder.#nextChunk.set(riderId, Math.max(recorder.#nextChunk.get(riderId) ?? 0, chunk + 1));
    return recorder;
  }

  addSamples(riderId: string, chunk: RideStreamColumns): void {
    let buffer = this.#buffers.get(riderId);
    if (!buffer) this.#buffers.set(riderId, (buffer = Object.fromEntries(SAMPLE_COLUMNS.map((c) => [c, [] as number[]]))));
    for (let i = 0; i < chunk.time.length; i++) {
      for (const column of SAMPLE_COLUMNS) buffer[column].push(chunk[column]?.[i] ?? NaN);
    }
  }

  /** A gate is written at once (with whatever samples wait), not at the next second. */
  addGate(riderId: string, time: number, segmentNumber: string): Promise<void> {
    this.#gates.push({ riderId, time, segmentNumber });
    return this.flush();
  }

  /** Session fields (riders, course, gaps, name) change now and are written with the next flush. */
  update(changes: Partial<RideSessionRecord>): Promise<void> {
    this.#record = { ...this.#record, ...changes };
    this.#recordDirty = true;
    this.#recordVersion++;
    return this.flush();
  }

  /** Writes everything waiting in one transaction; on failure it all stays queued for the next call. Never rejects. */
  flush(): Promise<void> {
    for (const [riderId, buffer] of this.#buffers) {
      if (buffer.time.length === 0) continue;
      const chunkNumber = this.#nextChunk.get(riderId) ?? 0;
      this.#nextChunk.set(riderId, chunkNumber + 1);
      this.#chunks.push({ riderId, chunkNumber, columns: Object.fromEntries(SAMPLE_COLUMNS.map((c) => [c, Float64Array.from(buffer[c])])) });
    }
    this.#buffers.clear();
    this.#writing = this.#writing.then(() => this.#attempt());
    return this.#writing;
  }

  /** Flushes and stamps the end; resolves true when everything recorded is on the device. */
  async stop(): Promise<boolean> {
    this.#record = { ...this.#record, endedAt: Date.now() };
    this.#recordDirty = true;
    this.#recordVersion++;
    await this.flush();
    return this.#chunks.length === 0 && this.#gates.length === 0 && !this.#recordDirty;
  }

  async #attempt(): Promise<void> {
    // Copies: a gate or a chunk that arrives while this write is under way waits for the next one.
    const chunks = this.#chunks.slice();
    const gates = this.#gates.slice();
    const recordVersion = this.#recordVersion;
    const recordDirty = this.#recordDirty;
    if (chunks.length === 0 && gates.length === 0 && !recordDirty) return;
    let tx: IDBPTransaction<TracksideDb, ('sessions' | 'samples' | 'gates')[], 'readwrite'> | null = null;
    try {
      const db = await database();
      tx = db.transaction(['sessions', 'samples', 'gates'], 'readwrite');
      const done = tx.done;
      done.catch(() => undefined); // awaited below, or abandoned when a request throws at once
      // A failed transaction rejects every request in it too: tx.done carries the one error to act on.
      const settle = (request: Promise<unknown>) => void request.catch(() => undefined);
      if (recordDirty) settle(tx.objectStore('sessions').put(this.#record));
      for (const chunk of chunks) settle(tx.objectStore('samples').put({ sessionId: this.#record.id, ...chunk }));
      for (const gate of gates) settle(tx.objectStore('gates').put({ sessionId: this.#record.id, ...gate }));
      await done;
      this.#chunks = this.#chunks.slice(chunks.length);
      this.#gates = this.#gates.slice(gates.length);
      if (recordDirty && this.#recordVersion === recordVersion) this.#recordDirty = false;
      this.#onDisk += chunks.reduce((n, c) => n + c.columns.time.length, 0);
      this.#problem = null;
      this.#storageFull = false;
    } catch (error) {
      // All or nothing: a request that failed at once must not leave the others to commit.
      try {
        tx?.abort();
      } catch {
        // already finished
      }
      this.#storageFull = isQuotaError(error) || isQuotaError((error as { target?: { error?: unknown } })?.target?.error);
      this.#problem = this.#storageFull ? 'the device’s storage for Trackside is full' : `writing to the device failed (${(error as Error)?.message ?? String(error)})`;
    }
    this.#changed(this.status);
  }
}
