/**
 * ArrayBuffers handed out and given back: a block's bytes go to a parse worker and come
 * back with its answer, the parsed columns go back to a worker for its next block. A fresh
 * buffer of a few hundred kilobytes is fresh memory the system must map (on this machine
 * about a microsecond a page, as much as the parse of several lines); a reused one is not.
 * Keeps at most `keepBytes`; the rest goes to the garbage collector as before.
 */
export class ByteBuffers {
  #free: ArrayBuffer[] = [];
  #freeBytes = 0;
  #keepBytes: number;

  constructor(keepBytes = 32 * 1024 * 1024) {
    this.#keepBytes = keepBytes;
  }

  /** A buffer of at least `length` bytes: the smallest free one that fits, or a new one (rounded up, to fit the next block too). */
  take(length: number): ArrayBuffer {
    let best = -1;
    for (let i = 0; i < this.#free.length; i++) {
      const size = this.#free[i].byteLength;
      if (size >= length && (best < 0 || size < this.#free[best].byteLength)) best = i;
    }
    if (best < 0) return new ArrayBuffer(Math.max(4096, 2 ** Math.ceil(Math.log2(Math.max(1, length)))));
    const [buffer] = this.#free.splice(best, 1);
    this.#freeBytes -= buffer.byteLength;
    return buffer;
  }

  /** A buffer back (a detached or empty one is ignored). */
  give(buffer: ArrayBuffer | undefined): void {
    if (buffer === undefined || buffer.byteLength === 0 || this.#freeBytes + buffer.byteLength > this.#keepBytes) return;
    this.#free.push(buffer);
    this.#freeBytes += buffer.byteLength;
  }

  get freeBytes(): number {
    return this.#freeBytes;
  }
}
