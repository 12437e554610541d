import { LatencyWindow } from '../../core/events/latencyWindow';

/** One point a second of every health measure, for the time-series charts. */
export interface HealthPoint {
  atMs: number;
  throughput: number;
  queueDepth: number;
  lagMs: number;
  p50: number;
  p95: number;
  p99: number;
  drops: number;
  rejects: number;
  late: number;
  corrected: number;
}

export const HEALTH_HISTORY = 120;

/**
 * Throughput (events applied per second), latency (arrival of a line's bytes to its
 * action reaching the totals: p50/p95/p99 over the last samples) and lag (processing
 * time − event time on the source's clock, the largest in the last second).
 */
export class StreamMetrics {
  readonly latency = new LatencyWindow(4096);
  readonly history: HealthPoint[] = [];
  applied = 0;
  #appliedAtLastPoint = 0;
  #lastPointMs = performance.now();
  #lagMs = 0;
  #lagWindowMax = 0;
  startedMs = performance.now();
  finishedMs: number | null = null;

  recordApplied(count: number, lagMs: number): void {
    this.applied += count;
    this.#lagWindowMax = Math.max(this.#lagWindowMax, lagMs);
    this.#lagMs = lagMs;
  }

  get currentLagMs(): number {
    return this.#lagMs;
  }

  /** Events per second since the start (to the end once finished). */
  get averageThroughput(): number {
    const seconds = ((this.finishedMs ?? performance.now()) - this.startedMs) / 1000;
    return seconds > 0 ? this.applied / seconds : 0;
  }

  /** Adds a point when a second has passed; returns it (or null). */
  sample(counts: Omit<HealthPoint, 'atMs' | 'throughput' | 'lagMs' | 'p50' | 'p95' | 'p99'>): HealthPoint | null {
    const now = performance.now();
    if (now - this.#lastPointMs < 1000) return null;
    const [p50, p95, p99] = this.latency.percentiles([50, 95, 99]);
    const point: HealthPoint = {
      atMs: now,
      throughput: ((this.applied - this.#appliedAtLastPoint) * 1000) / (now - this.#lastPointMs),
      lagMs: this.#lagWindowMax,
      p50, p95, p99,
      ...counts,
    };
    this.history.push(point);
    if (this.history.length > HEALTH_HISTORY) this.history.shift();
    this.#appliedAtLastPoint = this.applied;
    this.#lastPointMs = now;
    this.#lagWindowMax = 0;
    return point;
  }
}
