import type { TaskTable } from '../pool/compute.api';
import { parseLineBlock } from '../../core/events/lineBlockParser';
import type { LineBlockInput, ParsedBlock } from './parsedBlock';

/**
 * The compute side of the Stream: read and validate a block of lines straight from its
 * bytes. What comes back is columnar (two transferred typed arrays and a dictionary) plus
 * the rejects with their line numbers and text. Momentum and totals need event-time order
 * over every block, so they stay with the coordinator (src/platform/stream/streamEngine.ts).
 */
export const tasks = {
  parseLineBlock(input: LineBlockInput): ParsedBlock {
    const started = performance.now();
    const parsed = parseLineBlock(new Uint8Array(input.bytes), input.linesBefore, input.receivedAtMs);
    return { ...parsed, parseMs: performance.now() - started };
  },
} satisfies TaskTable;
