import type { ByteSource } from './byteSource';
import { feedBytes } from './feedBytes';

const encoder = new TextEncoder();

/** A URL whose body streams (chunked HTTP, a growing file; plain, gzip or deflate): read as it arrives, paused when busy. */
export function fetchSource(url: string): ByteSource {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`expected an http(s) URL, got ${url}`);
  return {
    label: parsed.href,
    resumeKey: `url:${parsed.href}`,
    async *chunks(startOffset, signal) {
      const open = async (): Promise<ReadableStream<Uint8Array>> => {
        const response = await fetch(parsed.href, { signal, cache: 'no-store' });
        if (!response.ok || !response.body) throw new Error(`${parsed.href} answered HTTP ${response.status}`);
        return response.body;
      };
      // A URL cannot seek: a resumed stream reads the body again and skips what it had.
      yield* feedBytes({ name: parsed.href, open, seekable: false }, startOffset, signal);
    },
    // A live feed: its event times are wall-clock times.
    eventWallTime: (eventMs) => eventMs,
  };
}

/**
 * A WebSocket feed: each message holds one or more lines (a newline is added when the
 * message does not end with one). A socket cannot be paused: messages wait in memory.
 */
export function webSocketSource(url: string): ByteSource {
  const parsed = new URL(url);
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') throw new Error(`expected a ws:// or wss:// URL, got ${url}`);
  return {
    label: parsed.href,
    resumeKey: null,
    async *chunks(_startOffset, signal) {
      const socket = new WebSocket(parsed.href);
      socket.binaryType = 'arraybuffer';
      const waiting: Uint8Array[] = [];
      let wake: (() => void) | null = null;
      let closed: { error?: string } | null = null;
      const poke = (): void => {
        wake?.();
        wake = null;
      };
      socket.onmessage = (event: MessageEvent<string | ArrayBuffer>) => {
        const bytes = typeof event.data === 'string' ? encoder.encode(event.data) : new Uint8Array(event.data);
        waiting.push(bytes[bytes.length - 1] === 0x0a ? bytes : concatNewline(bytes));
        poke();
      };
      socket.onerror = () => {
        closed = { error: `the WebSocket ${parsed.href} failed` };
        poke();
      };
      socket.onclose = () => {
        closed ??= {};
        poke();
      };
      signal.addEventListener('abort', () => socket.close(), { once: true });
      try {
        for (;;) {
          while (waiting.length > 0) yield waiting.shift()!;
          if (closed !== null) {
            const ended: { error?: string } = closed;
            if (ended.error) throw new Error(ended.error);
            return;
          }
          signal.throwIfAborted();
          await new Promise<void>((resolve) => (wake = resolve));
        }
      } finally {
        socket.close();
      }
    },
    eventWallTime: (eventMs) => eventMs,
  };
}

function concatNewline(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length + 1);
  out.set(bytes);
  out[bytes.length] = 0x0a;
  return out;
}
