/** How many compute workers the pool runs: its usual size, and a worker on every core while the page only waits. */
const coreCount = (): number => globalThis.navigator?.hardwareConcurrency ?? 2;

/** Default size: cores − 1, at least 1, at most 8 (the main thread keeps a core to render). */
export function defaultPoolSize(cores = coreCount()): number {
  return Math.min(8, Math.max(1, cores - 1));
}

/** A worker on every core, at most 8: for work the main thread only waits on. */
export function everyCoreSize(cores = coreCount()): number {
  return Math.min(8, Math.max(1, cores));
}
