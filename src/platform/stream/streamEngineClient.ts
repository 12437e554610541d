import * as Comlink from 'comlink';
import { installErrorTransfer } from '../dataError';
import type { StreamEngineApi } from './streamEngine.api';

let engine: Comlink.Remote<StreamEngineApi> | null = null;

/** The Stream's coordinator worker, started on first use and kept while the page lives (a stream goes on off screen). */
export function streamEngine(): Comlink.Remote<StreamEngineApi> {
  if (engine === null) {
    installErrorTransfer();
    const worker = new Worker(new URL('../../../workers/stream.worker.ts', import.meta.url), { type: 'module', name: 'stream-coordinator' });
    engine = Comlink.wrap<StreamEngineApi>(worker);
  }
  return engine;
}

/** A callback the worker may call (a view at a time). */
export const viewCallback = <T extends (...args: never[]) => unknown>(callback: T): T => Comlink.proxy(callback);
