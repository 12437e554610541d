import { describe, expect, it } from 'vitest';
import { encodeActions } from '../../core/events/actionBatchCodec';
import type { GameAction } from '../../core/events/gameAction';
import type { Reject } from '../../core/events/parseAction';
import { ActionBacklog } from './actionBacklog';
import { BlockDispatcher, type DeliveredBlock } from './blockDispatcher';
import type { LineBlockInput, ParsedBlock } from './parsedBlock';
import { generateGameLines } from '../../core/generate/games';
import type { ByteSource } from './byteSource';
import { tasks } from './stream.tasks';
import { StreamRun, type StreamPool } from './streamRun';
import { defaultStreamSettings } from './streamSettings';

const action = (actionNumber: number, actionType = '2pt'): GameAction => ({
  gameId: 'g1', actionNumber, orderNumber: actionNumber, period: 1, clockSeconds: 600, timeActualMs: actionNumber * 1000, editedMs: actionNumber * 1000,
  actionType, subType: '', qualifiers: '', teamId: 1, teamTricode: 'AAA', personId: 10, playerName: 'A. One', assistPersonId: 0,
  stealPersonId: 0, blockPersonId: 0, shotResult: 'Made', scoreHome: 0, scoreAway: 0,
});

function block(seq: number, linesBefore: number, actions: GameAction[], rejects = 0): DeliveredBlock {
  const parsed = encodeActions(actions.map((a, i) => ({ lineNumber: linesBefore + i + 1, action: a })));
  const rejected: Reject[] = Array.from({ length: rejects }, (_, i) => ({ ok: false, lineNumber: linesBefore + actions.length + i + 1, reason: 'x', line: 'x' }));
  return { seq, startOffset: linesBefore * 100, endOffset: (linesBefore + actions.length + rejects) * 100, linesBefore, lines: actions.length + rejects, actions: parsed, rejects: rejected, ingestMs: 0, parseMs: 0 };
}

describe('ActionBacklog: the commit frontier', () => {
  it('moves only over blocks whose every action was applied, in source order', () => {
    const backlog = new ActionBacklog({ capacity: 100, policy: 'backpressure' }, { offset: 0, lines: 0, rejects: 0 });
    backlog.add(block(0, 0, [action(1), action(2)]));
    backlog.add(block(1, 2, [action(3)], 2));
    expect(backlog.take(1).map((q) => q.parsed.action.actionNumber)).toEqual([1]);
    backlog.commit();
    // Block 0 is half applied: a checkpoint now must resume at its start.
    expect(backlog.committed).toEqual({ offset: 0, lines: 0, rejects: 0 });
    expect(backlog.take(5).map((q) => q.parsed.action.actionNumber)).toEqual([2, 3]);
    backlog.commit();
    expect(backlog.committed).toEqual({ offset: 500, lines: 5, rejects: 2 });
  });

  it('passes a block of rejects only at once, once the blocks before it are done', () => {
    const backlog = new ActionBacklog({ capacity: 100, policy: 'backpressure' }, { offset: 0, lines: 0, rejects: 0 });
    backlog.add(block(0, 0, [action(1)]));
    backlog.add(block(1, 1, [], 3));
    expect(backlog.committed.lines).toBe(0);
    backlog.take(1);
    backlog.commit();
    expect(backlog.committed).toEqual({ offset: 400, lines: 4, rejects: 3 });
  });

  it('drop-lowest: a full queue drops substitutions before scoring plays, and the frontier still moves over them', () => {
    const backlog = new ActionBacklog({ capacity: 2, policy: 'drop-lowest' }, { offset: 0, lines: 0, rejects: 0 });
    backlog.add(block(0, 0, [action(1, 'substitution'), action(2, 'substitution'), action(3, '2pt'), action(4, '3pt')]));
    expect(backlog.drops).toBe(2);
    expect(backlog.dropsByClass).toEqual([0, 0, 2]);
    expect(backlog.take(10).map((q) => q.parsed.action.actionNumber)).toEqual([3, 4]);
    backlog.commit();
    expect(backlog.committed.lines).toBe(4);
  });

  it('backpressure: nothing is dropped, the source is told to wait, and actions come out in arrival order', () => {
    const backlog = new ActionBacklog({ capacity: 2, policy: 'backpressure' }, { offset: 0, lines: 0, rejects: 0 });
    backlog.add(block(0, 0, [action(1, 'substitution'), action(2), action(3), action(4)]));
    expect([backlog.full, backlog.drops, backlog.size]).toEqual([true, 0, 4]);
    const order: number[] = [];
    while (backlog.size > 0) order.push(...backlog.take(1).map((q) => q.parsed.action.actionNumber));
    // Nothing is dropped, so nothing jumps the queue: a substitution is not made late by scoring plays behind it.
    expect(order).toEqual([1, 2, 3, 4]);
  });
});

