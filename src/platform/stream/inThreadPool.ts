import { createRandom } from '../../core/stats/random';
import type { StreamPool } from './streamRun';
import { tasks } from './stream.tasks';

/**
 * The Stream's compute task run on the calling thread, for Node (tests, the benchmark's
 * reference runs, check:real): the same parse as a worker's, answered after a seeded random
 * delay so that blocks finish out of order as they do on real workers, and the in-order
 * delivery is exercised.
 */
export function inThreadPool(options: { workers?: number; maxDelayMs?: number; seed?: number } = {}): StreamPool {
  const random = createRandom(options.seed ?? 1);
  const maxDelayMs = options.maxDelayMs ?? 0;
  let workers = options.workers ?? 2;
  return {
    run: (input) => new Promise((resolve, reject) => {
      const answer = (): void => {
        try {
          resolve(tasks.parseLineBlock(input));
        } catch (error) {
          reject(error);
        }
      };
      if (maxDelayMs > 0) setTimeout(answer, random.next() * maxDelayMs);
      else queueMicrotask(answer);
    }),
    resize: (size) => {
      if (!Number.isInteger(size) || size < 1 || size > 8) throw new Error(`invalid pool size: ${size} (1 to 8)`);
      workers = size;
    },
    get workers() {
      return workers;
    },
    maxAuto: options.workers ?? 2,
  };
}
