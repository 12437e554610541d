/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { installErrorTransfer } from '../src/platform/dataError';
import { indexedDbStreamStorage } from '../src/platform/stream/checkpointStore';
import { ParsePool, spawnParseWorker } from '../src/platform/stream/parsePool';
import { StreamEngine } from '../src/platform/stream/streamEngine';
import type { StreamEngineApi } from '../src/platform/stream/streamEngine.api';
import { autoStreamWorkers } from '../src/platform/stream/streamThreads';

installErrorTransfer();

// The Stream's coordinator: this thread and its own parse workers, cores − 1 of them by
// default, so the stream never runs more threads than the device has cores.
const cores = self.navigator.hardwareConcurrency || 2;
const engine = new StreamEngine({
  cores,
  storage: indexedDbStreamStorage,
  pool: new ParsePool(spawnParseWorker, autoStreamWorkers(cores), autoStreamWorkers(cores)),
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
