import { lineDueMs, linesDue } from '../../core/events/ratePacer';
import { concatBytes as concat, sleep } from './byteSource';

const NEWLINE = 0x0a;
/** Timers are coarse in a browser: wake at most this often, sending what fell due meanwhile. */
const TICK_MS = 4;

/**
 * Sends lines at a constant rate whatever their event times (a load test: 50 % or 90 % of
 * the pipeline's maximum), as chunks of the lines that are due at each wake-up. The rate's
 * clock starts when the first bytes are there: opening the source (and the check of its
 * first bytes) must not make the lines that would have been due meanwhile leave as one burst.
 */
export async function* ratedChunks(chunks: AsyncIterable<Uint8Array>, eventsPerSecond: number, signal: AbortSignal): AsyncGenerator<Uint8Array> {
  let started = Number.NaN;
  let sent = 0;
  let carry = new Uint8Array(0);
  for await (const chunk of chunks) {
    if (Number.isNaN(started)) started = performance.now();
    const bytes = carry.length === 0 ? chunk : concat(carry, chunk);
    let start = 0;
    for (;;) {
      const due = linesDue(eventsPerSecond, performance.now() - started) - sent;
      let end = start;
      let count = 0;
      while (count < due) {
        const newline = bytes.indexOf(NEWLINE, end);
        if (newline < 0) break;
        end = newline + 1;
        count++;
      }
      if (count > 0) {
        yield bytes.slice(start, end);
        sent += count;
        start = end;
      }
      if (bytes.indexOf(NEWLINE, start) < 0) break;
      const waitMs = started + lineDueMs(eventsPerSecond, sent) - performance.now();
      await sleep(Math.max(TICK_MS, waitMs), signal);
    }
    carry = bytes.slice(start);
  }
  if (carry.length > 0) yield carry;
}
