import type { EncodedActions } from '../../core/events/actionBatchCodec';
import type { Reject } from '../../core/events/parseAction';

/** One block of whole lines, cut on the reading side by LineFramer, sent transferred. */
export interface LineBlockInput {
  bytes: ArrayBuffer;
  startOffset: number;
  /** Lines (blank ones included) before the block: its first line is number linesBefore + 1. */
  linesBefore: number;
  /** When the block's first line arrived (epoch ms): no event is plausible a day after it. */
  receivedAtMs: number;
}

/** What the compute worker sends back for a block (the typed arrays transferred). */
export interface ParsedBlock {
  actions: EncodedActions;
  rejects: Reject[];
  /** Lines in the block, blank ones included. */
  lines: number;
  parseMs: number;
}
