import { lineEventTimeMs } from '../../core/events/lineEventTime';
import { concatBytes as concat, sleep } from './byteSource';

/**
 * Replays recorded lines at their original pace (or N× that): each line is held until its
 * event time, measured from the first line's, has come on the replay clock. Lines due
 * together leave as one chunk; a late line (event time before one already sent) and a line
 * without a time leave at once.
 */
export class ReplayClock {
  #firstEventMs: number | null = null;
  #startWallMs = 0;

  constructor(readonly speed: number) {
    if (!(speed > 0)) throw new Error(`invalid replay speed: ${speed}`);
  }

  /** Wall time (Date.now scale) at which an event is due; the first event is due at once. */
  dueAt(eventMs: number): number {
    if (this.#firstEventMs === null) {
      this.#firstEventMs = eventMs;
      this.#startWallMs = Date.now();
    }
    return this.#startWallMs + (eventMs - this.#firstEventMs) / this.speed;
  }

  /** null before the first event. */
  wallTimeOf(eventMs: number): number | null {
    return this.#firstEventMs === null ? null : this.#startWallMs + (eventMs - this.#firstEventMs) / this.speed;
  }
}

const NEWLINE = 0x0a;
const decoder = new TextDecoder();

export async function* pacedChunks(chunks: AsyncIterable<Uint8Array>, clock: ReplayClock, signal: AbortSignal): AsyncGenerator<Uint8Array> {
  let carry = new Uint8Array(0);
  for await (const chunk of chunks) {
    const bytes = carry.length === 0 ? chunk : concat(carry, chunk);
    let lineStart = 0;
    let groupStart = 0;
    let groupDue = -Infinity;
    for (let newline = bytes.indexOf(NEWLINE); newline >= 0; newline = bytes.indexOf(NEWLINE, newline + 1)) {
      const eventMs = lineEventTimeMs(decoder.decode(bytes.subarray(lineStart, newline)));
      const due = Number.isNaN(eventMs) ? -Infinity : clock.dueAt(eventMs);
      // A line due more than a few ms after the group's: send the group, wait for this one.
      if (due > Math.max(groupDue, Date.now()) + 5 && lineStart > groupStart) {
        yield bytes.slice(groupStart, lineStart);
        groupStart = lineStart;
      }
      if (due > Date.now() + 5) await sleep(due - Date.now(), signal);
      groupDue = Math.max(groupDue, due);
      lineStart = newline + 1;
    }
    if (lineStart > groupStart) yield bytes.slice(groupStart, lineStart);
    carry = bytes.slice(lineStart);
  }
  if (carry.length > 0) yield carry;
}
