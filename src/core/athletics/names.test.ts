import { describe, expect, it } from 'vitest';
import { normaliseName, orderFreeNameKey, orderedNameKey, splitAthleteName, titleCaseName } from './names.ts';
import { countryCodesOf, countryName, relatedCountryCodes } from './countries.ts';

describe('names', () => {
  it('folds case, accents, hyphens and the comma form', () => {
    expect(normaliseName('Kjersti TYSSE-PLÄTZER')).toBe('kjersti tysse platzer');
    expect(normaliseName('Tysse Plätzer, Kjersti')).toBe('kjersti tysse platzer');
    expect(normaliseName("Sean O'BRIEN")).toBe('sean obrien');
    expect(normaliseName('Łukasz  Søndergård')).toBe('lukasz sondergard');
    expect(normaliseName('Hezekiél Sepeng')).toBe('hezekiel sepeng');
  });
  it('has a key that keeps word order and one that does not', () => {
    expect(orderedNameKey('Wang YAN')).toBe('wang yan');
    expect(orderedNameKey('Yan Wang')).toBe('yan wang');
    expect(orderFreeNameKey('Wang YAN')).toBe(orderFreeNameKey('Yan Wang'));
    expect(orderFreeNameKey('NIKOLAYEVA, Yelena')).toBe('nikolayeva yelena');
  });
  it('splits WA names at the capitals', () => {
    expect(splitAthleteName('Hicham EL GUERROUJ')).toEqual({ given: 'Hicham', surname: 'EL GUERROUJ' });
    expect(splitAthleteName('JaCorian DUFFIELD')).toEqual({ given: 'JaCorian', surname: 'DUFFIELD' });
    expect(splitAthleteName('Rita Jeptoo')).toEqual({ given: 'Rita', surname: 'Jeptoo' });
    expect(titleCaseName('TYSSE-PLÄTZER')).toBe('Tysse-Plätzer');
  });
});

describe('countries', () => {
  it('maps names to codes, including historic teams and messy cells', () => {
    expect(countryCodesOf('Kenya')).toEqual(['KEN']);
    expect(countryCodesOf('East Germany')).toEqual(['GDR']);
    expect(countryCodesOf('DDR')).toEqual(['GDR']);
    expect(countryCodesOf('Soviet Union Ukraine').sort()).toEqual(['UKR', 'URS']);
    expect(countryCodesOf('Great Britain/ England')).toEqual(['GBR']);
    expect(countryCodesOf('Saint Vincent and the Grenadines')).toEqual(['VIN']);
    expect(countryCodesOf('United States Virgin Islands')).toEqual(['ISV']);
    expect(countryCodesOf('usa')).toEqual(['USA']);
    expect(countryCodesOf('Atlantis')).toEqual([]);
    expect(countryName('tch')).toBe('Czechoslovakia');
  });
  it('relates historic teams to their successors, not siblings to each other', () => {
    expect(relatedCountryCodes('GER').sort()).toEqual(['FRG', 'GDR', 'GER']);
    expect(relatedCountryCodes('UKR').sort()).toEqual(['EUN', 'UKR', 'URS']);
    expect(relatedCountryCodes('TCH').sort()).toEqual(['CZE', 'SVK', 'TCH']);
    expect(relatedCountryCodes('KEN')).toEqual(['KEN']);
  });
});
