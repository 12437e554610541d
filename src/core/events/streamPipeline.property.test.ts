import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateGameLines } from '../generate/games.ts';
import { parseAction } from './parseAction.ts';
import { StreamPipeline } from './streamPipeline.ts';

const LATENESS_SECONDS = 180;

/** The model fed parsed lines in order (the engine's tests drive the same model from bytes, in blocks). */
function run(lines: readonly string[]): StreamPipeline {
  const pipeline = new StreamPipeline({ allowedLatenessSeconds: LATENESS_SECONDS, idleTimeoutMs: 3_600_000 });
  lines.forEach((line, i) => {
    const parsed = parseAction(line, i + 1);
    if (parsed.ok) pipeline.pushAction(parsed.action, 0);
  });
  pipeline.finish();
  return pipeline;
}

/** Every player-game's counts exactly, and impact to 1e-9 (float sums in another order). */
export function expectSameTotals(messy: StreamPipeline, clean: StreamPipeline): void {
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
        (seed, delays, copies) => {
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
          const messy = run(keyed.map((k) => k.line));
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
    const options = { allowedLatenessSeconds: LATENESS_SECONDS, idleTimeoutMs: 3_600_000 };
    const first = new StreamPipeline(options);
    const half = Math.floor(lines.length / 2);
    lines.slice(0, half).forEach((line, i) => {
      const parsed = parseAction(line, i + 1);
      if (parsed.ok) first.pushAction(parsed.action, 0);
    });
    const resumed = new StreamPipeline(options, structuredClone(first.toCheckpoint()));
    // The resumed stream reads a few lines again (what the last checkpoint had not covered): duplicates.
    lines.slice(half - 20).forEach((line, i) => {
      const parsed = parseAction(line, half - 20 + i + 1);
      if (parsed.ok) resumed.pushAction(parsed.action, 0);
    });
    resumed.finish();
    expectSameTotals(resumed, run(lines));
    expect(resumed.counters().duplicates).toBe(20);
  });
});
