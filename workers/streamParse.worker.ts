/// <reference lib="webworker" />
import { tasks } from '../src/platform/stream/stream.tasks';
import type { ParseReply, ParseRequest } from '../src/platform/stream/parsedBlock';

// One of the Stream's parse workers (src/platform/stream/parsePool.ts): a block in, its columns
// out, with the block's buffer given back; one message each way, everything transferred.
self.onmessage = ({ data }: MessageEvent<ParseRequest>) => {
  let reply: ParseReply;
  const transfer: ArrayBuffer[] = [];
  try {
    const parsed = tasks.parseLineBlock(data.input);
    reply = { id: data.id, parsed };
    transfer.push(parsed.actions.numbers.buffer as ArrayBuffer, parsed.actions.texts.buffer as ArrayBuffer);
    if (parsed.bytes !== undefined) transfer.push(parsed.bytes);
  } catch (error) {
    reply = { id: data.id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply, transfer);
};
