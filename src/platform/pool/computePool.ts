import * as Comlink from 'comlink';
import type { ComputeApi, TaskInput, TaskOutput, TaskTable } from './compute.api';
import { CancelledError, installErrorTransfer } from '../dataError';
import { defaultPoolSize, everyCoreSize } from './poolSize';
import { copyTypedArrays, transferablesOf } from './transferables';

/** What the pool needs of a worker; a browser Worker in the app, a MessagePort pair in tests. */
export interface PoolWorker {
  endpoint: Comlink.Endpoint;
  terminate(): void;
  /** Calls back when the worker dies (an uncaught error or a message it cannot read). */
  onCrash(callback: (reason: string) => void): void;
}

export interface RunOptions<Input = unknown> {
  signal?: AbortSignal;
  /** Transfer the input's buffers (default true); the pool keeps a copy for the one retry, unless `retryInput` makes it again. */
  transfer?: boolean;
  /**
   * Makes the input again for the one retry, so the pool keeps no copy of it: on this
   * machine copying a Run all's columns cost the page about 0.8 s (fresh memory is dear).
   */
  retryInput?: () => Input | Promise<Input>;
  /**
   * A bound on the task's time on a worker (not in the queue): past it the worker is stopped
   * and replaced and the task fails with `error()`. For decoders a crafted file can send
   * into an endless loop (SheetJS on an xlsx of zeros), which no signal inside the thread reaches.
   */
  deadline?: { ms: number; error: () => Error };
}

interface Job {
  task: string;
  input: unknown;
  options: RunOptions;
  attempt: number;
  /** Cancelled while its retry's input was being made. */
  cancelled?: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  timer?: ReturnType<typeof setTimeout>;
}

interface Slot {
  worker: PoolWorker;
  remote: Comlink.Remote<ComputeApi>;
  job: Job | null;
  retiring: boolean;
  /** Kept from an earlier widening, idle, for the next: it takes no work until then. */
  resting: boolean;
}

export interface PoolStats {
  /** Workers taking work now. */
  workers: number;
  /** Workers kept idle from a widening for the next (see ComputePool). */
  resting: number;
  busy: number;
  queued: number;
  completed: number;
  crashes: number;
  retries: number;
}

/**
 * N compute workers behind a bounded queue. Typed arrays are transferred both ways; Cancel
 * removes a queued task or stops the worker running it; a worker that dies is replaced and
 * its task retried once before the error reaches the caller.
 *
 * A widening's extra workers then rest, taking no work (the page keeps its core), until the
 * next widening wakes them with their compiled code warm: a fresh worker judges its first
 * groups at a third of its later speed (README, Results). Resting, a worker gives back its
 * task arena (taskArena.ts); resize() stops the resting ones beyond its size.
 */
export class ComputePool<Tasks extends TaskTable = TaskTable> {
  private slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly spaceWaiters: (() => void)[] = [];
  /** Tasks whose worker died, while their retry's input is being made (RunOptions.retryInput). */
  private readonly remaking = new Set<Job>();
  private terminated = false;
  private counters = { completed: 0, crashes: 0, retries: 0 };
  /** The size asked for by resize(); widened() lends more workers on top while its work runs. */
  private baseSize = 0;
  private readonly widenings: number[] = [];
  /** Workers kept altogether, busy or resting: the largest widening since the last resize(). */
  private keptSize = 0;

  constructor(
    private readonly spawn: () => PoolWorker,
    size = defaultPoolSize(),
    readonly maxQueued = 256,
  ) {
    installErrorTransfer();
    this.resize(size);
  }

  get stats(): PoolStats {
    return { workers: this.slots.filter((s) => !s.retiring && !s.resting).length, resting: this.slots.filter((s) => s.resting).length, busy: this.slots.filter((s) => s.job).length, queued: this.queue.length, ...this.counters };
  }

  /** Runs a task on the next free worker; waits for room when the queue is full (backpressure). */
  async run<Name extends keyof Tasks & string>(task: Name, input: TaskInput<Tasks, Name>, options: RunOptions<TaskInput<Tasks, Name>> = {}): Promise<TaskOutput<Tasks, Name>> {
    while (this.queue.length >= this.maxQueued && !this.terminated) await new Promise<void>((resolve) => this.spaceWaiters.push(resolve));
    options.signal?.throwIfAborted();
    if (this.terminated) throw new CancelledError(`Task ${task}`);
    return new Promise<TaskOutput<Tasks, Name>>((resolve, reject) => {
      const job: Job = { task, input, options: options as RunOptions, attempt: 1, resolve: resolve as (value: unknown) => void, reject };
      options.signal?.addEventListener('abort', () => this.cancel(job), { once: true });
      this.queue.push(job);
      this.dispatch();
    });
  }

  /** Grows or shrinks the pool; busy workers beyond the new size retire when their task ends. */
  resize(size: number): void {
    if (!Number.isInteger(size) || size < 1 || size > 8) throw new Error(`invalid pool size: ${size} (1 to 8)`);
    this.baseSize = size;
    this.keptSize = size;
    this.applySize();
  }

  /**
   * Runs `work` with at least `size` workers, then gives the pool back the size it would
   * have without it (resize()'s, or the largest other widening still running). A Results run
   * takes every core this way while the page only waits for it.
   */
  async widened<T>(size: number, work: () => Promise<T>): Promise<T> {
    if (!Number.isInteger(size) || size < 1 || size > 8) throw new Error(`invalid pool size: ${size} (1 to 8)`);
    this.widenings.push(size);
    this.keptSize = Math.max(this.keptSize, size);
    this.applySize();
    try {
      return await work();
    } finally {
      this.widenings.splice(this.widenings.indexOf(size), 1);
      this.applySize();
    }
  }

