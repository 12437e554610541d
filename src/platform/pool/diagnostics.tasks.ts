import type { TaskTable } from './compute.api';

/**
 * Tasks that prove the pool itself works (transfer both ways, cancel, crash and retry);
 * the e2e tests and Settings' self-check run them.
 */
export const tasks = {
  /** Sums a Float64Array and returns it doubled (a new buffer, transferred back). */
  sumAndDouble(input: { values: Float64Array }) {
    let sum = 0;
    const doubled = new Float64Array(input.values.length);
    for (let i = 0; i < input.values.length; i++) {
      sum += input.values[i];
      doubled[i] = input.values[i] * 2;
    }
    return { sum, doubled, byteLengthSeen: input.values.byteLength };
  },
  /** Keeps the thread busy, so that a Cancel must stop the worker itself. */
  busy(input: { milliseconds: number }) {
    const until = Date.now() + input.milliseconds;
    let spins = 0;
    while (Date.now() < until) spins++;
    return spins;
  },
  /** Dies (an uncaught error outside the task) on the listed attempts, else answers. */
  crashOn(input: { attempts: number[] }, attempt: number) {
    if (input.attempts.includes(attempt)) {
      setTimeout(() => {
        throw new Error(`worker died on attempt ${attempt}`);
      });
      return new Promise(() => undefined);
    }
    return `survived attempt ${attempt}`;
  },
} satisfies TaskTable;
