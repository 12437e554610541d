import type { TaskTable } from '../pool/compute.api';
import { encodeActions, type EncodedActions, type LineAction } from '../../core/events/actionBatchCodec';
import { LineSplitter } from '../../core/events/lineSplitter';
import { parseAction, type Reject } from '../../core/events/parseAction';
import type { LineBlockInput, ParsedBlock } from './parsedBlock';

/**
 * The compute side of the Stream: split, decode, JSON.parse and validate a block of lines.
 * What comes back is columnar (two transferred typed arrays and a dictionary) plus the
 * rejects with their line numbers and text. Momentum and totals need event-time order over
 * every block, so they stay with the coordinator (see src/platform/stream/streamCoordinator.ts).
 */
export const tasks = {
  parseLineBlock(input: LineBlockInput): ParsedBlock {
    const started = performance.now();
    const splitter = new LineSplitter({ consumedOffset: input.startOffset, linesConsumed: input.linesBefore });
    const bytes = new Uint8Array(input.bytes);
    const split = [...splitter.push(bytes), ...splitter.finish()];
    const parsed: LineAction[] = [];
    const rejects: Reject[] = [];
    for (const line of split) {
      const result = parseAction(line.text, line.lineNumber);
      if (result.ok) parsed.push({ lineNumber: result.lineNumber, action: result.action });
      else rejects.push(result);
    }
    const lines = splitter.toState().linesConsumed - input.linesBefore;
    return { actions: encodeActions(parsed), rejects, lines, parseMs: performance.now() - started };
  },
} satisfies TaskTable;
