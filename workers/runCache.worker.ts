/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { indexedDbRunCache } from '../src/platform/results/detectorCache';
import type { RunCacheWorkerApi } from '../src/platform/results/workerRunCache';

// The detector cache's IndexedDB reads and writes, off the page: Chromium serialises a value
// on the thread that puts it, about 20 ns a byte, so a million rows' scores (~100 MB) held
// the page for 3-4 s after every run.
const api: RunCacheWorkerApi = {
  async read(keys) {
    const entries = await indexedDbRunCache.read(keys);
    return Comlink.transfer(entries, entries.flatMap((e) => (e ? [e.scores.buffer as ArrayBuffer] : [])));
  },
  write: (entries) => indexedDbRunCache.write(entries),
};

Comlink.expose(api);
