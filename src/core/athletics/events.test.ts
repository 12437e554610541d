import { describe, expect, it } from 'vitest';
import { describeEvent, eventDirection, eventGroupLabel, normaliseEventName } from './events.ts';
import { parseImplement } from './implements.ts';
import { normaliseSex } from './sex.ts';
import { isWindAided, parseWind, parseWindColumn } from './wind.ts';

/*
 * Every discipline spelling of the World Athletics top lists (the `discipline` column, with
 * the sexes it appears with), and the event each is by World Athletics' specifications:
 * U18 boys 110 m hurdles 0.914 m, 400 m hurdles and 2000 m steeplechase 0.838 m ("84.0cm"),
 * shot and hammer 5 kg, discus 1.5 kg, javelin 700 g; U20 men 110 m hurdles 0.991 m
 * ("99.0cm"), shot and hammer 6 kg, discus 1.75 kg, javelin 800 g (the senior one); U18
 * girls 100 m hurdles 0.762 m, shot 3 kg, javelin 500 g; women's U20 heptathlon uses the
 * senior implements. A spelling without an implement is the senior event.
 */
const waSpellings: [spelling: string, sex: 'male' | 'female', event: string, group: string][] = [
  ['100m-hurdles-762cm', 'female', '100-metres-hurdles-76.2cm', '100 m hurdles 76.2 cm, women'],
  ['100-metres-hurdles', 'female', '100-metres-hurdles', '100 m hurdles 84.0 cm, women'],
  ['110-metres-hurdles', 'male', '110-metres-hurdles', '110 m hurdles 106.7 cm, men'],
  ['110m-hurdles-990cm', 'male', '110-metres-hurdles-99.0cm', '110 m hurdles 99.0 cm, men'],
  ['110m-hurdles-914cm', 'male', '110-metres-hurdles-91.4cm', '110 m hurdles 91.4 cm, men'],
  ['400-metres-hurdles', 'male', '400-metres-hurdles', '400 m hurdles 91.4 cm, men'],
  ['400-metres-hurdles', 'female', '400-metres-hurdles', '400 m hurdles 76.2 cm, women'],
  ['400m-hurdles-840cm', 'male', '400-metres-hurdles-84.0cm', '400 m hurdles 84.0 cm, men'],
  ['2000-metres-steeplechase', 'male', '2000-metres-steeplechase', '2000 m steeplechase 91.4 cm, men'],
  ['2000-metres-steeplechase-84', 'male', '2000-metres-steeplechase-84.0cm', '2000 m steeplechase 84.0 cm, men'],
  ['3000-metres-steeplechase', 'female', '3000-metres-steeplechase', '3000 m steeplechase 76.2 cm, women'],
  ['shot-put', 'male', 'shot-put', 'Shot put 7.26 kg, men'],
  ['shot-put-6kg', 'male', 'shot-put-6kg', 'Shot put 6 kg, men'],
  ['shot-put-5kg', 'male', 'shot-put-5kg', 'Shot put 5 kg, men'],
  ['shot-put', 'female', 'shot-put', 'Shot put 4 kg, women'],
  ['shot-put-3kg', 'female', 'shot-put-3kg', 'Shot put 3 kg, women'],
  ['discus-throw', 'male', 'discus-throw', 'Discus throw 2 kg, men'],
  ['discus-throw-1750kg', 'male', 'discus-throw-1.75kg', 'Discus throw 1.75 kg, men'],
  ['discus-throw-1500kg', 'male', 'discus-throw-1.5kg', 'Discus throw 1.5 kg, men'],
  ['discus-throw', 'female', 'discus-throw', 'Discus throw 1 kg, women'],
  ['hammer-throw', 'male', 'hammer-throw', 'Hammer throw 7.26 kg, men'],
  ['hammer-throw-6kg', 'male', 'hammer-throw-6kg', 'Hammer throw 6 kg, men'],
  ['hammer-throw-5kg', 'male', 'hammer-throw-5kg', 'Hammer throw 5 kg, men'],
  ['javelin-throw', 'male', 'javelin-throw', 'Javelin throw 800 g, men'],
  ['javelin-throw-700g', 'male', 'javelin-throw-700g', 'Javelin throw 700 g, men'],
  ['javelin-throw', 'female', 'javelin-throw', 'Javelin throw 600 g, women'],
  ['javelin-throw-500g', 'female', 'javelin-throw-500g', 'Javelin throw 500 g, women'],
  ['decathlon', 'male', 'decathlon', 'Decathlon, men'],
  ['decathlon-u20', 'male', 'decathlon-u20', 'Decathlon (U20 implements), men'],
  ['decathlon-boys', 'male', 'decathlon-u18', 'Decathlon (U18 implements), men'],
  ['heptathlon', 'female', 'heptathlon', 'Heptathlon, women'],
  ['heptathlon-girls', 'female', 'heptathlon-u18', 'Heptathlon (U18 implements), women'],
  ['pole-vault', 'male', 'pole-vault', 'Pole vault, men'],
  ['high-jump', 'female', 'high-jump', 'High jump, women'],
  ['long-jump', 'male', 'long-jump', 'Long jump, men'],
  ['triple-jump', 'female', 'triple-jump', 'Triple jump, women'],
  ['50-metres', 'male', '50-metres', '50 m, men'],
  ['55-metres', 'female', '55-metres', '55 m, women'],
  ['60-metres', 'male', '60-metres', '60 m, men'],
  ['200-metres', 'male', '200-metres', '200 m, men'],
  ['300-metres', 'female', '300-metres', '300 m, women'],
  ['400-metres', 'female', '400-metres', '400 m, women'],
  ['600-metres', 'male', '600-metres', '600 m, men'],
  ['800-metres', 'female', '800-metres', '800 m, women'],
  ['1000-metres', 'male', '1000-metres', '1000 m, men'],
  ['1500-metres', 'female', '1500-metres', '1500 m, women'],
  ['one-mile', 'male', 'one-mile', 'One mile, men'],
  ['2000-metres', 'male', '2000-metres', '2000 m, men'],
  ['3000-metres', 'female', '3000-metres', '3000 m, women'],
  ['two-miles', 'female', 'two-miles', 'Two miles, women'],
  ['5000-metres', 'male', '5000-metres', '5000 m, men'],
  ['10000-metres', 'female', '10000-metres', '10000 m, women'],
  ['5-kilometres', 'male', '5-kilometres', '5 km, men'],
  ['10-kilometres', 'female', '10-kilometres', '10 km, women'],
  ['15-kilometres', 'male', '15-kilometres', '15 km, men'],
  ['20-kilometres', 'female', '20-kilometres', '20 km, women'],
  ['10-miles-road', 'male', '10-miles-road', '10 miles road, men'],
  ['half-marathon', 'female', 'half-marathon', 'Half marathon, women'],
  ['marathon', 'male', 'marathon', 'Marathon, men'],
  ['3000-metres-race-walk', 'female', '3000-metres-race-walk', '3000 m race walk, women'],
  ['5000-metres-race-walk', 'male', '5000-metres-race-walk', '5000 m race walk, men'],
  ['10000-metres-race-walk', 'male', '10000-metres-race-walk', '10000 m race walk, men'],
  ['20000-metres-race-walk', 'female', '20000-metres-race-walk', '20000 m race walk, women'],
  ['5-kilometres-race-walk', 'female', '5-kilometres-race-walk', '5 km race walk, women'],
  ['10-kilometres-race-walk', 'male', '10-kilometres-race-walk', '10 km race walk, men'],
  ['20-kilometres-race-walk', 'female', '20-kilometres-race-walk', '20 km race walk, women'],
  ['30-kilometres-race-walk', 'male', '30-kilometres-race-walk', '30 km race walk, men'],
  ['35-kilometres-race-walk', 'female', '35-kilometres-race-walk', '35 km race walk, women'],
  ['50-kilometres-race-walk', 'male', '50-kilometres-race-walk', '50 km race walk, men'],
];

