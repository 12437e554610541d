/**
 * Cuts a byte stream into blocks of whole lines without decoding it, so that the blocks can
 * go to compute workers (transferred) and be split and parsed there in parallel. `push`
 * answers the absolute end offset of every line the chunk completes (just after its
 * newline); `cut(end)` hands out the bytes from the last cut up to `end` in one ArrayBuffer. Which lines form a block (batch size, max latency) is the caller's choice —
 * the MicroBatcher's, with the line end offsets as its items.
 */
const NEWLINE = 0x0a;

export interface LineBlock {
  /** The block is the first `byteLength` bytes (the buffer may be longer: a reused one). */
  bytes: ArrayBuffer;
  byteLength: number;
  startOffset: number;
  endOffset: number;
}

/** Room for a block of `length` bytes: a new ArrayBuffer, or a reused one at least that long. */
export type BlockBuffer = (length: number) => ArrayBuffer;

const newBuffer: BlockBuffer = (length) => new ArrayBuffer(length);

/**
 * Adds `base + at + 1` to `ends` for every newline at `at` in the chunk. Four bytes at a
 * time: a word with no newline byte is passed with one test (about three times faster than
 * TypedArray indexOf per line, whose call costs as much as the search over a 600-byte
 * line); a word that may hold one is looked at byte by byte.
 */
export function lineEnds(chunk: Uint8Array, base: number, ends: number[]): void {
  const length = chunk.length;
  let i = 0;
  // Bytes before the first 4-byte boundary of the buffer, then whole words, then the tail.
  const head = Math.min(length, (4 - (chunk.byteOffset & 3)) & 3);
  for (; i < head; i++) if (chunk[i] === NEWLINE) ends.push(base + i + 1);
  const words = (length - i) >> 2;
  if (words > 0) {
    // Int32, not Uint32: a word with its top bit set stays a small integer for V8 (Chromium: about 15 % faster).
    const view = new Int32Array(chunk.buffer, chunk.byteOffset + i, words);
    for (let w = 0; w < words; w++) {
      const x = view[w] ^ 0x0a0a0a0a;
      // Non-zero exactly when a byte of x is zero (a byte of the word is a newline).
      if (((x - 0x01010101) & ~x & 0x80808080) !== 0) {
        const at = i + (w << 2);
        for (let k = at; k < at + 4; k++) if (chunk[k] === NEWLINE) ends.push(base + k + 1);
      }
    }
    i += words << 2;
  }
  for (; i < length; i++) if (chunk[i] === NEWLINE) ends.push(base + i + 1);
}

export class LineFramer {
  #pieces: Uint8Array[] = [];
  /** Absolute offset of the first byte held. */
  #heldFrom: number;
  #heldLength = 0;
  #scanned: number;

  constructor(startOffset = 0) {
    if (!Number.isInteger(startOffset) || startOffset < 0) throw new Error(`invalid startOffset: ${startOffset}`);
    this.#heldFrom = startOffset;
    this.#scanned = startOffset;
  }

  /** Bytes received and not handed out yet. */
  get heldBytes(): number {
    return this.#heldLength;
  }

  /** Where the next cut starts. */
  get cutOffset(): number {
    return this.#heldFrom;
  }

  /**
   * Takes a chunk and returns the line ends it completes. The chunk is kept as it is until
   * cut (sources hand over fresh buffers, so no copy is made here; `cut` makes the one copy).
   */
  push(chunk: Uint8Array): number[] {
    const ends: number[] = [];
    if (chunk.length === 0) return ends;
    lineEnds(chunk, this.#scanned, ends);
    this.#pieces.push(chunk);
    this.#heldLength += chunk.length;
    this.#scanned += chunk.length;
    return ends;
  }

  /** End of the source: the end of a last line without a newline, or null. */
  finish(): number | null {
    const lastEnd = this.#scanned;
    const lastLineOpen = this.#heldLength > 0 && this.#lastByte() !== NEWLINE;
    return lastLineOpen ? lastEnd : null;
  }

  #lastByte(): number {
    const last = this.#pieces[this.#pieces.length - 1];
    return last[last.length - 1];
  }

  /**
   * The bytes from the last cut up to `endOffset` (a line end returned by push or finish),
   * copied into `buffer(length)`: by default a new one; a caller that gets its buffers back
   * from the workers hands them out again, so a stream does not map fresh memory per block.
   */
  cut(endOffset: number, buffer: BlockBuffer = newBuffer): LineBlock {
    const length = endOffset - this.#heldFrom;
    if (!Number.isInteger(endOffset) || length <= 0 || length > this.#heldLength) {
      throw new Error(`invalid cut: ${endOffset} (held ${this.#heldFrom}–${this.#heldFrom + this.#heldLength})`);
    }
    const into = buffer(length);
    if (into.byteLength < length) throw new Error(`invalid block buffer: ${into.byteLength} bytes for a block of ${length}`);
    const bytes = new Uint8Array(into, 0, length);
    let filled = 0;
    while (filled < length) {
      const piece = this.#pieces[0];
      const need = length - filled;
      if (piece.length <= need) {
        bytes.set(piece, filled);
        filled += piece.length;
        this.#pieces.shift();
      } else {
        bytes.set(piece.subarray(0, need), filled);
        this.#pieces[0] = piece.subarray(need);
        filled += need;
      }
    }
    const block = { bytes: into, byteLength: length, startOffset: this.#heldFrom, endOffset };
    this.#heldFrom = endOffset;
    this.#heldLength -= length;
    return block;
  }
}
