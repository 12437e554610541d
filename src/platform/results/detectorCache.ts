/**
 * Finished detector runs, one entry per event and sex, keyed by the dataset's fingerprint,
 * the detector, its parameters and seed: the same data and settings read back instead of
 * running again; any change of data or parameter is a different key. In the app the entries
 * live in IndexedDB; the cache is an optimisation, so when storage fails the run simply is
 * not cached.
 */
import { database } from '../storage/database';
import type { DetectorParameters } from '../../core/detectors/types';
import type { RunCache } from './resultsPorts';

export interface CacheScope {
  fingerprint: string;
  detectorId: string;
  params: DetectorParameters;
  seed: number;
}

/**
 * What a score means changes with the detectors' code, not only with their parameters: a
 * cached run from an earlier version must not be read back as this one's. Bump with the code.
 */
const detectorsVersion = 2;

export function cacheKey(scope: CacheScope, event: string, sex: string): string {
  const params = Object.keys(scope.params).sort().map((name) => `${name}=${scope.params[name]}`).join('&');
  return `results|v${detectorsVersion}|${scope.fingerprint}|${scope.detectorId}|${params}|seed=${scope.seed}|${event}|${sex}`;
}

export const indexedDbRunCache: RunCache = {
  async read(keys) {
    try {
      // One transaction for the lot: a run asks for every detector of every group at once.
      const store = (await database()).transaction('detectorCache').store;
      const entries = await Promise.all(keys.map((key) => store.get(key)));
      return entries.map((entry) => (entry ? { scores: entry.scores, threshold: entry.threshold } : null));
    } catch {
      return keys.map(() => null);
    }
  },
  async write(entries) {
    try {
      const transaction = (await database()).transaction('detectorCache', 'readwrite');
      const createdAt = Date.now();
      await Promise.all([...entries.map((e) => transaction.store.put({ key: e.key, createdAt, scores: e.scores, threshold: e.threshold })), transaction.done]);
      return true;
    } catch {
      return false;
    }
  },
};

/** A cache in memory (Node tests, benchmarks). */
export function memoryRunCache(): RunCache {
  const entries = new Map<string, { scores: Float64Array; threshold: number }>();
  return {
    read: async (keys) => keys.map((key) => entries.get(key) ?? null),
    write: async (written) => {
      for (const e of written) entries.set(e.key, { scores: e.scores.slice(), threshold: e.threshold });
      return true;
    },
  };
}
