import { autoscaleWorkers } from '../../core/events/workerAutoscale';

/**
 * The automatic worker count, stepped every half second: the core rule (add workers while
 * the backlog grows, retire one after it has stayed drained a while) applied to the pool.
 */
export class WorkerScaler {
  #previousBacklog = 0;
  #drainedSince = performance.now();

  constructor(private readonly pool: { resizePool: (workers: number) => void; poolWorkers: () => number }) {}

  step(backlog: number): void {
    const now = performance.now();
    if (backlog > 8) this.#drainedSince = now;
    const workers = this.pool.poolWorkers();
    const next = autoscaleWorkers({ workers, backlog, previousBacklog: this.#previousBacklog, drainedForMs: now - this.#drainedSince });
    if (next !== workers) this.pool.resizePool(next);
    if (next < workers) this.#drainedSince = now;
    this.#previousBacklog = backlog;
  }
}