describe('BlockDispatcher', () => {
  const lines = ['{"a":1}', 'not json', '{"b":2}', 'x', 'y', 'last'];
  const bytes = new TextEncoder().encode(lines.join('\n'));

  it('hands blocks on in source order whatever worker finishes first, with exact line numbers and offsets', async () => {
    const delivered: DeliveredBlock[] = [];
    const pending: (() => void)[] = [];
    const dispatcher = new BlockDispatcher({
      startOffset: 0, linesBefore: 0, batchSize: 2, maxLatencyMs: 1000,
      // Each block is answered only when the test says, the last first.
      run: (input: LineBlockInput) => new Promise<ParsedBlock>((resolve) => pending.push(() => resolve(tasks.parseLineBlock(input)))),
      deliver: (b) => delivered.push(b), fail: (error) => { throw error; },
    });
    dispatcher.push(bytes.subarray(0, 5));
    dispatcher.push(bytes.subarray(5));
    dispatcher.finish();
    expect(dispatcher.inFlight).toBe(3);
    for (const answer of pending.reverse()) answer();
    await dispatcher.idle();
    expect(delivered.map((b) => [b.seq, b.linesBefore, b.lines, b.startOffset, b.endOffset])).toEqual([
      [0, 0, 2, 0, 17], [1, 2, 2, 17, 27], [2, 4, 2, 27, bytes.length],
    ]);
    expect(delivered.flatMap((b) => b.rejects.map((r) => r.lineNumber))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('sends a partial batch once its first line has waited max latency', async () => {
    const delivered: DeliveredBlock[] = [];
    const dispatcher = new BlockDispatcher({
      startOffset: 0, linesBefore: 0, batchSize: 100, maxLatencyMs: 5,
      run: async (input) => tasks.parseLineBlock(input), deliver: (b) => delivered.push(b), fail: (error) => { throw error; },
    });
    dispatcher.push(new TextEncoder().encode('{"a":1}\n'));
    expect(dispatcher.backlogLines).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await dispatcher.idle();
    expect(delivered.map((b) => b.lines)).toEqual([1]);
    dispatcher.stop();
  });
});

describe('StreamRun: reading ahead', () => {
  it('keeps a thousand lines or so per thread in flight whatever the batch size, then makes the source wait', async () => {
    const lines = generateGameLines({ games: 8, seed: 5 }).slice(0, 3000);
    const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);
    let read = 0;
    const source: ByteSource = {
      label: 'ahead.jsonl', resumeKey: null, eventWallTime: () => null,
      async *chunks() {
        for (let at = 0; at < bytes.length; at += 4096) {
          read = Math.min(bytes.length, at + 4096);
          yield bytes.slice(at, at + 4096);
        }
      },
    };
    // A worker that answers only when told: what is in flight stays there.
    const held: (() => void)[] = [];
    const pool: StreamPool = {
      run: (input) => new Promise((resolve) => held.push(() => resolve(tasks.parseLineBlock(input)))),
      resize: () => undefined, workers: 1, maxAuto: 1,
    };
    const run = new StreamRun({ ...defaultStreamSettings, batchSize: 32, workers: 1 }, pool);
    const finished = run.run(source);
    // Every read, framing and send is a microtask: one macrotask later the reader has stopped.
    await new Promise((resolve) => setTimeout(resolve, 0));
    // 1,024 lines for the worker and 1,024 for the coordinator: 64 blocks of 32, not the 4 blocks a count of blocks allowed.
    expect(held.length * 32).toBeGreaterThanOrEqual(2048 - 32);
    expect(held.length * 32).toBeLessThan(2048 + 64);
    expect(read).toBeLessThan(bytes.length);
    while (run.state === 'running' || held.length > 0) {
      for (const answer of held.splice(0)) answer();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await finished;
    // Every line read once and reached the model: a new action, a correction, or a copy it knew.
    const { accepted, corrections, duplicates, stale } = run.pipeline.counters();
    expect([run.state, run.lines, run.rejectCount, accepted + corrections + duplicates + stale]).toEqual(['finished', 3000, 0, 3000]);
  });
});
