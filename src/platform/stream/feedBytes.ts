import { notFeedText, sniffCompression, type Compression } from '../../core/events/feedSniffer';
import { DataError } from '../dataError';

/** Enough of the decoded start of a feed to tell text from binary. */
const SAMPLE_BYTES = 64 * 1024;

/** A stream that gives `first` and then the rest of `reader`. */
function prepend(first: Uint8Array, reader: ReadableStreamDefaultReader<Uint8Array>): ReadableStream<Uint8Array> {
  let sentFirst = first.length === 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!sentFirst) {
        sentFirst = true;
        controller.enqueue(first);
        return;
      }
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

async function readHead(reader: ReadableStreamDefaultReader<Uint8Array>, bytes: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  while (length < bytes) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    length += value.length;
  }
  const head = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    head.set(part, at);
    at += part.length;
  }
  return head;
}

function decompressed(stream: ReadableStream<Uint8Array>, compression: Compression): ReadableStream<Uint8Array> {
  if (compression === 'none') return stream;
  return stream.pipeThrough(new DecompressionStream(compression) as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
}

/**
 * The text bytes of a feed, from `startOffset` (a byte offset in the decompressed text, as
 * checkpoints count it): gzip and deflate are decompressed as they stream (the browser's
 * DecompressionStream), and a feed that is not JSON-lines text is refused at once, naming
 * the file and what it is. A compressed feed cannot seek: a resume decompresses from the
 * start and skips what was read.
 */
export async function* feedBytes(
  source: { name: string; open: (from: number) => Promise<ReadableStream<Uint8Array>>; seekable: boolean },
  startOffset: number,
  signal: AbortSignal,
): AsyncGenerator<Uint8Array> {
  const { name, open } = source;
  const raw = (await open(0)).getReader();
  const head = await readHead(raw, 16);
  const compression = sniffCompression(head, name);
  if (typeof compression === 'object') {
    await raw.cancel();
    throw new DataError(`${name} cannot be streamed: ${compression.refused}.`, { file: name, expected: 'JSON lines, plain or gzip/deflate' });
  }
  // A plain feed that resumes part way seeks instead of reading what it skips.
  const seek = source.seekable && compression === 'none' && startOffset > 0;
  if (seek) await raw.cancel();
  const reader = seek ? (await open(startOffset)).getReader() : decompressed(prepend(head, raw), compression).getReader();
  let finished = false;
  let skip = seek ? 0 : startOffset;
  let checked = startOffset > 0;
  let sample: Uint8Array[] = [];
  let sampled = 0;
  try {
    for (;;) {
      signal.throwIfAborted();
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        throw new DataError(`${name}: the ${compression} data is damaged and cannot be read further (${(error as Error).message}). What was read before is kept.`, { file: name });
      }
      const { done, value } = chunk;
      if (!checked && (done || sampled + (value?.length ?? 0) >= SAMPLE_BYTES)) {
        if (value) sample.push(value);
        const joined = new Uint8Array(sample.reduce((n, part) => n + part.length, 0));
        sample.reduce((at, part) => (joined.set(part, at), at + part.length), 0);
        const why = notFeedText(joined.subarray(0, SAMPLE_BYTES), done);
        if (why !== null) throw new DataError(`${name} cannot be streamed: ${why}.`, { file: name, expected: 'JSON lines' });
        checked = true;
        sample = [];
        if (joined.length > 0) yield* skipped(joined);
        if (done) return void (finished = true);
        continue;
      }
      if (done) return void (finished = true);
      if (!checked) {
        sample.push(value);
        sampled += value.length;
        continue;
      }
      yield* skipped(value);
    }
  } finally {
    // Stopped or refused part way: let the file or the connection go.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }

  function* skipped(bytes: Uint8Array): Generator<Uint8Array> {
    if (skip >= bytes.length) {
      skip -= bytes.length;
      return;
    }
    yield skip > 0 ? bytes.subarray(skip) : bytes;
    skip = 0;
  }
}
