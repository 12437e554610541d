/**
 * Finished detector runs in IndexedDB, one entry per event and sex, keyed by the dataset's
 * fingerprint, the detector, its parameters and seed: the same data and settings read
 * back instead of running again; any change of data or parameter is a different key.
 * The cache is an optimisation: when storage fails, the run simply is not cached.
 */
import { database } from '../storage/database';
import type { DetectorParameters } from '../../core/detectors/types';

export interface CacheScope {
  fingerprint: string;
  detectorId: string;
  params: DetectorParameters;
  seed: number;
}

export function cacheKey(scope: CacheScope, event: string, sex: string): string {
  const params = Object.keys(scope.params).sort().map((name) => `${name}=${scope.params[name]}`).join('&');
  return `results|${scope.fingerprint}|${scope.detectorId}|${params}|seed=${scope.seed}|${event}|${sex}`;
}

export async function readCachedRun(key: string): Promise<{ scores: Float64Array; threshold: number } | null> {
  try {
    const entry = await (await database()).get('detectorCache', key);
    return entry ? { scores: entry.scores, threshold: entry.threshold } : null;
  } catch {
    return null;
  }
}

export async function writeCachedRun(key: string, scores: Float64Array, threshold: number): Promise<boolean> {
  try {
    await (await database()).put('detectorCache', { key, createdAt: Date.now(), scores, threshold });
    return true;
  } catch {
    return false;
  }
}
