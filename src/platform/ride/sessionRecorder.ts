import type { RideStreamColumns } from '../../core/power/index';
import { database } from '../storage/database';
import { guardQuota } from '../storage/storageStatus';
import { SAMPLE_COLUMNS, type RideSessionRecord, type SessionGap } from './rideSessionRecord';

/**
 * Records a live session as it happens: gates are written the moment they are tapped;
 * samples are buffered per rider and written as one chunk a second (a timer calls flush),
 * so a crash or a reload loses at most the last second. Chunk numbers continue after a
 * resume, so nothing written before is overwritten.
 */
export class SessionRecorder {
  private readonly buffers = new Map<string, Record<string, number[]>>();
  private readonly nextChunk = new Map<string, number>();
  private writing: Promise<void> = Promise.resolve();

  private constructor(private record: RideSessionRecord) {}

  get session(): RideSessionRecord {
    return this.record;
  }

  static async start(record: RideSessionRecord): Promise<SessionRecorder> {
    const db = await database();
    await guardQuota('the new session', () => db.put('sessions', record));
    return new SessionRecorder(record);
  }

  /** Continues a session after a reload: new chunks are numbered after the stored ones. */
  static async resume(record: RideSessionRecord): Promise<SessionRecorder> {
    const recorder = new SessionRecorder(record);
    const db = await database();
    const keys = await db.getAllKeysFromIndex('samples', 'bySession', record.id);
    for (const [, riderId, chunk] of keys) recorder.nextChunk.set(riderId, Math.max(recorder.nextChunk.get(riderId) ?? 0, chunk + 1));
    return recorder;
  }

  addSamples(riderId: string, chunk: RideStreamColumns): void {
    let buffer = this.buffers.get(riderId);
    if (!buffer) this.buffers.set(riderId, (buffer = Object.fromEntries(SAMPLE_COLUMNS.map((c) => [c, [] as number[]]))));
    for (let i = 0; i < chunk.time.length; i++) {
      for (const column of SAMPLE_COLUMNS) buffer[column].push(chunk[column]?.[i] ?? NaN);
    }
  }

  async addGate(riderId: string, time: number, segmentNumber: string): Promise<void> {
    const db = await database();
    await guardQuota('a gate', () => db.put('gates', { sessionId: this.record.id, riderId, time, segmentNumber }));
  }

  /** Saves session fields (riders, course, gaps, name) now. */
  async update(changes: Partial<RideSessionRecord>): Promise<void> {
    this.record = { ...this.record, ...changes };
    const db = await database();
    await guardQuota('the session', () => db.put('sessions', this.record));
  }

  async noteGaps(gaps: readonly SessionGap[]): Promise<void> {
    await this.update({ gaps });
  }

  /** Writes every buffered sample as one chunk per rider (one transaction). */
  flush(): Promise<void> {
    const pending = [...this.buffers.entries()].filter(([, b]) => b.time.length > 0);
    this.buffers.clear();
    if (pending.length === 0) return this.writing;
    this.writing = this.writing.then(async () => {
      const db = await database();
      await guardQuota('the latest samples', async () => {
        const tx = db.transaction('samples', 'readwrite');
        for (const [riderId, buffer] of pending) {
          const chunkNumber = this.nextChunk.get(riderId) ?? 0;
          this.nextChunk.set(riderId, chunkNumber + 1);
          const columns = Object.fromEntries(SAMPLE_COLUMNS.map((c) => [c, Float64Array.from(buffer[c])]));
          void tx.store.put({ sessionId: this.record.id, riderId, chunkNumber, columns });
        }
        await tx.done;
      });
    });
    return this.writing;
  }

  async stop(): Promise<void> {
    await this.flush();
    await this.update({ endedAt: Date.now() });
  }
}
