import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serialize } from 'node:v8';
import { deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAction } from '../../core/events/parseAction';
import { StreamPipeline } from '../../core/events/streamPipeline';
import { generateGameLines } from '../../core/generate/games';
import type { ReplaySpeed } from './byteSource';
import type { StreamView } from './streamEngine.api';
import { StreamEngine } from './streamEngine';
import { inThreadPool } from './inThreadPool';
import { MemoryStreamStorage, type SourceRecipe } from './streamStorage';

const engines: StreamEngine[] = [];
afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.dispose();
});

function engineOn(storage = new MemoryStreamStorage(), maxDelayMs = 2, open = true): { engine: StreamEngine; views: StreamView[]; storage: MemoryStreamStorage } {
  const engine = new StreamEngine({ pool: inThreadPool({ workers: 3, maxDelayMs }), storage, cores: 4 });
  engines.push(engine);
  const views: StreamView[] = [];
  if (open) void engine.open((view) => views.push(view));
  return { engine, views, storage };
}

const fileRecipe = (name: string, bytes: Uint8Array | string, speed: ReplaySpeed = 'max'): SourceRecipe =>
  ({ kind: 'file', name, blob: new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), speed });

/** Waits for a condition of the run itself, polling; fails after 20 s. */
async function until(condition: () => boolean): Promise<void> {
  for (const started = Date.now(); !condition(); await new Promise((resolve) => setTimeout(resolve, 10))) {
    if (Date.now() - started > 20_000) throw new Error('timed out waiting for the stream');
  }
}

/** The model fed the lines one by one with parseAction: the reference the engine must equal. */
function reference(lines: readonly string[]): Map<string, { stats: Record<string, number>; impact: number }> {
  const pipeline = new StreamPipeline({ allowedLatenessSeconds: 180, idleTimeoutMs: 3000 });
  lines.forEach((line, i) => {
    const parsed = parseAction(line, i + 1);
    if (parsed.ok) pipeline.pushAction(parsed.action, 0);
  });
  pipeline.finish();
  return new Map(pipeline.totals.playerGames().map((p) => [`${p.gameId}:${p.personId}`, { stats: { ...p.stats }, impact: p.impact }]));
}

function totalsOf(engine: StreamEngine): Map<string, { stats: Record<string, number>; impact: number }> {
  return new Map(engine.run!.pipeline.totals.playerGames().map((p) => [`${p.gameId}:${p.personId}`, { stats: { ...p.stats }, impact: p.impact }]));
}

function expectSameTotals(actual: Map<string, { stats: Record<string, number>; impact: number }>, expected: Map<string, { stats: Record<string, number>; impact: number }>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [key, want] of expected) {
    expect(actual.get(key)!.stats).toEqual(want.stats);
    expect(Math.abs(actual.get(key)!.impact - want.impact)).toBeLessThan(1e-9);
  }
}

