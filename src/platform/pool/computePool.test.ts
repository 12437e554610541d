import { afterEach, describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { MessageChannel } from 'node:worker_threads';
import type { ComputeApi } from './compute.api';
import { CancelledError } from '../dataError';
import { ComputePool, type PoolWorker } from './computePool';
import { defaultPoolSize } from './poolSize';

/**
 * A worker stand-in on a real MessageChannel (structured clone and transfer as in a browser),
 * whose "crash" is an explicit call, so that the pool's queue, transfer, cancel and retry
 * logic is tested without a browser. The e2e suite runs the same pool on real workers.
 */
function fakeWorkers() {
  const spawned: { crash: (reason: string) => void; terminated: boolean; ran: string[]; rested: number }[] = [];
  const spawn = (): PoolWorker => {
    const { port1, port2 } = new MessageChannel();
    let crashCallback: (reason: string) => void = () => undefined;
    const record = { crash: (reason: string) => crashCallback(reason), terminated: false, ran: [] as string[], rested: 0 };
    spawned.push(record);
    const api: ComputeApi = {
      async run(task, input, attempt) {
        record.ran.push(`${task}#${attempt}`);
        const data = input as { values?: Float64Array; crashOn?: number[]; wait?: number };
        if (data.crashOn?.includes(attempt)) {
          setTimeout(() => record.crash(`died on attempt ${attempt}`), 1);
          return new Promise(() => undefined);
        }
        if (data.wait) await new Promise((resolve) => setTimeout(resolve, data.wait));
        if (task === 'fail') throw new Error('bad input in row 3');
        const values = data.values ?? new Float64Array();
        const doubled = values.map((v) => v * 2);
        return Comlink.transfer({ doubled, seen: values.byteLength }, [doubled.buffer]);
      },
      tasks: () => ['double', 'fail'],
      rest: () => void record.rested++,
    };
    Comlink.expose(api, port2 as unknown as Comlink.Endpoint);
    return {
      endpoint: port1 as unknown as Comlink.Endpoint,
      terminate: () => {
        record.terminated = true;
        port1.close();
        port2.close();
      },
      onCrash: (callback) => (crashCallback = callback),
    };
  };
  return { spawn, spawned };
}

/** The fake worker's tasks, as a task table types them for the pool. */
interface TestInput {
  values?: Float64Array;
  crashOn?: number[];
  wait?: number;
}
type TestTasks = {
  double(input: TestInput): { doubled: Float64Array; seen: number };
  fail(input: TestInput): never;
};

let pool: ComputePool<TestTasks> | null = null;
afterEach(() => pool?.terminate());

describe('ComputePool', () => {
  it('sizes itself to cores − 1 within 1..8', () => {
    expect(defaultPoolSize(1)).toBe(1);
    expect(defaultPoolSize(2)).toBe(1);
    expect(defaultPoolSize(6)).toBe(5);
    expect(defaultPoolSize(32)).toBe(8);
  });

  it('transfers typed arrays to the worker and back', async () => {
    const { spawn } = fakeWorkers();
    pool = new ComputePool<TestTasks>(spawn, 2);
    const values = new Float64Array([1, 2, 3.5]);
    const result = await pool.run('double', { values });
    expect(Array.from(result.doubled)).toEqual([2, 4, 7]);
    expect(result.seen).toBe(24);
    expect(values.byteLength).toBe(0); // transferred away, not copied
  });

  it('replaces a worker that dies and retries its task once', async () => {
    const { spawn, spawned } = fakeWorkers();
    pool = new ComputePool<TestTasks>(spawn, 1);
    const result = await pool.run('double', { values: new Float64Array([5]), crashOn: [1] });
    expect(Array.from(result.doubled)).toEqual([10]);
    expect(spawned.length).toBe(2);
    expect(spawned[0].terminated).toBe(true);
    expect(spawned[1].ran).toEqual(['double#2']);
    expect(pool.stats).toMatchObject({ crashes: 1, retries: 1, workers: 1 });
  });

  it('retries with the input the caller makes again, when it says how, instead of a kept copy', async () => {
    const { spawn, spawned } = fakeWorkers();
    pool = new ComputePool<TestTasks>(spawn, 1);
    const values = new Float64Array([5]);
    const result = await pool.run('double', { values, crashOn: [1] }, { retryInput: async () => ({ values: new Float64Array([7]), crashOn: [1] }) });
    expect(Array.from(result.doubled)).toEqual([14]);
    expect(values.byteLength).toBe(0);
    expect(spawned[1].ran).toEqual(['double#2']);
  });

  it('a task cancelled while its retry input is made never runs again', async () => {
    const { spawn, spawned } = fakeWorkers();
    pool = new ComputePool<TestTasks>(spawn, 1);
    const controller = new AbortController();
    let made: (input: TestInput) => void = () => undefined;
    const running = pool.run('double', { values: new Float64Array([1]), crashOn: [1] }, {
      signal: controller.signal,
      retryInput: () => {
        setTimeout(() => controller.abort(), 1);
        return new Promise<TestInput>((resolve) => { made = resolve; });
      },
    });
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    made({ values: new Float64Array([2]) });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(spawned.flatMap((w) => w.ran)).toEqual(['double#1']);
    expect(pool.stats).toMatchObject({ busy: 0, queued: 0 });
  });

  it('terminate ends every unfinished task as cancelled: running, queued, and one whose retry input is being made', async () => {
    const { spawn, spawned } = fakeWorkers();
    pool = new ComputePool<TestTasks>(spawn, 1);
    const remade: Promise<TestInput>[] = [];
    const remaking = pool.run('double', { values: new Float64Array([1]), crashOn: [1] }, {
      retryInput: () => {
        const input = new Promise<TestInput>(() => undefined); // never made: the pool is stopped first
        remade.push(input);
        return input;
      },
    });
    const running = pool.run('double', { values: new Float64Array([2]), wait: 10_000 });
    const queued = pool.run('double', { values: new Float64Array([3]) });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(remade).toHaveLength(1);
    expect(pool.stats).toMatchObject({ busy: 1, queued: 1, crashes: 1 });
    pool.terminate();
    await expect(remaking).rejects.toBeInstanceOf(CancelledError);
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    await expect(queued).rejects.toBeInstanceOf(CancelledError);
    await expect(pool.run('double', { values: new Float64Array([4]) })).rejects.toBeInstanceOf(CancelledError);
    expect(spawned.every((worker) => worker.terminated)).toBe(true);
    expect(pool.stats).toMatchObject({ workers: 0, busy: 0, queued: 0 });
  });

  it('gives the error to the caller when the retry dies too', async () => {
    const { spawn } = fakeWorkers();
    pool = new ComputePool<TestTasks>(spawn, 1);
    await expect(pool.run('double', { values: new Float64Array([1]), crashOn: [1, 2] })).rejects.toThrow(/failed twice: its worker died \(died on attempt 2\)/);
    expect(pool.stats.crashes).toBe(2);
  });

  it('passes a task error through with its message, without retrying', async () => {
    const { spawn, spawned } = fakeWorkers();
    pool = new ComputePool<TestTasks>(spawn, 1);
    await expect(pool.run('fail', {})).rejects.toThrow('bad input in row 3');
    expect(spawned[0].ran).toEqual(['fail#1']);
  });

  it('cancels a queued task and stops the worker of a running one', async () => {
    const { spawn, spawned } = fakeWorkers();
    pool = new ComputePool<TestTasks>(spawn, 1);
    const running = new AbortController();
    const queued = new AbortController();
    const first = pool.run('double', { wait: 10_000 }, { signal: running.signal });
    const second = pool.run('double', { values: new Float64Array([1]) }, { signal: queued.signal });
    queued.abort();
    await expect(second).rejects.toBeInstanceOf(CancelledError);
    running.abort();
    await expect(first).rejects.toBeInstanceOf(CancelledError);
    expect(spawned[0].terminated).toBe(true);
    const after = await pool.run('double', { values: new Float64Array([4]) });
    expect(Array.from(after.doubled)).toEqual([8]);
  });

  it('stops a task past its deadline on a worker (not counting its time in the queue) and serves the next on a new worker', async () => {
    const { spawn, spawned } = fakeWorkers();
    pool = new ComputePool<TestTasks>(spawn, 1);
    const endless = pool.run('double', { wait: 60_000 }, { deadline: { ms: 1_000, error: () => new Error('took too long') } });
    // Queued behind the endless task for a second, this one still has its whole 600 ms on the worker.
    const queued = pool.run('double', { wait: 50, values: new Float64Array([3]) }, { deadline: { ms: 600, error: () => new Error('queued one stopped') } });
    await expect(endless).rejects.toThrow('took too long');
    expect(spawned[0].terminated).toBe(true);
    expect(Array.from((await queued).doubled)).toEqual([6]);
    expect(spawned).toHaveLength(2);
  });

  it('bounds the queue: a caller waits for room instead of growing it', async () => {
    const { spawn } = fakeWorkers();
    pool = new ComputePool<TestTasks>(spawn, 1, 2);
    const jobs = [1, 2, 3, 4, 5].map((n) => pool!.run('double', { values: new Float64Array([n]), wait: 5 }));
    expect(pool.stats.queued).toBeLessThanOrEqual(2);
    const results = await Promise.all(jobs);
    expect(results.map((r) => r.doubled[0])).toEqual([2, 4, 6, 8, 10]);
  });

  it("keeps a widening's workers resting, without work, for the next widening; resize() stops them", async () => {
    const { spawn, spawned } = fakeWorkers();
    pool = new ComputePool<TestTasks>(spawn, 1);
    const many = () => Promise.all([1, 2, 3, 4].map((n) => pool!.run('double', { values: new Float64Array([n]), wait: 5 })));
    await pool.widened(2, many);
    expect(spawned).toHaveLength(2);
    expect(spawned[1].ran.length).toBeGreaterThan(0);
    expect(pool.stats).toMatchObject({ workers: 1, resting: 1 });
    expect(spawned.some((w) => w.terminated)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(spawned.map((w) => w.rested)).toEqual([0, 1]); // told to give back its arena
    // Outside a widening the resting worker takes nothing: the page keeps its core.
    const before = spawned[1].ran.length;
    await many();
    expect(spawned[1].ran.length).toBe(before);
    // The next widening wakes it instead of starting a cold one.
    await pool.widened(2, async () => {
      expect(pool!.stats).toMatchObject({ workers: 2, resting: 0 });
      await many();
    });
    expect(spawned).toHaveLength(2);
    expect(spawned[1].ran.length).toBeGreaterThan(before);
    pool.resize(1);
    expect(pool.stats).toMatchObject({ workers: 1, resting: 0 });
    expect(spawned.filter((w) => !w.terminated)).toHaveLength(1);
  });

  it('does not replace a resting worker that dies', async () => {
    const { spawn, spawned } = fakeWorkers();
    pool = new ComputePool<TestTasks>(spawn, 1);
    await pool.widened(2, () => pool!.run('double', { values: new Float64Array([1]) }));
    spawned[1].crash('out of memory');
    expect(pool.stats).toMatchObject({ workers: 1, resting: 0, crashes: 1 });
    expect(spawned).toHaveLength(2);
    expect(Array.from((await pool.run('double', { values: new Float64Array([2]) })).doubled)).toEqual([4]);
  });

  it('grows and shrinks while tasks run, retiring busy workers after their task', async () => {
    const { spawn, spawned } = fakeWorkers();
    pool = new ComputePool<TestTasks>(spawn, 3);
    const slow = pool.run('double', { values: new Float64Array([1]), wait: 30 });
    pool.resize(1);
    expect(pool.stats.workers).toBe(1);
    await slow;
    pool.resize(4);
    expect(pool.stats.workers).toBe(4);
    expect(spawned.filter((w) => !w.terminated).length).toBe(4);
    expect(() => pool!.resize(9)).toThrow('invalid pool size: 9');
  });
});
