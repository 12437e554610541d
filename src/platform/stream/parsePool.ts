import { ByteBuffers } from './byteBuffers';
import type { LineBlockInput, ParsedBlock, ParseReply, ParseRequest, SpareColumns } from './parsedBlock';
import type { StreamPool } from './streamRun';

/** A parse worker as the pool sees it: a browser Worker in the app, a stand-in in tests. */
export interface ParseWorker {
  post(request: ParseRequest, transfer: ArrayBuffer[]): void;
  onReply(callback: (reply: ParseReply) => void): void;
  /** Calls back when the worker dies (an uncaught error or a message it cannot read). */
  onCrash(callback: (reason: string) => void): void;
  terminate(): void;
}

/**
 * Blocks sent to a worker before it answers: while it parses one, the next waits in its
 * queue (DEPTH); small blocks (a batch size of 1 to 32) go on until the worker holds
 * LINES_AHEAD lines, a few milliseconds of parsing. A worker that has only a block or two
 * of 32 lines ahead idles whenever the coordinator is off its core for a moment, as it
 * often is on a busy machine; with a few milliseconds of work queued, both threads ride it out.
 */
const DEPTH = 2;
const LINES_AHEAD = 1024;
/** Column buffers kept per worker for its next blocks. */
const SPARE_COLUMNS = 8;

interface Job {
  id: number;
  input: LineBlockInput;
  /** A copy of the block's bytes, for the one retry if its worker dies (the sent ones are gone). */
  copy: ArrayBuffer;
  attempt: 1 | 2;
  resolve: (parsed: ParsedBlock) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: ParseWorker;
  jobs: Map<number, Job>;
  /** Lines of the blocks it holds. */
  lines: number;
  retiring: boolean;
}

/**
 * The Stream's parse workers: one message per block each way, the block's bytes and the
 * parsed columns transferred, never cloned. A worker always has its next block waiting
 * (DEPTH), so it does not idle while the coordinator, busy with the model, gets round to
 * answering. Buffers circulate: a block's buffer comes back with its parse and is filled
 * again; the columns the coordinator has read go back (`recycle`) for a worker's next block;
 * the copy kept for a retry is a reused buffer too. A worker that dies is replaced and its
 * blocks are sent again once, from their copies; a second failure stops the stream.
 */
export class ParsePool implements StreamPool {
  readonly maxAuto: number;
  #spawn: () => ParseWorker;
  #slots: Slot[] = [];
  #queue: Job[] = [];
  #nextId = 1;
  #copies = new ByteBuffers();
  #spare: SpareColumns[] = [];

  constructor(spawn: () => ParseWorker, workers: number, maxAuto: number) {
    this.#spawn = spawn;
    this.maxAuto = maxAuto;
    this.resize(workers);
  }

  get workers(): number {
    return this.#slots.filter((slot) => !slot.retiring).length;
  }

  run(input: LineBlockInput): Promise<ParsedBlock> {
    return new Promise((resolve, reject) => {
      const copy = this.#copies.take(input.byteLength);
      new Uint8Array(copy, 0, input.byteLength).set(new Uint8Array(input.bytes, 0, input.byteLength));
      this.#queue.push({ id: this.#nextId++, input, copy, attempt: 1, resolve, reject });
      this.#dispatch();
    });
  }

  /** Columns the coordinator has read: a worker writes its next block into them. */
  recycle(columns: { numbers: Float64Array; texts: Int32Array }): void {
    if (this.#spare.length < SPARE_COLUMNS * Math.max(1, this.#slots.length)) this.#spare.push({ numbers: columns.numbers.buffer as ArrayBuffer, texts: columns.texts.buffer as ArrayBuffer });
  }

  resize(size: number): void {
    if (!Number.isInteger(size) || size < 1 || size > 8) throw new Error(`invalid pool size: ${size} (1 to 8)`);
    const active = this.#slots.filter((slot) => !slot.retiring);
    for (let i = active.length; i < size; i++) this.#slots.push(this.#slot());
    for (const slot of active.slice(size)) {
      slot.retiring = true;
      if (slot.jobs.size === 0) this.#remove(slot);
    }
    this.#dispatch();
  }

  #slot(): Slot {
    const slot: Slot = { worker: this.#spawn(), jobs: new Map(), lines: 0, retiring: false };
    slot.worker.onReply((reply) => this.#answer(slot, reply));
    slot.worker.onCrash((reason) => this.#crashed(slot, reason));
    return slot;
  }

  #remove(slot: Slot): void {
    slot.worker.terminate();
    this.#slots = this.#slots.filter((s) => s !== slot);
  }

  /** Each queued block to the least busy worker (in lines) that has room. */
  #dispatch(): void {
    while (this.#queue.length > 0) {
      const job = this.#queue[0];
      let best: Slot | null = null;
      for (const slot of this.#slots) {
        const room = slot.jobs.size < DEPTH || slot.lines + job.input.lines <= LINES_AHEAD;
        if (!slot.retiring && room && (best === null || slot.lines < best.lines)) best = slot;
      }
      if (best === null) return;
      this.#queue.shift();
      best.jobs.set(job.id, job);
      best.lines += job.input.lines;
      const spare = this.#spare.pop();
      const input = spare === undefined ? job.input : { ...job.input, spare };
      const transfer = [input.bytes, ...(spare === undefined ? [] : [spare.numbers, spare.texts])];
      best.worker.post({ id: job.id, input }, transfer);
    }
  }

  #answer(slot: Slot, reply: ParseReply): void {
    const job = slot.jobs.get(reply.id);
    if (job === undefined) return;
    slot.jobs.delete(reply.id);
    slot.lines -= job.input.lines;
    this.#copies.give(job.copy);
    if ('error' in reply) job.reject(new Error(`parsing a block failed: ${reply.error}`));
    else job.resolve(reply.parsed);
    if (slot.retiring && slot.jobs.size === 0) this.#remove(slot);
    this.#dispatch();
  }

  #crashed(slot: Slot, reason: string): void {
    if (!this.#slots.includes(slot)) return;
    this.#remove(slot);
    if (!slot.retiring) this.#slots.push(this.#slot());
    // Its blocks go again, first, from their copies; a block that already had its second chance fails.
    const again: Job[] = [];
    for (const job of slot.jobs.values()) {
      if (job.attempt === 2) {
        job.reject(new Error(`a parse worker died twice on the block at byte ${job.input.startOffset} (${reason})`));
        continue;
      }
      const bytes = job.copy.slice(0);
      again.push({ ...job, input: { ...job.input, bytes }, attempt: 2 });
    }
    this.#queue.unshift(...again);
    this.#dispatch();
  }
}

/** A browser Worker running workers/streamParse.worker.ts. */
export function spawnParseWorker(): ParseWorker {
  const worker = new Worker(new URL('../../../workers/streamParse.worker.ts', import.meta.url), { type: 'module', name: 'stream-parse' });
  return {
    post: (request, transfer) => worker.postMessage(request, transfer),
    onReply: (callback) => worker.addEventListener('message', (event: MessageEvent<ParseReply>) => callback(event.data)),
    onCrash(callback) {
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        callback(event.message || 'uncaught error');
      });
      worker.addEventListener('messageerror', () => callback('a message could not be read'));
    },
    terminate: () => worker.terminate(),
  };
}
