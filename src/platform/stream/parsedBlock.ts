import type { EncodedActions } from '../../core/events/actionBatchCodec';
import type { Reject } from '../../core/events/parseAction';

/** Columns a worker may write its next block's actions into (given back after the coordinator read them). */
export interface SpareColumns {
  numbers: ArrayBuffer;
  texts: ArrayBuffer;
}

/** One block of whole lines, cut on the reading side by LineFramer, sent transferred. */
export interface LineBlockInput {
  /** The block is the first `byteLength` bytes (a reused buffer may be longer). */
  bytes: ArrayBuffer;
  byteLength: number;
  startOffset: number;
  /** Lines (blank ones included) before the block: its first line is number linesBefore + 1. */
  linesBefore: number;
  /** Lines in the block, as the reading side counted them: they size the parsed columns and the workers' queues. */
  lines: number;
  /** When the block's first line arrived (epoch ms): no event is plausible a day after it. */
  receivedAtMs: number;
  spare?: SpareColumns;
}

/** What the compute worker sends back for a block (the typed arrays transferred). */
export interface ParsedBlock {
  actions: EncodedActions;
  rejects: Reject[];
  /** Lines in the block, blank ones included. */
  lines: number;
  parseMs: number;
  /** The block's buffer, given back to be filled again. */
  bytes?: ArrayBuffer;
}

/** A parse worker's messages: a block in, its parse (or why it failed) out. */
export interface ParseRequest {
  id: number;
  input: LineBlockInput;
}

export type ParseReply = { id: number; parsed: ParsedBlock } | { id: number; error: string };
