import type { EncodedActions } from '../../core/events/actionBatchCodec';
import { LineFramer } from '../../core/events/lineFramer';
import { MicroBatcher } from '../../core/events/microBatcher';
import type { Reject } from '../../core/events/parseAction';
import { ByteBuffers } from './byteBuffers';
import type { LineBlockInput, ParsedBlock } from './parsedBlock';

/** A parsed block, delivered in source order whatever worker finished first. */
export interface DeliveredBlock {
  seq: number;
  startOffset: number;
  endOffset: number;
  linesBefore: number;
  lines: number;
  /** The block's actions as the worker sent them: columns, decoded only if they must queue. */
  actions: EncodedActions;
  rejects: Reject[];
  /** performance.now() when the block's first line arrived from the source. */
  ingestMs: number;
  parseMs: number;
}

export interface DispatcherOptions {
  startOffset: number;
  linesBefore: number;
  batchSize: number;
  maxLatencyMs: number;
  run: (input: LineBlockInput) => Promise<ParsedBlock>;
  deliver: (block: DeliveredBlock) => void;
  fail: (error: unknown) => void;
}

/** When a chunk's lines arrived: the lines from `firstEnd` on, up to the next chunk's. */
interface ChunkArrival {
  firstEnd: number;
  ingestMs: number;
}

/**
 * Reading side of the Stream: frames source chunks into lines (bytes only, no decoding),
 * groups lines into micro-batches (the core MicroBatcher: batch size and max latency), sends
 * each batch to a compute worker as one transferred ArrayBuffer (filled again when it comes
 * back with the parse), and hands the parsed blocks on strictly in source order, so
 * parallel workers never change the result.
 */
export class BlockDispatcher {
  #framer: LineFramer;
  #batcher: MicroBatcher<number>;
  #arrivals: ChunkArrival[] = [];
  #options: DispatcherOptions;
  #linesDispatched: number;
  #nextSeq = 0;
  #nextDelivery = 0;
  #done = new Map<number, DeliveredBlock>();
  #inFlight = 0;
  #inFlightLines = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #idleWaiters: (() => void)[] = [];
  /** Block buffers: cut into, sent, given back with the parse. */
  #buffers = new ByteBuffers();
  #take = (length: number): ArrayBuffer => this.#buffers.take(length);

  constructor(options: DispatcherOptions) {
    this.#options = options;
    this.#framer = new LineFramer(options.startOffset);
    this.#linesDispatched = options.linesBefore;
    this.#batcher = new MicroBatcher<number>({ batchSize: options.batchSize, maxLatencyMs: options.maxLatencyMs, now: () => performance.now() });
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /** Lines read but not yet delivered: waiting for a batch or in a worker. */
  get backlogLines(): number {
    return this.#inFlightLines + this.#batcher.pending;
  }

  setOptions(change: { batchSize?: number; maxLatencyMs?: number }): void {
    this.#send(this.#batcher.setOptions(change));
    this.#arm();
  }

  push(chunk: Uint8Array): void {
    const ends = this.#framer.push(chunk);
    if (ends.length > 0) this.#arrivals.push({ firstEnd: ends[0], ingestMs: performance.now() });
    this.#send(this.#batcher.addMany(ends));
    this.#arm();
  }

  /** End of the source: the last line and the partial batch go now. */
  finish(): void {
    const last = this.#framer.finish();
    // The last line may complete a batch: send what the add gives back, then the rest.
    if (last !== null) {
      this.#arrivals.push({ firstEnd: last, ingestMs: performance.now() });
      this.#send(this.#batcher.add(last));
    }
    this.#send([this.#batcher.flush()].filter((batch) => batch.length > 0));
  }

  /** Resolves when every block sent has been delivered. */
  idle(): Promise<void> {
    if (this.#inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  stop(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** A partial batch leaves when its oldest line has waited max latency. */
  #arm(): void {
    const deadline = this.#batcher.nextDeadline();
    if (deadline === null || this.#timer !== null) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#send(this.#batcher.poll());
      this.#arm();
    }, Math.max(0, deadline - performance.now()));
  }

  /** When the line ending at `end` arrived (line ends come in order: older chunks are let go). */
  #ingestOf(end: number): number {
    while (this.#arrivals.length > 1 && this.#arrivals[1].firstEnd <= end) this.#arrivals.shift();
    return this.#arrivals[0].ingestMs;
  }

  #send(batches: number[][]): void {
    for (const batch of batches) {
      const block = this.#framer.cut(batch[batch.length - 1], this.#take);
      const seq = this.#nextSeq++;
      const linesBefore = this.#linesDispatched;
      this.#linesDispatched += batch.length;
      this.#inFlight++;
      this.#inFlightLines += batch.length;
      const ingestMs = this.#ingestOf(batch[0]);
      this.#options
        .run({ bytes: block.bytes, byteLength: block.byteLength, startOffset: block.startOffset, linesBefore, lines: batch.length, receivedAtMs: Date.now() })
        .then((parsed) => {
          this.#buffers.give(parsed.bytes);
          this.#done.set(seq, {
            seq, startOffset: block.startOffset, endOffset: block.endOffset, linesBefore, lines: batch.length,
            actions: parsed.actions, rejects: parsed.rejects, ingestMs, parseMs: parsed.parseMs,
          });
          this.#deliverInOrder();
        })
        .catch((error: unknown) => this.#options.fail(error));
    }
  }

  #deliverInOrder(): void {
    for (let block = this.#done.get(this.#nextDelivery); block !== undefined; block = this.#done.get(this.#nextDelivery)) {
      this.#done.delete(this.#nextDelivery++);
      this.#inFlight--;
      this.#inFlightLines -= block.lines;
      this.#options.deliver(block);
    }
    if (this.#inFlight === 0) for (const wake of this.#idleWaiters.splice(0)) wake();
  }
}
