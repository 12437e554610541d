/**
 * A block of whole lines (bytes, as the reading side cut them) to columns of validated
 * actions and the rejects with their line numbers — what a compute worker does with each
 * micro-batch. A line is scanned in its bytes (JsonFieldScanner); a plain NBA feed line then
 * becomes an action at once (scannedNbaAction), any other valid one goes through the readers
 * of parseAction.ts with the scanned fields. A line the scanner leaves alone, or one that is
 * refused, is decoded and read with JSON.parse, so the reason quotes its own text. Either way
 * a line gives the same action or the same reason as parseAction. Line numbers count blank
 * lines, as an editor does.
 */
import { ActionColumnsWriter, type EncodedActions } from './actionBatchCodec.ts';
import type { GameAction } from './gameAction.ts';
import { actionOfFields, fieldsOfJson, keptLine, LINE_KEPT, type Reject } from './parseAction.ts';
import { ScannedFields } from './scannedFields.ts';
import { scannedNbaAction } from './scannedNbaAction.ts';

/** A feed action is about 1 KB; a line far longer is not one, and is refused unread. */
export const MAX_LINE_BYTES = 65_536;

export interface ParsedLines {
  actions: EncodedActions;
  rejects: Reject[];
  /** Lines in the block, blank ones included. */
  lines: number;
}

const NEWLINE = 0x0a;
const scanned = new ScannedFields();
const decoder = new TextDecoder();

function isBlank(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = bytes[i];
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

/** Lines in a block (a last one without its newline too). */
function linesIn(bytes: Uint8Array): number {
  let lines = 1;
  for (let at = bytes.indexOf(NEWLINE); at >= 0 && at < bytes.length - 1; at = bytes.indexOf(NEWLINE, at + 1)) lines++;
  return lines;
}

/** The action of the line just scanned, or null: JSON.parse's turn (the readers refused it). */
function scannedAction(receivedAtMs: number): GameAction | null {
  const plain = scannedNbaAction(scanned, receivedAtMs);
  if (plain !== null) return plain;
  const fields = scanned.fields();
  const action = fields === null ? null : actionOfFields(fields, receivedAtMs);
  return typeof action === 'string' ? null : action;
}

/**
 * `linesBefore`: lines of the source before the block (its first line is linesBefore + 1);
 * `receivedAtMs`: when the block arrived, the latest plausible event time is a day after it;
 * `spare`: buffers to write the columns into, when they are long enough (given back by the
 * coordinator from an earlier block); `lines`: the lines in the block when the caller has
 * counted them already (the reading side has), else they are counted here. An action per
 * line at most: the count sizes the columns once (they grow should it be short).
 */
export function parseLineBlock(bytes: Uint8Array, linesBefore: number, receivedAtMs: number, spare?: { numbers: ArrayBuffer; texts: ArrayBuffer }, lines = linesIn(bytes)): ParsedLines {
  const writer = new ActionColumnsWriter(lines, spare);
  const rejects: Reject[] = [];
  let lineNumber = linesBefore;
  let start = 0;
  while (start < bytes.length) {
    // The common case: one scan reads the line and finds its end.
    const scannedEnd = scanned.scan(bytes, start, bytes.length);
    if (scannedEnd >= 0) {
      const content = scannedEnd > start && bytes[scannedEnd - 1] === 0x0d ? scannedEnd - 1 : scannedEnd;
      const action = content - start <= MAX_LINE_BYTES ? scannedAction(receivedAtMs) : null;
      if (action !== null) {
        writer.append(++lineNumber, action);
        start = scannedEnd + 1;
        continue;
      }
    }
    const newline = bytes.indexOf(NEWLINE, start);
    const next = newline < 0 ? bytes.length : newline + 1;
    let end = newline < 0 ? bytes.length : newline;
    if (end > start && bytes[end - 1] === 0x0d) end--;
    lineNumber++;
    if (end - start > MAX_LINE_BYTES) {
      const why = `${(end - start).toLocaleString('en')} bytes long, not a feed action (at most ${MAX_LINE_BYTES.toLocaleString('en')} bytes are read)`;
      rejects.push({ ok: false, lineNumber, reason: `line ${lineNumber}: ${why}`, line: keptLine(decoder.decode(bytes.subarray(start, start + LINE_KEPT * 4))) });
    } else if (!isBlank(bytes, start, end)) {
      // Not scanned (invalid, an escape, a nested value) or refused by the readers: JSON.parse reads it, and says why.
      const text = decoder.decode(bytes.subarray(start, end));
      const fields = text.trim() === '' ? null : fieldsOfJson(text);
      const slow = fields === null || typeof fields === 'string' ? fields : actionOfFields(fields, receivedAtMs);
      if (typeof slow === 'string') rejects.push({ ok: false, lineNumber, reason: `line ${lineNumber}: ${slow}`, line: keptLine(text) });
      else if (slow !== null) writer.append(lineNumber, slow);
    }
    start = next;
  }
  return { actions: writer.finish(), rejects, lines: lineNumber - linesBefore };
}
