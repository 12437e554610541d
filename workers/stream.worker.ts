/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import type { ComputeTasks } from '../src/platform/computeTasks';
import { installErrorTransfer } from '../src/platform/dataError';
import { spawnComputeWorker } from '../src/platform/pool/browserPool';
import { ComputePool } from '../src/platform/pool/computePool';
import { indexedDbStreamStorage } from '../src/platform/stream/checkpointStore';
import { StreamEngine } from '../src/platform/stream/streamEngine';
import type { StreamEngineApi } from '../src/platform/stream/streamEngine.api';
import { autoStreamWorkers } from '../src/platform/stream/streamThreads';

installErrorTransfer();

// The Stream's coordinator: this thread and its own compute workers, cores − 1 of them by
// default, so the stream never runs more threads than the device has cores.
const cores = self.navigator.hardwareConcurrency || 2;
const pool = new ComputePool<ComputeTasks>(spawnComputeWorker, autoStreamWorkers(cores));
const engine = new StreamEngine({
  cores,
  storage: indexedDbStreamStorage,
  pool: {
    run: (input) => pool.run('parseLineBlock', input),
    resize: (workers) => pool.resize(workers),
    get workers() {
      return pool.stats.workers;
    },
    maxAuto: autoStreamWorkers(cores),
  },
});

const api: StreamEngineApi = {
  open: (onView) => engine.open(onView),
  close: () => engine.close(),
  play: (recipe) => engine.play(recipe),
  connect: (url) => engine.connect(url),
  stop: () => engine.stop(),
  update: (change) => engine.update(change),
  settings: () => engine.settings(),
  setView: (options) => engine.setView(options),
  playerGamesCsv: () => engine.playerGamesCsv(),
  async batchInput() {
    const input = await engine.batchInput();
    return Comlink.transfer(input, [input.ipc.buffer as ArrayBuffer]);
  },
  retrySaves: () => engine.retrySaves(),
};

Comlink.expose(api);
