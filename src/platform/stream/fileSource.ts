import { generateGameLines } from '../../core/generate/games';
import { checkSpeed, speedLabel, type ByteSource, type ReplaySpeed } from './byteSource';
import { feedBytes } from './feedBytes';
import { pacedChunks, ReplayClock } from './pacedReplay';
import { ratedChunks } from './ratedReplay';

/**
 * A JSON-lines file (plain, gzip or deflate) replayed at its original pace, N× that, at a
 * fixed rate, or as fast as possible. The next chunk is read only when the pipeline asks
 * (backpressure).
 */
export function fileSource(file: Blob & { name?: string; lastModified?: number }, speed: ReplaySpeed, name = file.name ?? 'stream.jsonl'): ByteSource {
  checkSpeed(speed);
  const clock = typeof speed === 'number' ? new ReplayClock(speed) : null;
  return {
    label: `${name} (${speedLabel(speed)})`,
    resumeKey: `file:${name}:${file.size}:${file.lastModified ?? 0}`,
    chunks(startOffset, signal) {
      const raw = feedBytes({ name, open: async (from) => file.slice(from).stream(), seekable: true }, startOffset, signal);
      if (typeof speed === 'object') return ratedChunks(raw, speed.eventsPerSecond, signal);
      return clock ? pacedChunks(raw, clock, signal) : raw;
    },
    eventWallTime: (eventMs) => clock?.wallTimeOf(eventMs) ?? null,
  };
}

/** The built-in generator: seeded games as feed lines, replayed like a file. */
export function generatorSource(options: { games: number; seed: number; speed: ReplaySpeed }): ByteSource {
  const lines = generateGameLines({ games: options.games, seed: options.seed });
  const blob = new Blob([`${lines.join('\n')}\n`]);
  const source = fileSource(blob, options.speed, `generator ${options.games} games, seed ${options.seed}`);
  return { ...source, resumeKey: `generator:${options.games}:${options.seed}` };
}
