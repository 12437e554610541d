/**
 * The DuckDB worker's side of the decoder worker. Each file gets a decoder worker of its own
 * that ends with its load, so a decoder that panics (parquet-wasm's `unreachable`), loops or
 * swallows memory on a hostile file ends that file's load, with a DataError naming the file
 * and what was being decoded, within a bound set by the bytes at stake; the worker is
 * dropped with everything it held, and the next file starts on a fresh one. One spare is
 * kept warm so that a load does not wait for a worker to start.
 */
import * as Comlink from 'comlink';
import { CancelledError, DataError, installErrorTransfer } from '../dataError';
import { decoderCrashed, type DecoderApi } from './decoder.api';
import { decodeDeadlineMs } from './intakeLimits';

/** One call's context, for the message when it goes wrong. */
export interface DecoderStep {
  file: string;
  /** Which decoder: "Parquet", "CSV check", "xlsx" … */
  decoder: string;
  /** What it was doing, in words: "row group 4 of 10". */
  what: string;
  /** Bytes at stake: they set how long the call may take. */
  bytes: number;
}

type Failure = { kind: 'crash'; reason: string } | { kind: 'timeout'; seconds: number; what: string } | { kind: 'cancel' };

export class IsolatedDecoder {
  #worker: Worker;
  #remote: Comlink.Remote<DecoderApi>;
  #failed: Failure | null = null;
  #waiting = new Set<(failure: Failure) => void>();
  #ended = false;
  readonly ready: Promise<void>;

  constructor(worker: Worker) {
    installErrorTransfer();
    this.#worker = worker;
    this.#remote = Comlink.wrap<DecoderApi>(worker);
    worker.addEventListener('message', (event: MessageEvent) => {
      const reason = (event.data as Record<string, unknown> | null)?.[decoderCrashed];
      if (reason !== undefined) this.#fail({ kind: 'crash', reason: String(reason) });
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#fail({ kind: 'crash', reason: event.message || 'the decoder worker failed' });
    });
    this.ready = this.#remote.prepare().catch(() => undefined);
  }

  /** Runs one decoder call; a panic, a deadline passed or a Cancel ends it (and this decoder). */
  call<T>(step: DecoderStep, work: (remote: Comlink.Remote<DecoderApi>) => Promise<T>): Promise<T> {
    if (this.#failed) return Promise.reject(this.#error(step, this.#failed));
    return new Promise<T>((resolve, reject) => {
      const limit = decodeDeadlineMs(step.bytes);
      const onFailure = (failure: Failure) => finish(() => reject(this.#error(step, failure)));
      const timer = setTimeout(() => this.#fail({ kind: 'timeout', seconds: Math.round(limit / 1000), what: step.what }), limit);
      let settled = false;
      const finish = (settle: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.#waiting.delete(onFailure);
        settle();
      };
      this.#waiting.add(onFailure);
      work(this.#remote).then((value) => finish(() => resolve(value)), (error: unknown) => finish(() => reject(error)));
    });
  }

  /** Whether it can still take a call (no panic, no deadline passed, not cancelled or ended). */
  get healthy(): boolean {
    return this.#failed === null && !this.#ended;
  }

  /** Stops whatever this decoder is doing; its pending call rejects with a CancelledError. */
  cancel(): void {
    this.#fail({ kind: 'cancel' });
  }

  /** Ends the worker and frees all it held (parquet-wasm's memory never shrinks otherwise). */
  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    if (!this.#failed) this.#failed = { kind: 'cancel' };
    this.#remote[Comlink.releaseProxy]();
    this.#worker.terminate();
  }

  #fail(failure: Failure): void {
    if (this.#failed && this.#failed.kind !== 'cancel') return;
    this.#failed = failure;
    for (const waiting of [...this.#waiting]) waiting(failure);
    this.end();
  }

  #error(step: DecoderStep, failure: Failure): Error {
    if (failure.kind === 'cancel') return new CancelledError(`Loading ${step.file}`);
    if (failure.kind === 'timeout') {
      return new DataError(`"${step.file}" took longer than ${failure.seconds} s to decode (${failure.what}) and was stopped`, {
        file: step.file, advice: 'The file may be damaged, or far larger inside than it looks; the files already loaded stay',
      });
    }
    // The decoder's own words (`RuntimeError: unreachable`) say nothing to the user; what it was reading does.
    console.warn(`decoder stopped on ${step.file}, ${step.what}: ${failure.reason}`);
    return new DataError(`"${step.file}" is damaged: the ${step.decoder} decoder stopped on ${step.what}`, {
      file: step.file, advice: 'Copy, download or export the file again; the files already loaded stay',
    });
  }
}

/** Files up to this size leave their decoder small enough to serve the next file. */
const reusableBelowBytes = 16_000_000;

/** Hands out one decoder per file, keeping a warm spare; Cancel reaches every decoder at work. */
export class DecoderSupply {
  #spawn: () => Worker;
  #spare: IsolatedDecoder | null = null;
  #working = new Set<IsolatedDecoder>();

  constructor(spawn: () => Worker) {
    this.#spawn = spawn;
  }

  /** A decoder for one file's load; give it back with `release` when the load ends. */
  take(): IsolatedDecoder {
    const decoder = this.#spare ?? new IsolatedDecoder(this.#spawn());
    this.#spare = null;
    this.#working.add(decoder);
    return decoder;
  }

  /**
   * The load is over: a decoder that read a small file and failed nowhere becomes the spare
   * (starting a worker costs more than the little it holds); any other ends, with its memory.
   */
  release(decoder: IsolatedDecoder, bytes = Infinity): void {
    this.#working.delete(decoder);
    if (!this.#spare && decoder.healthy && bytes <= reusableBelowBytes) this.#spare = decoder;
    else decoder.end();
  }

  /** Starts the spare (after DuckDB is up, and after each load, when the machine is quieter). */
  prepareSpare(): void {
    this.#spare ??= new IsolatedDecoder(this.#spawn());
  }

  cancelAll(): void {
    for (const decoder of this.#working) decoder.cancel();
  }
}
