import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateGameLines } from '../generate/games.ts';
import { StreamPipeline } from './streamPipeline.ts';

const LATENESS_SECONDS = 180;

function run(lines: readonly string[], chunkSize = 0): StreamPipeline {
  const pipeline = new StreamPipeline({ allowedLatenessSeconds: LATENESS_SECONDS, idleTimeoutMs: 3_600_000 });
  if (chunkSize > 0) {
    const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);
    for (let at = 0; at < bytes.length; at += chunkSize) pipeline.pushBytes(bytes.subarray(at, at + chunkSize), 0);
  } else {
    lines.forEach((line, i) => pipeline.pushLine(line, i + 1, 0));
  }
  pipeline.finish(0);
  return pipeline;
}

/** Every player-game's counts exactly, and impact to 1e-9 (float sums in another order). */
function expectSameTotals(messy: StreamPipeline, clean: StreamPipeline): void {
  const byKey = new Map(clean.totals.playerGames().map((p) => [`${p.gameId}:${p.personId}`, p]));
  const messyGames = messy.totals.playerGames();
  const nonEmpty = (stats: Record<string, number>): boolean => Object.values(stats).some((v) => v !== 0);
  expect(messyGames.filter((p) => nonEmpty({ ...p.stats })).length).toBe([...byKey.values()].filter((p) => nonEmpty({ ...p.stats })).length);
  for (const player of messyGames) {
    const reference = byKey.get(`${player.gameId}:${player.personId}`);
    expect(player.stats).toEqual(reference?.stats ?? player.stats);
    if (reference === undefined) {
      expect(nonEmpty({ ...player.stats })).toBe(false);
      continue;
    }
    expect(Math.abs(player.impact - reference.impact)).toBeLessThan(1e-9);
  }
}

function eventTime(line: string): number {
  return Date.parse((JSON.parse(line) as { timeActual: string }).timeActual);
}

describe('exactly-once totals (property)', () => {
  it('any duplication and any reordering within the allowed lateness gives the clean totals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.infiniteStream(fc.double({ min: 0, max: 0.999, noNaN: true })),
        fc.infiniteStream(fc.integer({ min: 0, max: 9 })),
        fc.integer({ min: 0, max: 4000 }),
        (seed, delays, copies, chunkSize) => {
          const lines = generateGameLines({ games: 2, seed, correctionFraction: 0.03 });
          const clean = run(lines);
          // Each line keyed by its event time plus a delay below the window: a line sent
          // before another is then never more than the lateness ahead of it.
          const keyed = lines.flatMap((line, index) => {
            const times = (copies.next().value as number) === 0 ? 2 : 1;
            return Array.from({ length: times }, () => ({
              line, index, key: eventTime(line) + (delays.next().value as number) * LATENESS_SECONDS * 1000,
            }));
          });
          keyed.sort((a, b) => a.key - b.key || a.index - b.index);
          const messy = run(keyed.map((k) => k.line), chunkSize);
          expectSameTotals(messy, clean);
          const counters = messy.counters();
          expect(counters.late).toBe(0);
          // every line is counted once: a new action, a correction, a duplicate or stale (an
          // original that its correction overtook)
          expect(counters.accepted).toBe(clean.counters().accepted);
          expect(counters.accepted + counters.corrections + counters.duplicates + counters.stale).toBe(keyed.length);
          expect(counters.duplicates).toBeGreaterThanOrEqual(keyed.length - lines.length - counters.stale);
        },
      ),
      { numRuns: 25, seed: 20250202 },
    );
  });

  it('resumes from a checkpoint (structured clone) taken mid-stream without counting anything twice', () => {
    const lines = generateGameLines({ games: 2, seed: 4, correctionFraction: 0.03 });
    const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);
    const options = { allowedLatenessSeconds: LATENESS_SECONDS, idleTimeoutMs: 3_600_000 };
    const first = new StreamPipeline(options);
    first.pushBytes(bytes.subarray(0, Math.floor(bytes.length / 2)), 0);
    const checkpoint = structuredClone(first.toCheckpoint());
    const resumed = new StreamPipeline(options, checkpoint);
    resumed.pushBytes(bytes.subarray(checkpoint.splitter.consumedOffset), 0);
    resumed.finish(0);
    expectSameTotals(resumed, run(lines));
    expect(resumed.counters()).toMatchObject({ lines: lines.length, duplicates: 0 });
  });
});
