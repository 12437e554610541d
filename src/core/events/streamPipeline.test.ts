import { describe, expect, it } from 'vitest';
import { actionFingerprint, type GameAction } from './gameAction.ts';
import { StreamPipeline } from './streamPipeline.ts';

const act = (actionNumber: number, seconds: number, change: Partial<GameAction> = {}): GameAction => ({
  gameId: 'g1', actionNumber, orderNumber: actionNumber * 10, period: 1, clockSeconds: 600 - seconds, timeActualMs: seconds * 1000,
  editedMs: seconds * 1000, actionType: 'rebound', subType: 'defensive', qualifiers: '', teamId: 10, teamTricode: 'AAA',
  personId: 101, playerName: 'A. One', assistPersonId: 0, stealPersonId: 0, blockPersonId: 0, shotResult: '',
  scoreHome: 0, scoreAway: 0, ...change,
});

describe('StreamPipeline', () => {
  it('keeps the late side output in its checkpoint, so a resumed stream lists it and counts nothing twice', () => {
    const pipeline = new StreamPipeline({ allowedLatenessSeconds: 5, idleTimeoutMs: 3_600_000 });
    // 1 at 0 s and 2 at 10 s: the watermark (10 − 5) releases 1; then 3 at 20 s releases 2.
    for (const action of [act(1, 0), act(2, 10), act(3, 20)]) pipeline.pushAction(action, 0);
    // 4 happened at 1 s, before the released 2 (10 s): late, still credited.
    pipeline.pushAction(act(4, 1, { personId: 102, playerName: 'B. Two' }), 0);
    expect(pipeline.late.map((a) => a.actionNumber)).toEqual([4]);
    const resumed = new StreamPipeline({ allowedLatenessSeconds: 5, idleTimeoutMs: 3_600_000 }, structuredClone(pipeline.toCheckpoint()));
    expect(resumed.late.map((a) => [a.actionNumber, a.personId])).toEqual([[4, 102]]);
    // The same late line read again after the resume is a duplicate, not a second late entry.
    resumed.pushAction(act(4, 1, { personId: 102, playerName: 'B. Two' }), 0);
    resumed.finish(0);
    expect(resumed.late.length).toBe(1);
    expect(resumed.counters()).toMatchObject({ late: 1, duplicates: 1, scored: 4 });
    // Four defensive rebounds: 0.3 each, three for A. One and one for B. Two.
    expect(resumed.totals.leaderboard({ by: 'gameScore' }).map((r) => [r.personId, r.stats.drb])).toEqual([[101, 3], [102, 1]]);
  });

  it('reads a checkpoint without a late list (an older one) as an empty list', () => {
    const pipeline = new StreamPipeline({ allowedLatenessSeconds: 5, idleTimeoutMs: 1000 });
    pipeline.pushAction(act(1, 0), 0);
    const { late: _late, ...older } = pipeline.toCheckpoint();
    expect(new StreamPipeline({ allowedLatenessSeconds: 5, idleTimeoutMs: 1000 }, older).late).toEqual([]);
  });

  it('takes the fingerprint the worker sent: a different one under the same edited is a conflict', () => {
    const pipeline = new StreamPipeline({ allowedLatenessSeconds: 0, idleTimeoutMs: 1000 });
    pipeline.pushAction(act(1, 0), 0, actionFingerprint(act(1, 0)));
    pipeline.pushAction(act(1, 0), 0, actionFingerprint(act(1, 0)));
    pipeline.pushAction(act(1, 0), 0, 12345);
    expect(pipeline.counters()).toMatchObject({ accepted: 1, duplicates: 1, conflicts: 1 });
  });
});
