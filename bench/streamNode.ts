/**
 * The Stream benchmark's Node figures (run by bench/suites/stream.ts in a Node of its own,
 * with plain tsx, so our code runs as Node runs it, like the JSON.parse it is compared to):
 * the parse worker's block parse against split + JSON.parse, and the coordinator alone.
 * Usage: node --import tsx bench/streamNode.ts PARSE_LINES COORDINATOR_LINES REPEATS;
 * prints one JSON line { block, bare, coordinator } in events a second.
 */
import { parseLineBlock } from '../src/core/events/lineBlockParser';
import { generateGameLines } from '../src/core/generate/games';
import type { ByteSource } from '../src/platform/stream/byteSource';
import type { LineBlockInput, ParsedBlock } from '../src/platform/stream/parsedBlock';
import { tasks } from '../src/platform/stream/stream.tasks';
import { StreamEngine } from '../src/platform/stream/streamEngine';
import type { StreamPool } from '../src/platform/stream/streamRun';
import { MemoryStreamStorage } from '../src/platform/stream/streamStorage';
import { median } from './context';

/** Generated feed lines (many overlapping games, the real feed's fields), cut to the exact count. */
function feedLines(lines: number): string[] {
  const all = generateGameLines({ games: Math.ceil(lines / 380), seed: 42 }).slice(0, lines);
  if (all.length !== lines) throw new Error(`generated ${all.length} lines, wanted ${lines}`);
  return all;
}

/** One thread in Node: the compute worker's block parse against split + JSON.parse of the same bytes. */
function parseInNode(lines: string[], repeats: number): { block: number; bare: number } {
  const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);
  const block: number[] = [];
  const bare: number[] = [];
  for (let r = 0; r < repeats; r++) {
    let started = performance.now();
    for (const line of new TextDecoder().decode(bytes).split('\n')) if (line.length > 0) JSON.parse(line);
    bare.push(lines.length / ((performance.now() - started) / 1000));
    started = performance.now();
    for (let at = 0; at < bytes.length;) {
      const cut = bytes.indexOf(0x0a, Math.min(bytes.length - 1, at + 512 * 640));
      const end = cut < 0 ? bytes.length : cut + 1;
      parseLineBlock(bytes.subarray(at, end), 0, Date.now());
      at = end;
    }
    block.push(lines.length / ((performance.now() - started) / 1000));
  }
  return { block: median(block), bare: median(bare) };
}

/**
 * The coordinator's own cost: the engine over `lines` actions with every block's parse
 * answered from a cache (filled by a first run), so what is timed is framing, dispatch,
 * the model, closing games and views — the coordinator thread's work per action, at the
 * app's own throughput measure. The bytes come in 64 KB chunks, fresh copies, as a
 * browser's File stream hands them over (Node's Blob stream gives one chunk of the whole).
 */
async function coordinatorAlone(lines: number, repeats: number): Promise<number> {
  const bytes = new TextEncoder().encode(`${feedLines(lines).join('\n')}\n`);
  const openSource = (): ByteSource => ({
    label: 'coordinator.jsonl', resumeKey: 'coordinator', eventWallTime: () => null,
    async *chunks(startOffset) {
      for (let at = startOffset; at < bytes.length; at += 65_536) yield bytes.slice(at, at + 65_536);
    },
  });
  const cache = new Map<number, ParsedBlock>();
  const pool: StreamPool = {
    run: (input: LineBlockInput) => new Promise((resolve) => queueMicrotask(() => {
      let parsed = cache.get(input.startOffset);
      if (parsed === undefined) {
        parsed = tasks.parseLineBlock({ ...input, bytes: input.bytes.slice(0), spare: undefined });
        cache.set(input.startOffset, parsed);
      }
      // Fresh columns, as a worker's reply would be.
      const { actions } = parsed;
      resolve({ ...parsed, actions: { ...actions, numbers: actions.numbers.slice(), texts: actions.texts.slice() }, bytes: input.bytes });
    })),
    resize: () => undefined,
    workers: 1,
    maxAuto: 1,
  };
  const rates: number[] = [];
  for (let r = 0; r <= repeats; r++) {
    const engine = new StreamEngine({ pool, storage: new MemoryStreamStorage(), cores: 2, openSource });
    await engine.update({ batchSize: 512 });
    await engine.play({ kind: 'file', name: 'coordinator.jsonl', blob: new Blob([]), speed: 'max' });
    await engine.whenDone();
    // The first run fills the cache (and warms the code up): not counted.
    if (r > 0) rates.push(engine.run!.metrics.averageThroughput);
    await engine.dispose();
  }
  return median(rates);
}

const [parseLines, coordinatorLines, repeats] = process.argv.slice(2).map(Number);
const { block, bare } = parseInNode(feedLines(parseLines), repeats);
const coordinator = await coordinatorAlone(coordinatorLines, Math.max(3, repeats - 2));
console.log(JSON.stringify({ block, bare, coordinator }));
