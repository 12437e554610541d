import type { TaskTable } from '../pool/compute.api';
import { parseLineBlock } from '../../core/events/lineBlockParser';
import type { LineBlockInput, ParsedBlock } from './parsedBlock';

/**
 * The compute side of the Stream: read and validate a block of lines straight from its
 * bytes. What comes back is columnar (two transferred typed arrays and a dictionary) plus
 * the rejects with their line numbers and text; the block's buffer goes back too, to be
 * filled again. Momentum and totals need event-time order over every block, so they stay
 * with the coordinator (src/platform/stream/streamEngine.ts). The Stream's own parse
 * workers serve this table (workers/streamParse.worker.ts, parsePool.ts).
 */
export const tasks = {
  parseLineBlock(input: LineBlockInput): ParsedBlock {
    const started = performance.now();
    const parsed = parseLineBlock(new Uint8Array(input.bytes, 0, input.byteLength), input.linesBefore, input.receivedAtMs, input.spare, input.lines);
    return { ...parsed, parseMs: performance.now() - started, bytes: input.bytes };
  },
} satisfies TaskTable;
