import { describe, expect, it } from 'vitest';
import { LineSplitter, type SplitLine } from './lineSplitter.ts';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

function splitInChunks(bytes: Uint8Array, cuts: number[]): SplitLine[] {
  const splitter = new LineSplitter();
  const lines: SplitLine[] = [];
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    lines.push(...splitter.push(bytes.subarray(from, cut)));
    from = cut;
  }
  return [...lines, ...splitter.finish()];
}

describe('LineSplitter', () => {
  // "é" and "€" are 2 and 3 bytes in UTF-8: cutting inside them must not corrupt the text.
  const source = '{"a":"é"}\r\n\n{"b":"€€"}\nlast';
  const bytes = encode(source);

  it('gives the same lines, numbers and offsets wherever the chunks are cut', () => {
    const expected = [
      { text: '{"a":"é"}', lineNumber: 1, endOffset: 12 },
      { text: '{"b":"€€"}', lineNumber: 3, endOffset: 13 + 15 },
      { text: 'last', lineNumber: 4, endOffset: 32 },
    ];
    expect(bytes.length).toBe(32);
    for (let cut = 0; cut <= bytes.length; cut++) {
      for (const second of [cut, Math.min(bytes.length, cut + 3)]) {
        expect(splitInChunks(bytes, [cut, second])).toEqual(expected);
      }
    }
  });

  it('consumes only whole lines, and resumes from its state without repeating a line', () => {
    const splitter = new LineSplitter();
    const first = splitter.push(bytes.subarray(0, 20));
    expect(first.map((l) => l.lineNumber)).toEqual([1]);
    expect(splitter.consumedOffset).toBe(13); // line 1 (12 bytes) and the blank line 2
    expect(splitter.pendingBytes).toBe(7);
    const resumed = new LineSplitter(JSON.parse(JSON.stringify(splitter.toState())));
    const rest = [...resumed.push(bytes.subarray(splitter.consumedOffset)), ...resumed.finish()];
    expect(rest.map((l) => [l.lineNumber, l.text])).toEqual([[3, '{"b":"€€"}'], [4, 'last']]);
    expect(resumed.consumedOffset).toBe(32);
  });

  it('does not change the chunk it is given, and refuses a negative offset', () => {
    const chunk = encode('x\ny');
    const copy = chunk.slice();
    new LineSplitter().push(chunk);
    expect(chunk).toEqual(copy);
    expect(() => new LineSplitter({ consumedOffset: -3, linesConsumed: 0 })).toThrow('invalid consumedOffset: -3');
  });
});
