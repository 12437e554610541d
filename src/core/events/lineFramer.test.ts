import { describe, expect, it } from 'vitest';
import { LineFramer } from './lineFramer.ts';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const decode = (bytes: ArrayBuffer): string => new TextDecoder().decode(bytes);

describe('LineFramer', () => {
  const text = 'ab\n€\n\nlast';
  const bytes = encode(text); // a b \n (3) € \n (4) \n (1) l a s t (4) = 12 bytes

  it('finds line ends across any chunk cut and hands out exact byte blocks', () => {
    for (let cut = 0; cut <= bytes.length; cut++) {
      const framer = new LineFramer();
      const ends = [...framer.push(bytes.subarray(0, cut)), ...framer.push(bytes.subarray(cut))];
      expect(ends).toEqual([3, 7, 8]);
      expect(framer.finish()).toBe(12);
      expect(decode(framer.cut(7).bytes)).toBe('ab\n€\n');
      const rest = framer.cut(12);
      expect([rest.startOffset, rest.endOffset, decode(rest.bytes)]).toEqual([7, 12, '\nlast']);
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

  it('has no open last line when the source ends with a newline', () => {
    const framer = new LineFramer();
    framer.push(encode('a\n'));
    expect(framer.finish()).toBeNull();
  });
});
