import { describe, expect, it } from 'vitest';
import { describeEvent, eventDirection, normaliseEventName } from './events.ts';
import { isWindAided, parseWind, parseWindColumn } from './wind.ts';

describe('normaliseEventName', () => {
  it('maps WA slugs, with their implement and age variants, to one name', () => {
    expect(normaliseEventName('100m-hurdles-762cm')).toBe('100-metres-hurdles');
    expect(normaliseEventName('discus-throw-1750kg')).toBe('discus-throw');
    expect(normaliseEventName('javelin-throw-500g')).toBe('javelin-throw');
    expect(normaliseEventName('decathlon-u20')).toBe('decathlon');
    expect(normaliseEventName('heptathlon-girls')).toBe('heptathlon');
    expect(normaliseEventName('10-kilometres-race-walk')).toBe('10-kilometres-race-walk');
    expect(normaliseEventName('20000-metres-race-walk')).toBe('20000-metres-race-walk');
    expect(normaliseEventName('3000-metres-steeplechase')).toBe('3000-metres-steeplechase');
    expect(normaliseEventName('10-miles-road')).toBe('10-miles-road');
  });
  it('maps short names', () => {
    expect(normaliseEventName('100m')).toBe('100-metres');
    expect(normaliseEventName('110mH')).toBe('110-metres-hurdles');
    expect(normaliseEventName('LJ')).toBe('long-jump');
    expect(normaliseEventName('HJ')).toBe('high-jump');
    expect(normaliseEventName('SP')).toBe('shot-put');
    expect(normaliseEventName('Marathon')).toBe('marathon');
    expect(normaliseEventName('3000m SC')).toBe('3000-metres-steeplechase');
    expect(normaliseEventName('20 km walk')).toBe('20-kilometres-race-walk');
    expect(normaliseEventName("Women's 400 m")).toBe('400-metres');
    expect(normaliseEventName('Half Marathon')).toBe('half-marathon');
    expect(normaliseEventName('Sprinting')).toBeNull();
  });
});

describe('describeEvent', () => {
  it('knows the direction: times lower, distances and points higher', () => {
    expect(eventDirection('100m')).toBe('lower');
    expect(eventDirection('marathon')).toBe('lower');
    expect(eventDirection('10-kilometres-race-walk')).toBe('lower');
    expect(eventDirection('long-jump')).toBe('higher');
    expect(eventDirection('decathlon')).toBe('higher');
    expect(eventDirection('JT')).toBe('higher');
    expect(() => eventDirection('Coach')).toThrow('unknown event: "Coach"');
  });
  it('knows kind, wind and print style', () => {
    expect(describeEvent('400m')).toEqual({ name: '400-metres', kind: 'sprints', direction: 'lower', windCounts: false, markStyle: 'decimal' });
    expect(describeEvent('800m')?.kind).toBe('middlelong');
    expect(describeEvent('marathon')?.markStyle).toBe('hours');
    expect(describeEvent('20-kilometres-race-walk')?.markStyle).toBe('hours');
    expect(describeEvent('3000-metres-race-walk')?.markStyle).toBe('minutes');
    expect(describeEvent('200m')?.windCounts).toBe(true);
    expect(describeEvent('400mH')?.windCounts).toBe(false);
    expect(describeEvent('TJ')?.windCounts).toBe(true);
    expect(describeEvent('HJ')?.windCounts).toBe(false);
  });
});

describe('wind', () => {
  it('parses readings and refuses what is not one', () => {
    expect(parseWind('+2.1')).toBe(2.1);
    expect(parseWind('-0.4')).toBe(-0.4);
    expect(parseWind('1,5')).toBe(1.5);
    expect(parseWind('NWI')).toBeNaN();
    expect(parseWind('')).toBeNaN();
    expect(Array.from(parseWindColumn(['0.0', null, '+3.2']))).toEqual([0, NaN, 3.2]);
  });
  it('marks over +2.0 in events where wind counts', () => {
    expect(isWindAided(2.1, '100m')).toBe(true);
    expect(isWindAided(2.0, '100m')).toBe(false);
    expect(isWindAided(3.5, 'long-jump')).toBe(true);
    expect(isWindAided(3.5, '400-metres')).toBe(false);
    expect(isWindAided(NaN, '100m')).toBe(false);
  });
});
