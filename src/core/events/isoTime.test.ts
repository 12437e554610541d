import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoTimeMs } from './isoTime.ts';
import { clockOfBytes, isoTimeOfBytes } from './scannedFields.ts';
import { parseClock } from './gameAction.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('isoTimeMs and isoTimeOfBytes', () => {
  it('equal Date.parse on the feed spelling, to the millisecond', () => {
    for (const text of ['2025-02-02T20:11:19.3Z', '2025-02-02T20:11:19Z', '2025-02-02T20:11:19.35Z', '2025-02-02T20:11:19.357Z', '2024-02-29T23:59:59.9Z', '1946-11-01T00:00:00Z']) {
      expect(isoTimeMs(text)).toBe(Date.parse(text));
      const b = bytes(text);
      const fast = isoTimeOfBytes(b, 0, b.length);
      // NaN means "not the plain form, the text goes to the reader" (the leap day does).
      if (!Number.isNaN(fast)) expect(fast).toBe(Date.parse(text));
    }
  });

  it('leave every other spelling to Date.parse, whatever it answers', () => {
    for (const text of ['2025-02-30T00:00:00Z', '2025-02-02T24:00:00Z', '2025-02-02T20:11:19.3456Z', '2025-02-02T20:11:19.Z', '+275760-09-13T00:00:00Z',
      '2025-02-02T20:11:19.3+01:00', '2025-02-02', 'yesterday', '2025-13-02T20:11:19Z', '0099-02-02T20:11:19Z']) {
      expect(isoTimeMs(text)).toBe(Date.parse(text));
      const b = bytes(text);
      expect(isoTimeOfBytes(b, 0, b.length)).toBeNaN();
    }
  });

  it('agree with Date.parse on any time in range (property)', () => {
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }), fc.integer({ min: 0, max: 3 }), (ms, decimals) => {
      const iso = new Date(ms).toISOString();
      const text = decimals === 0 ? iso.replace(/\.\d+Z$/, 'Z') : iso.replace(/(\.\d{1,3})\d*Z$/, (_, f: string) => `${f.slice(0, decimals + 1)}Z`);
      expect(isoTimeMs(text)).toBe(Date.parse(text));
      const b = bytes(text);
      const fast = isoTimeOfBytes(b, 0, b.length);
      if (!Number.isNaN(fast)) expect(fast).toBe(Date.parse(text));
    }), { numRuns: 2000, seed: 11 });
  });
});

describe('clockOfBytes', () => {
  it('gives the very number parseClock gives', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 3 }), (m, s, f, digits) => {
      const fraction = digits === 0 ? '' : `.${String(f).padStart(3, '0').slice(0, digits)}`;
      const text = `PT${String(m).padStart(2, '0')}M${String(s).padStart(2, '0')}${fraction}S`;
      const b = bytes(text);
      expect(clockOfBytes(b, 0, b.length)).toBe(parseClock(text));
    }), { numRuns: 2000, seed: 12 });
    for (const text of ['PT11M', 'PTM39.00S', 'PT11M39.S', '11:39', 'PT11M39.00']) expect(clockOfBytes(bytes(text), 0, text.length)).toBeNaN();
  });
});
