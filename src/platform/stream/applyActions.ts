import type { GameTitles } from '../../core/events/gameTitles';
import type { StreamPipeline } from '../../core/events/streamPipeline';
import type { QueuedAction } from './actionBacklog';
import type { ByteSource } from './byteSource';
import type { RecentActions } from './recentActions';
import type { StreamMetrics } from './streamMetrics';

/**
 * The apply step: taken actions into the pipeline (with the fingerprint their worker
 * computed); what the store accepted into the feed and the game names; and the health
 * measures — one latency sample per block (arrival of its first line's bytes to its actions
 * reaching the totals, weighted by its actions here) and the largest lag (processing time −
 * event time on the source's clock, or − arrival when the source runs as fast as it can).
 */
export function applyActions(
  taken: readonly QueuedAction[],
  into: { pipeline: StreamPipeline; feed: RecentActions; titles: GameTitles; metrics: StreamMetrics; source: ByteSource | null },
): void {
  const { pipeline, feed, titles, metrics, source } = into;
  const nowMs = Date.now();
  const perfNow = performance.now();
  let lagMs = 0;
  let groupStart = 0;
  for (let i = 0; i < taken.length; i++) {
    const { parsed, block } = taken[i];
    const outcome = pipeline.pushAction(parsed.action, nowMs, parsed.fingerprint);
    if (outcome === 'new' || outcome === 'correction') {
      feed.remember(parsed.action, outcome === 'correction');
      titles.seen(parsed.action);
    }
    const wall = source?.eventWallTime(parsed.action.timeActualMs) ?? null;
    lagMs = Math.max(lagMs, wall === null ? perfNow - block.ingestMs : nowMs - wall);
    if (i === taken.length - 1 || taken[i + 1].block !== block) {
      metrics.latency.add(perfNow - block.ingestMs, i + 1 - groupStart);
      groupStart = i + 1;
    }
  }
  if (taken.length > 0) metrics.recordApplied(taken.length, lagMs);
}