describe('events of the World Athletics top lists', () => {
  it.each(waSpellings)('%s (%s) is %s', (spelling, sex, event, group) => {
    const info = describeEvent(spelling, sex);
    expect(info?.name).toBe(event);
    expect(eventGroupLabel(info!.name, sex)).toBe(group);
  });

  it('never puts two implements in one group', () => {
    const implementOf = new Map<string, string>();
    for (const [spelling, sex] of waSpellings) {
      const info = describeEvent(spelling, sex)!;
      const key = `${info.name}|${sex}`;
      const implement = JSON.stringify(info.implement);
      expect(implementOf.get(key) ?? implement, key).toBe(implement);
      implementOf.set(key, implement);
    }
    // The youth shot is not the senior shot: a 22 m throw with 5 kg is in its own group.
    expect(normaliseEventName('shot-put-5kg', 'male')).not.toBe(normaliseEventName('shot-put', 'male'));
  });
});

describe('other spellings of one event', () => {
  it('reads implements as federations and timing companies write them', () => {
    const men = (raw: string) => normaliseEventName(raw, 'male');
    for (const raw of ['Shot Put (6kg)', 'Shot Put 6 kg', 'SP 6kg', 'shot-put-6000g', 'Shot Put U20', 'Shot Put Junior']) expect(men(raw), raw).toBe('shot-put-6kg');
    for (const raw of ['Shot Put', 'Shot Put (7.26kg)', 'Shot 16lb', 'SP 7,26 kg', 'Shot Put U23', 'Shot Put Men']) expect(men(raw), raw).toBe('shot-put');
    for (const raw of ['110mH (99.0cm)', '110m Hurdles 0.991m', '110 m hurdles 99,1 cm', '110H 39"', '110mH U20']) expect(men(raw), raw).toBe('110-metres-hurdles-99.0cm');
    for (const raw of ['Discus (1.75kg)', 'Discus Throw 1,75 kg', 'DT 1750g']) expect(men(raw), raw).toBe('discus-throw-1.75kg');
    expect(men('Javelin (700 g)')).toBe('javelin-throw-700g');
    expect(men('Javelin U20')).toBe('javelin-throw'); // U20 men throw the senior 800 g javelin
    expect(men('Decathlon U20')).toBe('decathlon-u20');
    expect(men('Heptathlon U20')).toBe('heptathlon-u20'); // men's indoor heptathlon: U20 hurdles and shot
    expect(normaliseEventName('Heptathlon U20', 'female')).toBe('heptathlon'); // women's U20 = senior implements
    expect(normaliseEventName('100mH (83.8cm)', 'female')).toBe('100-metres-hurdles');
    expect(normaliseEventName('Shot Put 4kg', 'female')).toBe('shot-put');
    expect(men('Shot Put 4kg')).toBe('shot-put-4kg'); // a masters men's shot: its own event
  });

  it('keeps a named implement when the sex is not known, unless it is senior for both', () => {
    expect(normaliseEventName('shot-put-4kg')).toBe('shot-put-4kg');
    expect(normaliseEventName('Shot Put U18')).toBe('shot-put-u18');
    expect(normaliseEventName('Shot Put U16', 'male')).toBe('shot-put-u16');
    expect(normaliseEventName('Shot Put')).toBe('shot-put');
    expect(eventGroupLabel('shot-put', 'unknown')).toBe('Shot put (senior implement), sex unknown');
    expect(eventGroupLabel('shot-put-u18', 'unknown')).toBe('Shot put (U18 implements), sex unknown');
  });

  it('maps short names and an age category that does not change the event', () => {
    expect(normaliseEventName('100m')).toBe('100-metres');
    expect(normaliseEventName('100m U20')).toBe('100-metres');
    expect(normaliseEventName('110mH')).toBe('110-metres-hurdles');
    expect(normaliseEventName('LJ')).toBe('long-jump');
    expect(normaliseEventName('HJ')).toBe('high-jump');
    expect(normaliseEventName('Marathon')).toBe('marathon');
    expect(normaliseEventName('Marathon Men')).toBe('marathon');
    expect(normaliseEventName('3000m SC')).toBe('3000-metres-steeplechase');
    expect(normaliseEventName('20 km walk')).toBe('20-kilometres-race-walk');
    expect(normaliseEventName("Women's 400 m")).toBe('400-metres');
    expect(normaliseEventName('Half Marathon')).toBe('half-marathon');
    expect(normaliseEventName('200m short track')).toBe('200-metres');
    expect(normaliseEventName('Sprinting')).toBeNull();
    expect(normaliseEventName('constructor')).toBeNull();
    expect(normaliseEventName('Shot Put 6 parsecs')).toBeNull();
  });

  it('parses implement texts to grams and millimetres', () => {
    expect(parseImplement('1750kg', 'weight')).toEqual({ kind: 'weight', grams: 1750 });
    expect(parseImplement('12lb', 'weight')).toEqual({ kind: 'weight', grams: 5440 }); // US high school shot: not 5 kg
    expect(parseImplement('762cm', 'height')).toEqual({ kind: 'height', millimetres: 762 });
    expect(parseImplement('1067cm', 'height')).toEqual({ kind: 'height', millimetres: 1067 });
    expect(parseImplement('42', 'height')).toEqual({ kind: 'height', millimetres: 1067 }); // 42 in
    expect(parseImplement('fast', 'height')).toBeNull();
  });
});

