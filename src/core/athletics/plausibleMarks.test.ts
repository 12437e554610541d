import { describe, expect, it } from 'vitest';
import { describeEvent } from './events.ts';
import { isPlausible, plausibleRange, plausibleRangeOf } from './plausibleMarks.ts';
import { generateResults } from '../generate/results.ts';

// World records (World Athletics, 2025) and slow but real marks: all must pass.
const real: [string, number][] = [
  ['100m', 9.58], ['100m', 42.22], ['200m', 19.19], ['400m', 43.03], ['110mH', 12.8], ['400mH', 45.94],
  ['800m', 100.91], ['1500m', 206.0], ['3000mSC', 472.11], ['5000m', 755.36], ['10000m', 1571.0],
  ['Marathon', 7235], ['Marathon', 8 * 3600 + 11 * 60], ['Half Marathon', 3451], ['20km walk', 4656],
  ['High Jump', 2.45], ['Pole Vault', 6.3], ['Long Jump', 8.95], ['Triple Jump', 18.29],
  ['Shot Put', 23.56], ['Discus', 74.35], ['Hammer', 86.74], ['Javelin', 98.48], ['Decathlon', 9126], ['Heptathlon', 7291],
];

describe('plausible marks', () => {
  it('takes every world record and slow real marks', () => {
    for (const [event, mark] of real) expect(isPlausible(plausibleRangeOf(event), mark), `${event} ${mark}`).toBe(true);
  });

  it('refuses typing and unit errors, infinities and negative marks', () => {
    expect(isPlausible(plausibleRangeOf('100m'), 0.5)).toBe(false); // a fraction of a second
    expect(isPlausible(plausibleRangeOf('100m'), 105.2)).toBe(false); // 1:45.2 in the wrong event
    expect(isPlausible(plausibleRangeOf('Marathon'), 128)).toBe(false); // minutes, not seconds
    expect(isPlausible(plausibleRangeOf('Long Jump'), 795)).toBe(false); // centimetres
    expect(isPlausible(plausibleRangeOf('Decathlon'), 91260)).toBe(false);
    expect(isPlausible(plausibleRangeOf('Javelin'), Infinity)).toBe(false);
    expect(isPlausible(plausibleRangeOf('High Jump'), -2)).toBe(false);
    expect(isPlausible(null, Number.NaN)).toBe(false);
    expect(isPlausible(null, 12.3)).toBe(true);
  });

  it('bounds each running event from both sides, faster events below slower ones', () => {
    const range = (event: string) => plausibleRange(describeEvent(event)!)!;
    expect(range('100m').min).toBeCloseTo(100 / 11.5, 6);
    expect(range('100m').max).toBeCloseTo(100 / 1.2, 6);
    expect(range('400m').min).toBeLessThan(43.03 * 0.9);
    expect(range('Marathon').min).toBeLessThan(7235 * 0.8);
    expect(range('20km walk').max).toBe(20_000 / 0.8);
  });

  it('passes every mark of the seeded generator', () => {
    let checked = 0;
    for (const batch of generateResults({ rows: 20_000, seed: 5 }).batches()) {
      for (let i = 0; i < batch.length; i++) {
        if (Number.isNaN(batch.mark_numeric[i])) continue;
        checked++;
        expect(isPlausible(plausibleRangeOf(batch.discipline[i]), batch.mark_numeric[i]), `${batch.discipline[i]} ${batch.mark[i]}`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(19_000);
  });
});
