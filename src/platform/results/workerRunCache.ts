/**
 * The app's detector cache (detectorCache.ts) run in a worker of its own: IndexedDB
 * serialises a value on the thread that stores it and deserialises it where it is read, so
 * the page hands the scores over (copied once, then transferred) and gets them back
 * transferred. The cache is an optimisation: a worker that cannot start or answer means no
 * cache, never a failed run.
 */
import * as Comlink from 'comlink';
import type { RunCache } from './resultsPorts';

export type RunCacheWorkerApi = RunCache;

const batchBytes = 8 * 1024 * 1024;

const spawnRunCacheWorker = (): Comlink.Endpoint => new Worker(new URL('../../../workers/runCache.worker.ts', import.meta.url), { type: 'module', name: 'run-cache' });

/** `spawn` gives the worker's end (a test passes a MessagePort). */
export function workerRunCache(spawn: () => Comlink.Endpoint = spawnRunCacheWorker): RunCache {
  let remote: Comlink.Remote<RunCacheWorkerApi> | null = null;
  // A worker that fails to load or dies answers nothing: its calls would wait forever, and
  // the run with them. Its error ends every call, now and later, as "no cache".
  let broken: Promise<never> = new Promise<never>(() => undefined);
  const worker = (): Comlink.Remote<RunCacheWorkerApi> => {
    if (remote) return remote;
    const endpoint = spawn();
    broken = new Promise<never>((_, reject) => {
      const fail = () => reject(new Error('the run cache worker stopped'));
      endpoint.addEventListener('error', fail);
      endpoint.addEventListener('messageerror', fail);
    });
    broken.catch(() => undefined);
    remote = Comlink.wrap<RunCacheWorkerApi>(endpoint);
    return remote;
  };
  const answer = <T>(call: () => Promise<T>): Promise<T> => {
    const called = call();
    return Promise.race([called, broken]);
  };
  return {
    async read(keys) {
      try {
        return await answer(() => worker().read(keys));
      } catch {
        return keys.map(() => null);
      }
    },
    async write(entries) {
      try {
        // The engine keeps its scores for the evaluation: the worker gets copies it can own,
        // made a few megabytes at a time, so the page never copies 100 MB in one go.
        let stored = true;
        for (let start = 0; start < entries.length;) {
          const copies: typeof entries = [];
          let bytes = 0;
          while (start < entries.length && (copies.length === 0 || bytes < batchBytes)) {
            const e = entries[start++];
            copies.push({ key: e.key, scores: e.scores.slice(), threshold: e.threshold });
            bytes += e.scores.byteLength;
          }
          stored = (await answer(() => worker().write(Comlink.transfer(copies, copies.map((e) => e.scores.buffer as ArrayBuffer))))) && stored;
        }
        return stored;
      } catch {
        return false;
      }
    },
  };
}
