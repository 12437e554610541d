import { autoscaleWorkers, defaultAutoscale } from '../../core/events/workerAutoscale';

/**
 * The automatic worker count, stepped every half second: the core rule (add workers while
 * the backlog grows, retire one after it has stayed drained a while) applied to the pool.
 */
export class WorkerScaler {
  #previousBacklog = 0;
  #drainedSince = performance.now();

  #pool: { resizePool: (workers: number) => void; poolWorkers: () => number };
  #max: number;

  /** `max`: the most workers it may start (cores − 1: with the coordinator's thread, one per core). */
  constructor(pool: { resizePool: (workers: number) => void; poolWorkers: () => number }, max: number) {
    this.#pool = pool;
    this.#max = Math.max(1, max);
  }

  step(backlog: number): void {
    const now = performance.now();
    if (backlog > 8) this.#drainedSince = now;
    const workers = this.#pool.poolWorkers();
    const next = autoscaleWorkers({ workers, backlog, previousBacklog: this.#previousBacklog, drainedForMs: now - this.#drainedSince }, { ...defaultAutoscale, max: this.#max });
    if (next !== workers) this.#pool.resizePool(next);
    if (next < workers) this.#drainedSince = now;
    this.#previousBacklog = backlog;
  }
}
