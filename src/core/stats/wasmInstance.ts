/**
 * One thread's instance of a small WebAssembly module from wasm/ (base64 in a generated file,
 * so it compiles synchronously, in pages, workers and Node alike), and a bump layout of the
 * arrays a call needs in its memory.
 */

/**
 * WebAssembly memory only grows: past this size (for the k-d tree, an event of about 250,000
 * results) the instance is let go after the call, so a worker does not keep one large
 * event's memory for the rest of the session; the next call makes a new one (a few-KB
 * module: a fraction of a millisecond).
 */
const KEEP_BYTES = 64 * 1024 * 1024;

export interface WasmExports { memory: WebAssembly.Memory }

export interface WasmInstance<Exports extends WasmExports> {
  /** The thread's instance, made on first use. */
  get(): Exports;
  /** Lets the instance go if its memory has grown past KEEP_BYTES. */
  release(): void;
}

export function wasmInstance<Exports extends WasmExports>(name: string, base64: string): WasmInstance<Exports> {
  let instance: Exports | null = null;
  return {
    get() {
      if (instance) return instance;
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const env = { abort: () => { throw new Error(`${name}: WebAssembly abort`); } };
      instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env }).exports as unknown as Exports;
      return instance;
    },
    release() {
      if (instance && instance.memory.buffer.byteLength > KEEP_BYTES) instance = null;
    },
  };
}

/** Byte offsets handed out one after another (8-byte aligned, 0 left unused so it can mean "none"), the memory grown to fit. */
export class WasmLayout {
  #at = 8;
  constructor(private readonly memory: WebAssembly.Memory) {}

  take(bytes: number): number {
    const start = this.#at;
    this.#at += Math.ceil(bytes / 8) * 8;
    const missing = this.#at - this.memory.buffer.byteLength;
    if (missing > 0) this.memory.grow(Math.ceil(missing / 65536));
    return start;
  }

  /** A copy of `values` placed in the memory; its offset. */
  putFloat64(values: Float64Array): number {
    const offset = this.take(values.byteLength);
    this.float64(offset, values.length).set(values);
    return offset;
  }

  putInt32(values: Int32Array): number {
    const offset = this.take(values.byteLength);
    this.int32(offset, values.length).set(values);
    return offset;
  }

  float64(offset: number, length: number): Float64Array { return new Float64Array(this.memory.buffer, offset, length); }
  int32(offset: number, length: number): Int32Array { return new Int32Array(this.memory.buffer, offset, length); }
}
