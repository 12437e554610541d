import type { ComputeTasks } from '../computeTasks';
import { ComputePool, type PoolWorker } from './computePool';
import { defaultPoolSize } from './poolSize';

/** A compute worker of the app, as the pool sees it (the Stream's coordinator worker spawns its own). */
export function spawnComputeWorker(): PoolWorker {
  const worker = new Worker(new URL('../../../workers/compute.worker.ts', import.meta.url), { type: 'module', name: 'compute' });
  return {
    endpoint: worker,
    terminate: () => worker.terminate(),
    onCrash(callback) {
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        callback(event.message || 'uncaught error');
      });
      worker.addEventListener('messageerror', () => callback('a message could not be read'));
    },
  };
}

let shared: ComputePool<ComputeTasks> | null = null;

/** The app's compute pool, started on first use. */
export function computePool(): ComputePool<ComputeTasks> {
  shared ??= new ComputePool<ComputeTasks>(spawnComputeWorker, defaultPoolSize());
  return shared;
}
