import { describe, expect, it } from 'vitest';
import { MarkFlag, markFlagNames, parseMark, parseMarkColumn } from './marks.ts';
import { formatMark } from './markFormat.ts';
import { createRandom } from '../stats/random.ts';

const value = (text: string): number => {
  const parsed = parseMark(text);
  if (!parsed.ok) throw new Error(`expected a mark: ${text} (${parsed.reason})`);
  return parsed.value;
};

describe('parseMark', () => {
  it('reads seconds, minutes and hours as published', () => {
    expect(value('10.49')).toBeCloseTo(10.49, 10);
    expect(value('1:45.32')).toBeCloseTo(105.32, 10); // 60 + 45.32
    expect(value('2:03:59')).toBe(7439); // 2*3600 + 3*60 + 59
    expect(value('41:04')).toBe(2464); // 41*60 + 4
    expect(value('1:17:25.6h')).toBeCloseTo(4645.6, 10);
    expect(value('8.95')).toBeCloseTo(8.95, 10);
    expect(value('8126')).toBe(8126);
  });
  it('accepts a decimal comma, and a comma before three digits as thousands', () => {
    expect(value('6,45')).toBeCloseTo(6.45, 10);
    expect(value('1:45,32')).toBeCloseTo(105.32, 10);
    expect(value('8,126')).toBe(8126);
  });
  it('keeps suffixes as flags', () => {
    const hand = parseMark('10.2h');
    expect(hand).toEqual({ ok: true, value: 10.2, flags: MarkFlag.handTimed });
    const windy = parseMark(' 7.45w ');
    expect(windy.ok && windy.flags).toBe(MarkFlag.windAided);
    const both = parseMark('20.1Ah');
    expect(both.ok && both.flags).toBe(MarkFlag.handTimed | MarkFlag.altitude);
    expect(markFlagNames(MarkFlag.handTimed | MarkFlag.altitude)).toEqual(['handTimed', 'altitude']);
  });
  it('names the reason a row has no mark', () => {
    expect(parseMark('DNF')).toEqual({ ok: false, reason: 'DNF' });
    expect(parseMark('dns')).toEqual({ ok: false, reason: 'DNS' });
    expect(parseMark('DSQ')).toEqual({ ok: false, reason: 'DQ' });
    expect(parseMark('nh')).toEqual({ ok: false, reason: 'NH' });
    expect(parseMark('NM')).toEqual({ ok: false, reason: 'NM' });
    expect(parseMark('  ')).toEqual({ ok: false, reason: 'blank' });
    expect(parseMark(null)).toEqual({ ok: false, reason: 'blank' });
    expect(parseMark('-')).toEqual({ ok: false, reason: 'blank' });
  });
  it('refuses text that is not a mark', () => {
    for (const text of ['abc', '1:75.00', '1:5.00', '1:2:3:4', '10.', '.5', 'h', '10..2', '12:3']) {
      expect(parseMark(text)).toEqual({ ok: false, reason: 'invalid' });
    }
  });
});

describe('parseMarkColumn', () => {
  it('counts exclusions and keeps the first invalid rows', () => {
    const column = parseMarkColumn(['10.49', 'DNF', '', 'x', '1:45.32', null, 'y', 'NM'], { maxInvalidRows: 1 });
    expect(Array.from(column.value).map((v) => (Number.isNaN(v) ? 'NaN' : v.toFixed(2)))).toEqual([
      '10.49', 'NaN', 'NaN', 'NaN', '105.32', 'NaN', 'NaN', 'NaN',
    ]);
    expect(column.excluded).toEqual({ blank: 2, DNF: 1, DNS: 0, DQ: 0, NM: 1, NH: 0, invalid: 2, implausible: 0 });
    expect(column.invalidRows).toEqual([3]);
  });
  it('checks its options loudly', () => {
    expect(() => parseMarkColumn([], { maxInvalidRows: -1 })).toThrow('invalid maxInvalidRows: -1');
  });
  it('reads back what formatMark writes, over a million marks (informal timing)', () => {
    const random = createRandom(7);
    const n = 1_000_000;
    const truth = new Float64Array(n);
    const texts: string[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const kind = i % 3;
      const v = kind === 0 ? 9.5 + random.next() * 3 : kind === 1 ? 100 + random.next() * 500 : 7000 + random.next() * 2000;
      const style = kind === 0 ? 'decimal' : kind === 1 ? 'minutes' : 'hours';
      texts[i] = formatMark(v, { style });
      truth[i] = kind === 2 ? Math.round(v) : Math.round(v * 100) / 100;
    }
    const started = performance.now();
    const column = parseMarkColumn(texts);
    const elapsed = performance.now() - started;
    console.info(`parseMarkColumn: ${n} marks in ${elapsed.toFixed(0)} ms`);
    let worst = 0;
    for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(column.value[i] - truth[i]));
    expect(worst).toBeLessThan(1e-6);
    expect(column.excluded.invalid).toBe(0);
  });
});

describe('formatMark', () => {
  it('writes the styles result lists use', () => {
    expect(formatMark(105.32, { style: 'minutes' })).toBe('1:45.32');
    expect(formatMark(59.8, { style: 'minutes' })).toBe('59.80');
    expect(formatMark(5212.3, { style: 'minutes', decimals: 1 })).toBe('1:26:52.3');
    expect(formatMark(7439, { style: 'hours' })).toBe('2:03:59');
    expect(formatMark(2464, { style: 'hours' })).toBe('41:04');
    expect(formatMark(8.951, { style: 'decimal' })).toBe('8.95');
    expect(formatMark(8125.6, { style: 'points' })).toBe('8126');
    expect(() => formatMark(-1, { style: 'decimal' })).toThrow('invalid mark value: -1');
  });
});
