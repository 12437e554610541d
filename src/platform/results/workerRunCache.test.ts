import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { memoryRunCache } from './detectorCache';
import type { RunCacheWorkerApi } from './workerRunCache';
import { workerRunCache } from './workerRunCache';

/** The worker's side on a MessagePort: the memory cache in place of IndexedDB, counting the writes it is sent. */
function portToCache() {
  const cache = memoryRunCache();
  const writes: number[] = [];
  const { port1, port2 } = new MessageChannel();
  const api: RunCacheWorkerApi = {
    read: (keys) => cache.read(keys),
    write: (entries) => {
      writes.push(entries.length);
      return cache.write(entries);
    },
  };
  Comlink.expose(api, port1 as unknown as Comlink.Endpoint);
  return { endpoint: port2 as unknown as Comlink.Endpoint, writes, close: () => { port1.close(); port2.close(); } };
}

describe('the detector cache in a worker of its own', () => {
  it('stores copies in batches of a few megabytes, leaves the caller\'s scores whole, and reads them back', async () => {
    const side = portToCache();
    const cache = workerRunCache(() => side.endpoint);
    // 24 entries of 0.8 MB: more than one batch of 8 MiB.
    const entries = Array.from({ length: 24 }, (_, k) => ({ key: `k${k}`, scores: Float64Array.from({ length: 100_000 }, (_, i) => k + i / 1e6), threshold: k }));
    expect(await cache.write(entries)).toBe(true);
    expect(side.writes.length).toBeGreaterThan(1);
    expect(side.writes.reduce((a, b) => a + b, 0)).toBe(24);
    expect(entries[5].scores.length).toBe(100_000);
    expect(entries[5].scores[7]).toBe(5 + 7 / 1e6);
    const read = await cache.read(['k5', 'missing', 'k23']);
    expect(read[1]).toBeNull();
    expect(read[0]!.threshold).toBe(5);
    expect(Array.from(read[0]!.scores)).toEqual(Array.from(entries[5].scores));
    expect(read[2]!.scores[99_999]).toBe(23 + 99_999 / 1e6);
    side.close();
  });

  it('a worker that stops answering (its script failed, it died) means no cache, not a run waiting forever', async () => {
    const { port1, port2 } = new MessageChannel();
    // Nobody listens on port1: a call would never be answered.
    const cache = workerRunCache(() => port2 as unknown as Comlink.Endpoint);
    const reading = cache.read(['a']);
    const writing = cache.write([{ key: 'a', scores: new Float64Array(3), threshold: 1 }]);
    port2.dispatchEvent(new Event('error'));
    expect(await reading).toEqual([null]);
    expect(await writing).toBe(false);
    expect(await cache.read(['b', 'c'])).toEqual([null, null]);
    port1.close();
    port2.close();
  });

  it('is only an optimisation: a worker that cannot start means no cache, not a failed run', async () => {
    const cache = workerRunCache(() => { throw new Error('workers are not allowed here'); });
    expect(await cache.read(['a', 'b'])).toEqual([null, null]);
    expect(await cache.write([{ key: 'a', scores: new Float64Array(3), threshold: 1 }])).toBe(false);
  });
});
