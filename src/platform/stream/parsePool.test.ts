import { describe, expect, it } from 'vitest';
import { decodeActions } from '../../core/events/actionBatchCodec';
import { generateGameLines } from '../../core/generate/games';
import type { LineBlockInput, ParseReply, ParseRequest } from './parsedBlock';
import { ParsePool, type ParseWorker } from './parsePool';
import { tasks } from './stream.tasks';

/** Stand-in parse workers: they answer when told (or die), running the same task as the real ones. */
function standIns() {
  const workers: { pending: ParseRequest[]; reply: (r: ParseReply) => void; crash: (reason: string) => void; alive: boolean; answer: () => void; die: (reason: string) => void }[] = [];
  const spawn = (): ParseWorker => {
    const worker = {
      pending: [] as ParseRequest[], alive: true,
      reply: (_: ParseReply) => undefined as void, crash: (_: string) => undefined as void,
      /** Answers the oldest block it holds. */
      answer() {
        const request = this.pending.shift()!;
        this.reply({ id: request.id, parsed: tasks.parseLineBlock(request.input) });
      },
      die(reason: string) {
        this.alive = false;
        this.crash(reason);
      },
    };
    workers.push(worker);
    return {
      post: (request, transfer) => {
        // As postMessage with a transfer list: the sender's buffers are gone (here: copied, then detached).
        const { spare } = request.input;
        const input = { ...request.input, bytes: request.input.bytes.slice(0), spare: spare && { numbers: spare.numbers.slice(0), texts: spare.texts.slice(0) } };
        for (const buffer of transfer) structuredClone(buffer, { transfer: [buffer] });
        worker.pending.push({ ...request, input });
      },
      onReply: (callback) => { worker.reply = callback; },
      onCrash: (callback) => { worker.crash = callback; },
      terminate: () => { worker.alive = false; },
    };
  };
  return { workers, spawn };
}

const lines = generateGameLines({ games: 6, seed: 2 }).slice(0, 2400);
function block(from: number, to: number): LineBlockInput {
  const bytes = new TextEncoder().encode(`${lines.slice(from, to).join('\n')}\n`);
  return { bytes: bytes.buffer, byteLength: bytes.length, startOffset: 0, linesBefore: from, lines: to - from, receivedAtMs: Date.now() };
}
const actionNumbers = (parsed: { actions: Parameters<typeof decodeActions>[0] }): number[] => decodeActions(parsed.actions).map((a) => a.action.actionNumber);
const expected = (from: number, to: number): number[] => lines.slice(from, to).map((line) => (JSON.parse(line) as { actionNumber: number }).actionNumber);

describe('ParsePool', () => {
  it('keeps two big blocks at each worker, the least busy first, and answers each with its own parse', async () => {
    const { workers, spawn } = standIns();
    const pool = new ParsePool(spawn, 2, 2);
    const starts = [0, 480, 960, 1440, 1920];
    const answers = starts.map((from) => pool.run(block(from, from + 480)));
    expect(workers.map((w) => w.pending.length)).toEqual([2, 2]);
    // The fifth waits in the pool until a worker answers.
    workers[1].answer();
    expect(workers.map((w) => w.pending.length)).toEqual([2, 2]);
    for (const worker of workers) while (worker.pending.length > 0) worker.answer();
    const parsed = await Promise.all(answers);
    expect(parsed.map(actionNumbers)).toEqual(starts.map((from) => expected(from, from + 480)));
    // The block's buffer comes back with its parse, to be filled again.
    expect(parsed.every((p) => p.bytes instanceof ArrayBuffer && p.bytes.byteLength > 0)).toBe(true);
  });

  it('gives a worker small blocks until it holds a thousand lines or so, spread by lines', () => {
    const { workers, spawn } = standIns();
    const pool = new ParsePool(spawn, 2, 2);
    // 40 blocks of 32 lines (1,280 lines): each worker takes 1,024 / 32 = 32 at most.
    for (let from = 0; from < 1280; from += 32) void pool.run(block(from, from + 32));
    expect(workers.map((w) => w.pending.length)).toEqual([20, 20]);
    for (let from = 1280; from < 2400; from += 32) void pool.run(block(from, from + 32));
    expect(workers.map((w) => w.pending.length)).toEqual([32, 32]);
    workers[0].answer();
    expect(workers.map((w) => w.pending.length)).toEqual([32, 32]);
  });

  it('sends the blocks of a worker that dies again, once, from their copies; a second death stops them', async () => {
    const { workers, spawn } = standIns();
    const pool = new ParsePool(spawn, 1, 1);
    const first = pool.run(block(0, 5));
    const second = pool.run(block(5, 10));
    workers[0].die('out of memory');
    expect(workers.length).toBe(2);
    expect(workers[1].pending.length).toBe(2);
    workers[1].answer();
    expect(actionNumbers(await first)).toEqual(expected(0, 5));
    workers[1].die('out of memory');
    await expect(second).rejects.toThrow('a parse worker died twice on the block at byte 0 (out of memory)');
    expect(pool.workers).toBe(1);
  });

  it('writes a block into columns given back, and grows and shrinks', async () => {
    const { workers, spawn } = standIns();
    const pool = new ParsePool(spawn, 1, 1);
    const firstRun = pool.run(block(0, 10));
    workers[0].answer();
    const first = await firstRun;
    pool.recycle(first.actions);
    const secondRun = pool.run(block(10, 20));
    const sent = workers[0].pending[0].input;
    expect(sent.spare?.numbers.byteLength).toBeGreaterThan(0);
    workers[0].answer();
    expect(actionNumbers(await secondRun)).toEqual(expected(10, 20));
    pool.resize(3);
    expect(pool.workers).toBe(3);
    pool.resize(1);
    expect([pool.workers, workers.filter((w) => w.alive).length]).toEqual([1, 1]);
    expect(() => pool.resize(0)).toThrow('invalid pool size: 0 (1 to 8)');
  });
});
