import { describeError } from '../dataError';
import { isQuotaError, StorageFullError } from '../storage/storageStatus';
import type { StreamStorage, StreamWrite } from './streamStorage';

const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 15_000;

export interface SaveStatus {
  /** Writes not on disk yet (the one being written included). */
  waiting: number;
  /** Why the first of them failed last, in words; null while writes succeed. */
  problem: string | null;
}

/**
 * The stream's writes to storage, one at a time and in order (a source before the games it
 * closes, closed games before the checkpoint that no longer holds them). A write that fails
 * — a full disk, most often — stays first in the queue and is tried again (after 1, 2, 4, 8,
 * then every 15 seconds) while the stream goes on; newer checkpoints replace a waiting one,
 * since only the latest matters (the closed games it carried go with the newer one).
 * Nothing is dropped: what is waiting, and why, is shown.
 */
export class SaveQueue {
  #storage: StreamStorage;
  #queue: StreamWrite[] = [];
  #writing = false;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #retryMs = FIRST_RETRY_MS;
  #problem: string | null = null;
  #idle: (() => void)[] = [];
  #onChange: (status: SaveStatus, saved: StreamWrite | null) => void;

  constructor(storage: StreamStorage, onChange: (status: SaveStatus, saved: StreamWrite | null) => void = () => undefined) {
    this.#storage = storage;
    this.#onChange = onChange;
  }

  get status(): SaveStatus {
    return { waiting: this.#queue.length, problem: this.#problem };
  }

  push(item: StreamWrite): void {
    const last = this.#queue.length - 1;
    const waiting = last >= (this.#writing ? 1 : 0) ? this.#queue[last] : undefined;
    // The one being written is #queue[0]; a checkpoint waiting behind it is replaced by the
    // newer one, which takes over the closed games the waiting one carried.
    if (item.kind === 'checkpoint' && waiting?.kind === 'checkpoint') this.#queue[last] = { ...item, closed: [...waiting.closed, ...item.closed] };
    else this.#queue.push(item);
    this.#changed(null);
    this.#next();
  }

  /** A new stream: what the old one still had waiting is dropped, and its saved state cleared. */
  restart(): void {
    this.#queue.splice(this.#writing ? 1 : 0);
    this.#problem = null;
    this.push({ kind: 'clear' });
  }

  /** Tries a waiting write now (after the person freed space). */
  retryNow(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#retryMs = FIRST_RETRY_MS;
    this.#next();
  }

  /** Resolves when every write pushed so far is on disk. */
  drained(): Promise<void> {
    if (this.#queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  #changed(saved: StreamWrite | null): void {
    this.#onChange(this.status, saved);
  }

  #next(): void {
    if (this.#writing || this.#timer !== null) return;
    const item = this.#queue[0];
    if (item === undefined) {
      for (const wake of this.#idle.splice(0)) wake();
      return;
    }
    this.#writing = true;
    this.#storage.write(item).then(
      () => {
        this.#writing = false;
        this.#queue.shift();
        this.#problem = null;
        this.#retryMs = FIRST_RETRY_MS;
        this.#changed(item);
        this.#next();
      },
      (error: unknown) => {
        this.#writing = false;
        this.#problem = isQuotaError(error) ? new StorageFullError('the stream').message : describeError(error);
        this.#changed(null);
        this.#timer = setTimeout(() => {
          this.#timer = null;
          this.#next();
        }, this.#retryMs);
        this.#retryMs = Math.min(LAST_RETRY_MS, this.#retryMs * 2);
      },
    );
  }
}
