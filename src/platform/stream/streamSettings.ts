import type { Reject } from '../../core/events/parseAction';
import type { QueuePolicy } from '../../core/events/priorityQueue';
import type { StreamCheckpoint } from '../../core/events/streamPipeline';

/** What the analyst can change while the stream runs. */
export interface StreamSettings {
  batchSize: number;
  maxLatencyMs: number;
  workers: number | 'auto';
  allowedLatenessSeconds: number;
  queueCapacity: number;
  queuePolicy: QueuePolicy;
}

export const defaultStreamSettings: StreamSettings = {
  batchSize: 128, maxLatencyMs: 50, workers: 'auto', allowedLatenessSeconds: 180, queueCapacity: 20_000, queuePolicy: 'backpressure',
};

/** Bumped when the checkpoint's shape changes: an older one is not read (the stream starts again). */
export const CHECKPOINT_VERSION = 3;

/** Rejects kept in a checkpoint: the first ones, which the side output lists. */
export const KEPT_REJECTS = 200;

/** What goes to IndexedDB: everything a resumed stream needs to count nothing twice. */
export interface StreamCheckpointRecord {
  version: typeof CHECKPOINT_VERSION;
  resumeKey: string;
  /** Resume reading here: every line before it has reached the totals (or was dropped). */
  offset: number;
  lines: number;
  rejects: number;
  drops: number;
  keptRejects: Reject[];
  pipeline: StreamCheckpoint;
  finished: boolean;
  savedAt: number;
}
