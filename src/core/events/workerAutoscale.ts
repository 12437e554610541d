/**
 * The automatic worker count: add a worker while the backlog (blocks waiting for a worker
 * plus actions waiting in the priority queue) keeps growing, retire one after it has stayed
 * drained for a while. Called every `intervalMs` by the coordinator; pure, so it is tested
 * on a made-up backlog history.
 */
export interface AutoscaleInput {
  workers: number;
  backlog: number;
  previousBacklog: number;
  /** How long the backlog has been at or below `drainedBelow`, in ms. */
  drainedForMs: number;
}

export interface AutoscaleOptions {
  min: number;
  max: number;
  /** A backlog at or below this is drained. */
  drainedBelow: number;
  /** Retire a worker once drained this long. */
  retireAfterMs: number;
}

export const defaultAutoscale: Readonly<AutoscaleOptions> = Object.freeze({ min: 1, max: 8, drainedBelow: 8, retireAfterMs: 2000 });

export function autoscaleWorkers(input: AutoscaleInput, options: AutoscaleOptions = defaultAutoscale): number {
  if (!(options.min >= 1 && options.max >= options.min)) throw new Error(`invalid worker range: ${options.min}–${options.max}`);
  const { workers, backlog, previousBacklog, drainedForMs } = input;
  const growing = backlog > options.drainedBelow && backlog > previousBacklog;
  if (growing) return Math.min(options.max, workers + 1);
  if (backlog <= options.drainedBelow && drainedForMs >= options.retireAfterMs) return Math.max(options.min, workers - 1);
  return Math.min(options.max, Math.max(options.min, workers));
}
