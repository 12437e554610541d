import { Num, STRIDE, type EncodedActions } from '../../core/events/actionBatchCodec';
import type { StreamPipeline } from '../../core/events/streamPipeline';
import type { QueuedAction } from './actionBacklog';
import type { ByteSource } from './byteSource';
import type { RecentActions } from './recentActions';
import type { StreamMetrics } from './streamMetrics';

/**
 * The apply step: actions into the pipeline (with the fingerprint and play code their
 * worker computed); what the store accepted into the feed; and the health measures — one
 * latency sample per block (arrival of its first line's bytes to its actions reaching the
 * totals, weighted by its actions here) and the largest lag (processing time − event time
 * on the source's clock, or − arrival when the source runs as fast as it can).
 */
export interface ApplyInto {
  pipeline: StreamPipeline;
  feed: RecentActions;
  metrics: StreamMetrics;
  source: ByteSource | null;
}

/** The lag an action with this event time shows now (ms). */
function lagOf(eventMs: number, ingestMs: number, into: ApplyInto, nowMs: number, perfNow: number): number {
  const wall = into.source?.eventWallTime(eventMs) ?? null;
  return wall === null ? perfNow - ingestMs : nowMs - wall;
}

/** Queued actions (taken from the backlog, one by one) into the model. */
export function applyActions(taken: readonly QueuedAction[], into: ApplyInto): void {
  const nowMs = Date.now();
  const perfNow = performance.now();
  let lagMs = 0;
  let groupStart = 0;
  for (let i = 0; i < taken.length; i++) {
    const { parsed, block } = taken[i];
    into.pipeline.pushAction(parsed.action, nowMs, parsed.fingerprint, into.feed.listener);
    lagMs = Math.max(lagMs, lagOf(parsed.action.timeActualMs, block.ingestMs, into, nowMs, perfNow));
    if (i === taken.length - 1 || taken[i + 1].block !== block) {
      into.metrics.latency.add(perfNow - block.ingestMs, i + 1 - groupStart);
      groupStart = i + 1;
    }
  }
  if (taken.length > 0) into.metrics.recordApplied(taken.length, lagMs);
}

/**
 * A whole block straight into the model, as columns, when nothing is queued ahead of it (no
 * queue entry and no object per action). Its lag is that of its earliest event.
 */
export function applyBlock(actions: EncodedActions, ingestMs: number, into: ApplyInto): void {
  if (actions.count === 0) return;
  const nowMs = Date.now();
  into.pipeline.pushBlock(actions, nowMs, into.feed.listener);
  const perfNow = performance.now();
  let earliest = Infinity;
  for (let at = Num.timeActualMs; at < actions.numbers.length; at += STRIDE) if (actions.numbers[at] < earliest) earliest = actions.numbers[at];
  into.metrics.latency.add(perfNow - ingestMs, actions.count);
  into.metrics.recordApplied(actions.count, lagOf(earliest, ingestMs, into, nowMs, perfNow));
}
