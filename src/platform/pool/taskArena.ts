/**
 * One task's large typed arrays carved from one reused buffer instead of a fresh backing store
 * each. In a browser worker every new typed array of some size is pages the kernel zeroes on
 * first touch and V8's sweeper later hands back with madvise, whose TLB shootdown stalls every
 * thread of the tab. The detectors allocate about 40 MB per event group of 22,000 results;
 * `perf` on the tab showed page faults and madvise interrupts taking a third of its CPU, and a
 * second worker bought almost nothing. Carved from a reused buffer, the same arrays cost a
 * memset: one worker judges a group of 22,000 results in 221 ms instead of 343 (one Node
 * thread: 250 ms); README, Results, has the whole run.
 *
 * While `withTaskArena` runs, `new Float64Array(n)` and its seven kin of at least
 * `minimumBytes` return a zero-filled view on the arena — exactly what a fresh array holds —
 * and everything else (other arguments, small arrays, `slice`, `map`, an arena too small) is
 * allocated as usual. The arena is reused by the next task, so what leaves a task is copied out
 * (`standalone`), and nothing kept between tasks may be allocated inside one. An arena left
 * unused for `releaseAfterMs` is given back.
 */
const names = ['Float64Array', 'Float32Array', 'Int32Array', 'Uint32Array', 'Int16Array', 'Uint16Array', 'Int8Array', 'Uint8Array'] as const;
type Kind = (typeof names)[number];
type TypedArray = InstanceType<(typeof globalThis)[Kind]>;
type NativeConstructor = { new (buffer: ArrayBuffer, byteOffset: number, length: number): TypedArray; BYTES_PER_ELEMENT: number };

export const minimumBytes = 16 * 1024;
const initialBytes = 32 * 1024 * 1024;
/** A group larger than this spills the rest into ordinary arrays. */
const maximumBytes = 384 * 1024 * 1024;
const releaseAfterMs = 10_000;

let installed = false;
let arena: ArrayBuffer | null = null;
/** Bytes carved in the current task; `demand` counts what was asked for, carved or not. */
let offset = 0, demand = 0, lastDemand = 0;
let active = false;
let releaseTimer: ReturnType<typeof setTimeout> | undefined;

const aligned = (bytes: number) => Math.ceil(bytes / 8) * 8;

function carve(Type: NativeConstructor, length: number): TypedArray | null {
  const bytes = length * Type.BYTES_PER_ELEMENT;
  if (!Number.isSafeInteger(length) || bytes < minimumBytes) return null;
  demand += aligned(bytes);
  if (!arena || offset + bytes > arena.byteLength) return null;
  const view = new Type(arena, offset, length);
  offset += aligned(bytes);
  return view.fill(0);
}

/** Puts the carving constructors in place of the eight natives, once per thread. */
function install(): void {
  if (installed) return;
  installed = true;
  const scope = globalThis as unknown as Record<Kind, NativeConstructor>;
  for (const name of names) {
    const native = scope[name];
    const carving: NativeConstructor = new Proxy(native, {
      construct(target, args, newTarget) {
        if (active && newTarget === carving && args.length === 1 && typeof args[0] === 'number') {
          const view = carve(target, args[0]);
          if (view) return view;
        }
        // A subclass keeps its own constructor; the carving one stands for the native.
        return Reflect.construct(target, args, newTarget === carving ? target : newTarget);
      },
    });
    scope[name] = carving;
  }
}

/** Runs `work` with its large typed arrays carved from the thread's arena. */
export function withTaskArena<T>(work: () => T): T {
  install();
  if (active) return work();
  clearTimeout(releaseTimer);
  const wanted = Math.min(maximumBytes, Math.max(initialBytes, lastDemand));
  if (!arena || arena.byteLength < wanted) arena = new ArrayBuffer(wanted);
  offset = 0;
  demand = 0;
  active = true;
  try {
    return work();
  } finally {
    active = false;
    lastDemand = demand;
    releaseTimer = setTimeout(() => {
      arena = null;
    }, releaseAfterMs);
    (releaseTimer as { unref?: () => void }).unref?.();
  }
}

/** Gives the arena back now rather than after `releaseAfterMs` (a worker going to rest: computePool.ts). */
export function releaseTaskArena(): void {
  clearTimeout(releaseTimer);
  if (!active) arena = null;
}

/** `array` itself when it owns its buffer, else a copy that does (for what leaves a task). */
export function standalone<A extends ArrayBufferView & { slice(): A }>(array: A): A {
  return array.buffer === arena ? array.slice() : array;
}

/** What the last task carved and asked for, in bytes (for tests). */
export function arenaUse(): { carved: number; demand: number } {
  return { carved: offset, demand: lastDemand };
}
