import { describe, expect, it } from 'vitest';
import { ratedChunks } from './ratedReplay';

const encoder = new TextEncoder();

/** A source that takes `openMs` to give its first (and only) chunk: `lines` lines. */
async function* slowToOpen(lines: number, openMs: number): AsyncGenerator<Uint8Array> {
  await new Promise((resolve) => setTimeout(resolve, openMs));
  yield encoder.encode(Array.from({ length: lines }, (_, i) => `{"n":${i}}\n`).join(''));
}

function linesIn(chunk: Uint8Array): number {
  return chunk.reduce((count, byte) => count + (byte === 0x0a ? 1 : 0), 0);
}

describe('ratedChunks', () => {
  it('starts its clock at the first bytes: the time a source takes to open is not sent as a burst', async () => {
    const rate = 1000;
    const chunks: number[] = [];
    for await (const chunk of ratedChunks(slowToOpen(60, 150), rate, new AbortController().signal)) chunks.push(linesIn(chunk));
    expect(chunks.reduce((a, b) => a + b, 0)).toBe(60);
    // Timed from the call, 150 lines would be due when the bytes arrive: all 60 at once.
    // Timed from the bytes, the first wake-up sends the first line and those of a few ms.
    expect(chunks[0]).toBeLessThan(20);
    expect(chunks.length).toBeGreaterThan(3);
  });
});
