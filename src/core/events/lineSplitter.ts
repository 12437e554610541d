/**
 * Splits a byte stream into lines as chunks arrive (transferred ArrayBuffers in a worker,
 * a fetch body, a file slice). A line may be cut anywhere by a chunk boundary, even inside a
 * multi-byte UTF-8 character, so the split happens on bytes (0x0A never occurs inside a
 * UTF-8 sequence) and only whole lines are decoded.
 *
 * Offsets are absolute byte positions in the source. `consumedOffset` is where a resumed
 * reader must start again: every byte before it belongs to a line already handed out, and
 * nothing after it has been. Line numbers count from 1 and include blank lines (which are
 * skipped), so they match what an editor shows.
 */
export interface SplitLine {
  /** The line without its newline (and without a trailing CR). */
  text: string;
  /** 1-based line number in the source. */
  lineNumber: number;
  /** Absolute byte offset just after this line's newline (or the end of the source). */
  endOffset: number;
}

export interface LineSplitterState {
  /** Bytes consumed: resume reading the source here. */
  consumedOffset: number;
  /** Lines consumed (including blank ones) before consumedOffset. */
  linesConsumed: number;
}

const NEWLINE = 0x0a;

export class LineSplitter {
  #decoder = new TextDecoder('utf-8');
  #carry: Uint8Array[] = [];
  #carryLength = 0;
  #consumedOffset: number;
  #linesConsumed: number;

  constructor(state: LineSplitterState = { consumedOffset: 0, linesConsumed: 0 }) {
    if (!Number.isInteger(state.consumedOffset) || state.consumedOffset < 0) {
      throw new Error(`invalid consumedOffset: ${state.consumedOffset}`);
    }
    if (!Number.isInteger(state.linesConsumed) || state.linesConsumed < 0) {
      throw new Error(`invalid linesConsumed: ${state.linesConsumed}`);
    }
    this.#consumedOffset = state.consumedOffset;
    this.#linesConsumed = state.linesConsumed;
  }

  /** Bytes that belong to complete lines already returned. */
  get consumedOffset(): number {
    return this.#consumedOffset;
  }

  /** Bytes held back: the start of a line whose newline has not arrived yet. */
  get pendingBytes(): number {
    return this.#carryLength;
  }

  /** Checkpoint: where to resume (the pending partial line is read again from the source). */
  toState(): LineSplitterState {
    return { consumedOffset: this.#consumedOffset, linesConsumed: this.#linesConsumed };
  }

  /** Feeds one chunk; returns the lines it completes. The chunk is not modified. */
  push(chunk: Uint8Array): SplitLine[] {
    const lastNewline = chunk.lastIndexOf(NEWLINE);
    if (lastNewline < 0) {
      if (chunk.length > 0) this.#hold(chunk.slice());
      return [];
    }
    const whole = this.#joinCarry(chunk.subarray(0, lastNewline + 1));
    const rest = chunk.subarray(lastNewline + 1);
    this.#carry = [];
    this.#carryLength = 0;
    if (rest.length > 0) this.#hold(rest.slice());
    return this.#emit(whole, true);
  }

  /** Ends the source: the last line may lack its newline. */
  finish(): SplitLine[] {
    if (this.#carryLength === 0) return [];
    const whole = this.#joinCarry(new Uint8Array(0));
    this.#carry = [];
    this.#carryLength = 0;
    return this.#emit(whole, false);
  }

  #hold(bytes: Uint8Array): void {
    this.#carry.push(bytes);
    this.#carryLength += bytes.length;
  }

  #joinCarry(tail: Uint8Array): Uint8Array {
    if (this.#carryLength === 0) return tail;
    const joined = new Uint8Array(this.#carryLength + tail.length);
    let at = 0;
    for (const piece of this.#carry) {
      joined.set(piece, at);
      at += piece.length;
    }
    joined.set(tail, at);
    return joined;
  }

  /** `bytes` holds whole lines; when `endsWithNewline` its last byte is a newline. */
  #emit(bytes: Uint8Array, endsWithNewline: boolean): SplitLine[] {
    // One decode for the whole block is much cheaper than one per line.
    const pieces = this.#decoder.decode(bytes).split('\n');
    if (endsWithNewline) pieces.pop();
    const base = this.#consumedOffset;
    const lines: SplitLine[] = [];
    let searchFrom = 0;
    for (const piece of pieces) {
      const newlineAt = bytes.indexOf(NEWLINE, searchFrom);
      searchFrom = newlineAt < 0 ? bytes.length : newlineAt + 1;
      this.#linesConsumed += 1;
      const text = piece.endsWith('\r') ? piece.slice(0, -1) : piece;
      if (text.trim().length > 0) {
        lines.push({ text, lineNumber: this.#linesConsumed, endOffset: base + searchFrom });
      }
    }
    this.#consumedOffset = base + bytes.length;
    return lines;
  }
}
