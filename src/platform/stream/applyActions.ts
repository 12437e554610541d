import type { FingerprintedAction } from '../../core/events/actionBatchCodec';
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
export interface ApplyInto {
  pipeline: StreamPipeline;
  feed: RecentActions;
  titles: GameTitles;
  metrics: StreamMetrics;
  source: ByteSource | null;
}

/** One action into the model; the lag it shows (ms). */
function applyOne(parsed: FingerprintedAction, ingestMs: number, into: ApplyInto, nowMs: number, perfNow: number): number {
  const outcome = into.pipeline.pushAction(parsed.action, nowMs, parsed.fingerprint);
  if (outcome === 'new' || outcome === 'correction') {
    into.feed.remember(parsed.action, outcome === 'correction');
    into.titles.seen(parsed.action);
  }
  const wall = into.source?.eventWallTime(parsed.action.timeActualMs) ?? null;
  return wall === null ? perfNow - ingestMs : nowMs - wall;
}

export function applyActions(taken: readonly QueuedAction[], into: ApplyInto): void {
  const nowMs = Date.now();
  const perfNow = performance.now();
  let lagMs = 0;
  let groupStart = 0;
  for (let i = 0; i < taken.length; i++) {
    const { parsed, block } = taken[i];
    lagMs = Math.max(lagMs, applyOne(parsed, block.ingestMs, into, nowMs, perfNow));
    if (i === taken.length - 1 || taken[i + 1].block !== block) {
      into.metrics.latency.add(perfNow - block.ingestMs, i + 1 - groupStart);
      groupStart = i + 1;
    }
  }
  if (taken.length > 0) into.metrics.recordApplied(taken.length, lagMs);
}

/** A whole block straight into the model, when nothing is queued ahead of it (no queue entry per action). */
export function applyBlock(actions: readonly FingerprintedAction[], ingestMs: number, into: ApplyInto): void {
  if (actions.length === 0) return;
  const nowMs = Date.now();
  const perfNow = performance.now();
  let lagMs = 0;
  for (const parsed of actions) lagMs = Math.max(lagMs, applyOne(parsed, ingestMs, into, nowMs, perfNow));
  into.metrics.latency.add(perfNow - ingestMs, actions.length);
  into.metrics.recordApplied(actions.length, lagMs);
}