  /** widened() to a worker on every core. */
  everyCore<T>(work: () => Promise<T>): Promise<T> {
    return this.widened(everyCoreSize(), work);
  }

  private applySize(): void {
    if (this.terminated) return;
    const size = Math.max(this.baseSize, ...this.widenings);
    const kept = Math.max(size, this.keptSize);
    // Busy and awake workers first, so a shrink rests (or retires) idle ones before busy ones.
    const active = this.slots.filter((slot) => !slot.retiring).sort((a, b) => Number(a.resting) - Number(b.resting) || Number(!a.job) - Number(!b.job));
    for (let i = active.length; i < size; i++) this.slots.push(this.createSlot());
    active.forEach((slot, i) => {
      const resting = i >= size && i < kept;
      if (resting && !slot.resting && !slot.job) this.rest(slot);
      slot.resting = resting;
      if (i < kept) return;
      slot.retiring = true;
      if (!slot.job) this.removeSlot(slot);
    });
    this.dispatch();
  }

  /** Stops every worker; every task not finished — queued, running, or waiting for its retry's input — rejects as cancelled. */
  terminate(): void {
    this.terminated = true;
    const unfinished = [...this.queue.splice(0), ...this.slots.flatMap((slot) => (slot.job ? [slot.job] : [])), ...this.remaking];
    for (const slot of this.slots) slot.worker.terminate();
    this.slots = [];
    this.remaking.clear();
    for (const job of unfinished) {
      clearTimeout(job.timer);
      job.cancelled = true;
      job.reject(new CancelledError(`Task ${job.task}`));
    }
    for (const waiter of this.spaceWaiters.splice(0)) waiter();
  }

  private createSlot(): Slot {
    const worker = this.spawn();
    const slot: Slot = { worker, remote: Comlink.wrap<ComputeApi>(worker.endpoint), job: null, retiring: false, resting: false };
    worker.onCrash((reason) => this.handleCrash(slot, reason));
    return slot;
  }

  /** A resting worker gives back its task arena at once: it may rest a long while. */
  private rest(slot: Slot): void {
    slot.remote.rest().catch(() => undefined);
  }

  private removeSlot(slot: Slot): void {
    slot.worker.terminate();
    slot.remote[Comlink.releaseProxy]();
    this.slots = this.slots.filter((s) => s !== slot);
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job || slot.retiring || slot.resting || this.queue.length === 0) continue;
      const job = this.queue.shift()!;
      this.spaceWaiters.shift()?.();
      this.start(slot, job);
    }
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    const transfer = job.options.transfer !== false;
    const sent = job.input;
    // Keep a copy for the one retry, since the transfer takes the input's buffers away.
    if (transfer && job.attempt === 1 && !job.options.retryInput) job.input = copyTypedArrays(job.input);
    const payload = transfer && typeof sent === 'object' && sent !== null ? Comlink.transfer(sent, transferablesOf(sent)) : sent;
    const deadline = job.options.deadline;
    if (deadline) job.timer = setTimeout(() => this.stopRunning(slot, job, deadline.error()), deadline.ms);
    slot.remote.run(job.task, payload, job.attempt).then(
      (result) => this.finish(slot, job, () => job.resolve(result)),
      (error) => this.finish(slot, job, () => job.reject(error)),
    );
  }

  private finish(slot: Slot, job: Job, settle: () => void): void {
    if (slot.job !== job) return; // cancelled or crashed meanwhile: already settled
    clearTimeout(job.timer);
    slot.job = null;
    this.counters.completed++;
    settle();
    if (slot.retiring) this.removeSlot(slot);
    else if (slot.resting) this.rest(slot);
    this.dispatch();
  }

  private handleCrash(slot: Slot, reason: string): void {
    if (!this.slots.includes(slot)) return;
    this.counters.crashes++;
    const job = slot.job;
    clearTimeout(job?.timer);
    slot.job = null;
    // A resting worker that dies is not replaced: the next widening starts one.
    const replace = !slot.retiring && !slot.resting;
    this.removeSlot(slot);
    if (replace) this.slots.push(this.createSlot());
    if (job) {
      if (job.attempt === 1) {
        this.counters.retries++;
        job.attempt = 2;
        const remake = job.options.retryInput;
        if (remake) {
          this.remaking.add(job);
          void (async () => {
            try {
              job.input = await remake();
            } catch (error) {
              if (!job.cancelled) job.reject(error);
              return;
            } finally {
              this.remaking.delete(job);
            }
            if (job.cancelled) return;
            this.queue.unshift(job);
            this.dispatch();
          })();
        } else {
          this.queue.unshift(job);
        }
      } else {
        job.reject(new Error(`Task ${job.task} failed twice: its worker died (${reason})`));
      }
    }
    this.dispatch();
  }

  private cancel(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.spaceWaiters.shift()?.();
    } else {
      const slot = this.slots.find((s) => s.job === job);
      if (slot) {
        this.stopRunning(slot, job, new CancelledError(`Task ${job.task}`));
        return;
      }
      // Neither queued nor running: its retry's input is being made, or it is settled already.
      job.cancelled = true;
    }
    job.reject(new CancelledError(`Task ${job.task}`));
  }

  /** A running task cannot be interrupted inside its thread: stop the worker, start a new one. */
  private stopRunning(slot: Slot, job: Job, error: Error): void {
    if (slot.job !== job) return;
    clearTimeout(job.timer);
    slot.job = null;
    const retiring = slot.retiring;
    this.removeSlot(slot);
    if (!retiring) this.slots.push(this.createSlot());
    this.dispatch();
    job.reject(error);
  }
}
