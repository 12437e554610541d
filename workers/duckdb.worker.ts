/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import type { DuckDbApi } from '../src/platform/duckdb/duckdb.api';
import { DuckDbEngine } from '../src/platform/duckdb/engine';
import { fileColumns, loadFile } from '../src/platform/duckdb/loadFile';
import { installErrorTransfer } from '../src/platform/dataError';
import { DecoderSupply } from '../src/platform/intake/isolatedDecoder';

installErrorTransfer();
// The engine starts with the worker, in the background, so the first file does not wait for it.
const engine = DuckDbEngine.start();
// Each file is decoded in a worker of its own (see isolatedDecoder.ts); a spare starts once DuckDB is up.
const decoders = new DecoderSupply(() => new Worker(new URL('./decoder.worker.ts', import.meta.url), { type: 'module', name: 'decoder' }));
void engine.then(() => decoders.prepareSpare(), () => undefined);

const api: DuckDbApi = {
  async ready() {
    const started = await engine;
    return { version: started.version, instantiateMilliseconds: started.instantiateMilliseconds };
  },
  async fileColumns(file) {
    return fileColumns(decoders, file);
  },
  async loadFile(file, options, onProgress) {
    const started = await engine;
    return started.whileLoading(() => loadFile(started, decoders, file, options, (progress) => onProgress?.(progress)));
  },
  async query(sql) {
    const ipc = await (await engine).query(sql);
    return Comlink.transfer(ipc, [ipc.buffer as ArrayBuffer]);
  },
  async exec(sql) {
    await (await engine).exec(sql);
  },
  async insertArrow(table, ipc, create) {
    await (await engine).insertArrow(table, ipc, create);
  },
  async cancel() {
    decoders.cancelAll();
    await (await engine).cancel();
  },
};

Comlink.expose(api);
