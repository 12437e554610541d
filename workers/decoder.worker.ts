/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { decoders } from '../src/platform/intake/decoders';
import { decoderCrashed } from '../src/platform/intake/decoder.api';
import { installErrorTransfer } from '../src/platform/dataError';

installErrorTransfer();
// parquet-wasm's async reader panics inside a callback (`RuntimeError: unreachable`): the
// call that started it would never settle, so the host hears of the panic at once instead.
const crashed = (reason: unknown) => postMessage({ [decoderCrashed]: reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason) });
addEventListener('error', (event) => crashed(event.error ?? event.message));
addEventListener('unhandledrejection', (event) => crashed(event.reason));
Comlink.expose(decoders);
