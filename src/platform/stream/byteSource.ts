/**
 * Where the Stream's bytes come from. Every source yields byte chunks; the reader pulls the
 * next chunk only when the pipeline has room, so a file or a fetch body pauses while the
 * pipeline is busy (backpressure); a WebSocket cannot be paused and buffers instead.
 */
export interface ByteSource {
  /** What the analyst sees: "games.jsonl at 60×". */
  label: string;
  /** Identity of a resumable source (same key after a reload: same bytes); null when not resumable. */
  resumeKey: string | null;
  /** Reads from `startOffset` (a line start from a checkpoint) to the end. */
  chunks(startOffset: number, signal: AbortSignal): AsyncGenerator<Uint8Array>;
  /**
   * The wall-clock time an event "happened" in this source's clock, for lag: a paced replay
   * maps event times onto its replay clock, a live feed uses event time as is; null when the
   * source runs as fast as it can (lag is then measured from arrival).
   */
  eventWallTime(eventMs: number): number | null;
}

/**
 * Replay speed: 1 is the original pace, 60 is 60×, 'max' as fast as possible, or a fixed
 * rate of lines a second whatever their event times (a load test).
 */
export type ReplaySpeed = number | 'max' | { eventsPerSecond: number };

export function checkSpeed(speed: ReplaySpeed): ReplaySpeed {
  if (typeof speed === 'object') {
    if (!(Number.isFinite(speed.eventsPerSecond) && speed.eventsPerSecond > 0)) throw new Error(`invalid events per second: ${speed.eventsPerSecond}`);
    return speed;
  }
  if (speed !== 'max' && !(Number.isFinite(speed) && speed > 0)) throw new Error(`invalid replay speed: ${speed}`);
  return speed;
}

export function speedLabel(speed: ReplaySpeed): string {
  if (typeof speed === 'object') return `${Math.round(speed.eventsPerSecond).toLocaleString('en')} events/s`;
  return speed === 'max' ? 'as fast as possible' : speed === 1 ? 'original pace' : `${speed}×`;
}

/** Sleeps unless aborted (then throws the abort reason). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve();
    }, Math.max(0, ms));
    const stop = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', stop, { once: true });
  });
}

/** The carried partial line of the previous chunk followed by the next chunk. */
export function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}