describe('describeEvent', () => {
  it('knows the direction: times lower, distances and points higher', () => {
    expect(eventDirection('100m')).toBe('lower');
    expect(eventDirection('marathon')).toBe('lower');
    expect(eventDirection('10-kilometres-race-walk')).toBe('lower');
    expect(eventDirection('long-jump')).toBe('higher');
    expect(eventDirection('decathlon-u20')).toBe('higher');
    expect(eventDirection('shot-put-5kg')).toBe('higher');
    expect(eventDirection('110m-hurdles-914cm')).toBe('lower');
    expect(eventDirection('JT')).toBe('higher');
    expect(() => eventDirection('Coach')).toThrow('unknown event: "Coach"');
  });
  it('knows kind, wind and print style', () => {
    expect(describeEvent('400m')).toEqual({ name: '400-metres', discipline: '400-metres', implement: null, kind: 'sprints', direction: 'lower', windCounts: false, markStyle: 'decimal' });
    expect(describeEvent('110m-hurdles-990cm', 'male')).toMatchObject({ discipline: '110-metres-hurdles', implement: { kind: 'height', millimetres: 990 }, kind: 'hurdles', windCounts: true });
    expect(describeEvent('800m')?.kind).toBe('middlelong');
    expect(describeEvent('2000-metres-steeplechase-84')?.kind).toBe('middlelong');
    expect(describeEvent('marathon')?.markStyle).toBe('hours');
    expect(describeEvent('20-kilometres-race-walk')?.markStyle).toBe('hours');
    expect(describeEvent('3000-metres-race-walk')?.markStyle).toBe('minutes');
    expect(describeEvent('decathlon-boys')?.markStyle).toBe('points');
    expect(describeEvent('200m')?.windCounts).toBe(true);
    expect(describeEvent('400mH')?.windCounts).toBe(false);
    expect(describeEvent('TJ')?.windCounts).toBe(true);
    expect(describeEvent('HJ')?.windCounts).toBe(false);
  });
});

describe('sex', () => {
  it('reads the ways files write it and keeps what it does not know', () => {
    expect(['M', 'men', 'Boys', 'H', 'Herren'].map(normaliseSex)).toEqual(['male', 'male', 'male', 'male', 'male']);
    expect(['F', 'W', 'Women', "Women's", 'girls'].map(normaliseSex)).toEqual(['female', 'female', 'female', 'female', 'female']);
    expect([null, '', '  ', 'Mixed'].map(normaliseSex)).toEqual(['unknown', 'unknown', 'unknown', 'mixed']);
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
    expect(isWindAided(3.5, '110m-hurdles-990cm')).toBe(true);
    expect(isWindAided(3.5, '400-metres')).toBe(false);
    expect(isWindAided(NaN, '100m')).toBe(false);
  });
});