describe('StreamEngine (Node, the same code as the coordinator worker)', () => {
  const lines = generateGameLines({ games: 3, seed: 11 });
  const text = `${lines.join('\n')}\n`;

  it('streams a file to the totals of the lines read one by one, whatever order the workers finish in', async () => {
    const { engine, views } = engineOn();
    await engine.play(fileRecipe('three.jsonl', text));
    await engine.whenDone();
    await engine.viewsDelivered();
    expect(engine.run!.state).toBe('finished');
    expectSameTotals(totalsOf(engine), reference(lines));
    const last = views.at(-1)!;
    expect(last.counters).toMatchObject({ lines: lines.length, rejects: 0 });
    expect(last.status).toBe('finished');
    // The generator's first team is at home: the score says so, and the names say it back.
    expect(last.games.map((g) => g.title)).toEqual(['CHI @ DET · 2 Feb', 'DAL @ CLE · 2 Feb', 'LAC @ TOR · 2 Feb']);
  });

  it('reads gzip and deflate as it streams: the same totals as the plain file', async () => {
    for (const [name, bytes] of [['three.jsonl.gz', gzipSync(text)], ['three.jsonl.zz', deflateSync(text)]] as const) {
      const { engine, views } = engineOn();
      await engine.play(fileRecipe(name, new Uint8Array(bytes)));
      await engine.whenDone();
      await engine.viewsDelivered();
      expect(views.at(-1)!.counters.lines).toBe(lines.length);
      expectSameTotals(totalsOf(engine), reference(lines));
    }
  });

  it('reads a gzip feed from a URL as it streams', async () => {
    const body = gzipSync(text);
    const server = createServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/gzip' });
      // In pieces, as a slow connection brings them.
      for (let at = 0; at < body.length; at += 4096) response.write(body.subarray(at, at + 4096));
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { engine, views } = engineOn();
      await engine.play({ kind: 'url', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/day.jsonl.gz` });
      await engine.whenDone();
      await engine.viewsDelivered();
      expect(views.at(-1)!.counters.lines).toBe(lines.length);
      expectSameTotals(totalsOf(engine), reference(lines));
    } finally {
      server.close();
    }
  });

  it('resumes after a stop from its checkpoint and counts nothing twice', async () => {
    const storage = new MemoryStreamStorage();
    const first = engineOn(storage, 20);
    await first.engine.play(fileRecipe('resume.jsonl', text, { eventsPerSecond: 1500 }));
    // Part way (the run's own progress, not a fixed sleep): a checkpoint on disk, then the page goes (the worker with it).
    await until(() => first.engine.run!.committedLines >= 300);
    first.engine.checkpointNow();
    await first.engine.savesDrained();
    await first.engine.stop();
    const checkpointLine = storage.record!.lines;
    expect(checkpointLine).toBeGreaterThan(0);
    expect(checkpointLine).toBeLessThan(lines.length);

    const second = engineOn(storage, 2, false);
    expect(await second.engine.open((view) => second.views.push(view))).toBe(true);
    await second.engine.whenDone();
    await second.engine.viewsDelivered();
    const last = second.views.at(-1)!;
    expect(last.resumed).toMatch(new RegExp(`^Resumed resume.jsonl \\(1,500 events/s\\) from line ${checkpointLine.toLocaleString('en')} `));
    expect(last.counters.lines).toBe(lines.length);
    expectSameTotals(totalsOf(second.engine), reference(lines));
  });

  it('refuses a binary file at once with one message, not thousands of rejected lines', async () => {
    const binary = new Uint8Array(200_000).map((_, i) => (i * 7919) % 256);
    const { engine, views } = engineOn();
    await engine.play(fileRecipe('photo.jsonl', binary));
    await engine.whenDone();
    await engine.viewsDelivered();
    const last = views.at(-1)!;
    expect(last.status).toBe('refused');
    expect(last.counters).toMatchObject({ lines: 0, rejects: 0 });
    expect(last.problem).toMatch(/^The stream photo\.jsonl \(as fast as possible\) stopped: photo\.jsonl cannot be streamed: it holds binary data \(a zero byte at byte 1\), not text\. Trackside reads game streams as JSON lines/);
  });

  it('shows a line sent twice once in the game feed and counts it once (the each_key_duplicate crash)', async () => {
    const { engine, views } = engineOn();
    const last = lines.findLastIndex((line) => line.includes('"0029900001"'));
    const repeated = [...lines.slice(0, last + 1), lines[last], ...lines.slice(last + 1)];
    await engine.setView({ feedGame: '0029900001' });
    await engine.play(fileRecipe('repeated.jsonl', `${repeated.join('\n')}\n`));
    await engine.whenDone();
    await engine.viewsDelivered();
    const view = views.at(-1)!;
    const keys = view.feed.map((entry) => entry.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys[0]).toBe(`0029900001#${(JSON.parse(lines[last]) as { actionNumber: number }).actionNumber}`);
    expect(view.counters.duplicates).toBe(1);
    expectSameTotals(totalsOf(engine), reference(lines));
  });

  it('keeps the source and checkpoints queued while storage is full, saves them once it is not, and a reload resumes that stream', async () => {
    const storage = new MemoryStreamStorage();
    storage.failure = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const { engine, views } = engineOn(storage);
    await engine.play(fileRecipe('full-disk.jsonl', text));
    await engine.whenDone();
    await engine.viewsDelivered();
    expect(storage.recipe).toBeNull();
    const waiting = views.at(-1)!.save;
    expect(waiting.waiting).toBeGreaterThanOrEqual(2);
    expect(waiting.problem).toMatch(/storage for Trackside is full.*Free space in Settings/);
    storage.failure = null;
    await engine.retrySaves();
    await engine.savesDrained();
    await engine.viewsDelivered();
    expect(views.at(-1)!.save).toMatchObject({ waiting: 0, problem: null, checkpointLine: lines.length });
    const again = engineOn(storage, 2, false);
    expect(await again.engine.open(() => undefined)).toBe(true);
    await again.engine.whenDone();
    expect(again.engine.run!.lines).toBe(lines.length);
    expectSameTotals(totalsOf(again.engine), reference(lines));
  });

  it('keeps a checkpoint the size of its open games: a stream twice as long checkpoints no more, its closed games archived once', async () => {
    const sizes: number[] = [];
    for (const games of [40, 80]) {
      const feed = generateGameLines({ games, seed: 3 });
      const { engine, storage } = engineOn();
      await engine.play(fileRecipe(`${games}.jsonl`, `${feed.join('\n')}\n`));
      await engine.whenDone();
      await engine.savesDrained();
      sizes.push(serialize(storage.record).length);
      // Games close as the stream moves on; what is open at the end is what the checkpoint holds.
      const counters = engine.run!.pipeline.counters();
      expect(storage.closed.size).toBe(counters.closedGames);
      expect(counters.closedGames + counters.openGames).toBe(games);
      expect(counters.openGames).toBeLessThan(25);
      expectSameTotals(totalsOf(engine), reference(feed));
    }
    expect(sizes[1]).toBeLessThan(sizes[0] * 1.25);
  });
});
