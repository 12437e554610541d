import { describe, expect, it } from 'vitest';
import { LineFramer, lineEnds } from './lineFramer.ts';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const decode = (block: { bytes: ArrayBuffer; byteLength: number }): string => new TextDecoder().decode(new Uint8Array(block.bytes, 0, block.byteLength));

describe('LineFramer', () => {
  const text = 'ab\n€\n\nlast';
  const bytes = encode(text); // a b \n (3) € \n (4) \n (1) l a s t (4) = 12 bytes

  it('finds line ends across any chunk cut and hands out exact byte blocks', () => {
    for (let cut = 0; cut <= bytes.length; cut++) {
      const framer = new LineFramer();
      const ends = [...framer.push(bytes.subarray(0, cut)), ...framer.push(bytes.subarray(cut))];
      expect(ends).toEqual([3, 7, 8]);
      expect(framer.finish()).toBe(12);
      expect(decode(framer.cut(7))).toBe('ab\n€\n');
      const rest = framer.cut(12);
      expect([rest.startOffset, rest.endOffset, decode(rest)]).toEqual([7, 12, '\nlast']);
      expect(framer.heldBytes).toBe(0);
    }
  });

  it('counts offsets from a resume point and refuses a cut beyond what it holds', () => {
    const framer = new LineFramer(100);
    expect(framer.push(encode('x\ny'))).toEqual([102]);
    expect(framer.finish()).toBe(103);
    expect(() => framer.cut(104)).toThrow('invalid cut: 104 (held 100–103)');
    expect(framer.cut(102).startOffset).toBe(100);
  });

  it('copies a block into the buffer it is given, which may be longer than the block', () => {
    const framer = new LineFramer();
    framer.push(encode('one\ntwo\n'));
    const reused = new ArrayBuffer(64);
    const block = framer.cut(4, () => reused);
    expect([block.bytes === reused, block.byteLength, decode(block)]).toEqual([true, 4, 'one\n']);
    expect(() => framer.cut(8, () => new ArrayBuffer(2))).toThrow('invalid block buffer: 2 bytes for a block of 4');
  });

  it('finds every newline at any alignment and chunk length, newlines packed or far apart', () => {
    const random = (seed: number) => () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const next = random(7);
    const buffer = new Uint8Array(300);
    for (let i = 0; i < buffer.length; i++) buffer[i] = next() < 0.15 ? 0x0a : next() < 0.5 ? 0x0b : 0x20 + Math.floor(next() * 200);
    for (let from = 0; from < 9; from++) {
      for (let to = from; to <= buffer.length; to += 7) {
        const chunk = buffer.subarray(from, to);
        const found: number[] = [];
        lineEnds(chunk, 1000, found);
        const expected: number[] = [];
        chunk.forEach((byte, at) => (byte === 0x0a ? expected.push(1000 + at + 1) : undefined));
        expect(found).toEqual(expected);
      }
    }
  });

  it('has no open last line when the source ends with a newline', () => {
    const framer = new LineFramer();
    framer.push(encode('a\n'));
    expect(framer.finish()).toBeNull();
  });
});
