import { describe, expect, it } from 'vitest';
import { parseBanYears, parseSanctionYears, parseViolationYears, readSanctionList } from './sanctions.ts';
import { looksLikeSanctionsList } from './sanctionColumns.ts';
import { isAthletics } from './sports.ts';
import { matchSanctions, matchedAthleteIds, type AthleteRecord } from './sanctionMatching.ts';

describe('parseViolationYears', () => {
  it('reads the ways a list writes years', () => {
    expect(parseViolationYears('2009')).toEqual([2009]);
    expect(parseViolationYears('2001.0')).toEqual([2001]);
    expect(parseViolationYears('20122015')).toEqual([2012, 2015]);
    expect(parseViolationYears('201220122016')).toEqual([2012, 2016]);
    expect(parseViolationYears('20032007.0')).toEqual([2003, 2007]);
    expect(parseViolationYears('1973–1985')).toEqual([1973, 1985]);
    expect(parseViolationYears('1985 1981–')).toEqual([1981, 1985]);
    expect(parseViolationYears("1960's/1970's")).toHaveLength(20);
    expect(parseViolationYears('1980s')[9]).toBe(1989);
    expect(parseViolationYears('2004 (Sample retested 2012)')).toEqual([2004]);
    expect(parseViolationYears('2008 {Re-analysed in 2009)')).toEqual([2008]);
    expect(parseViolationYears('23 May 2002 24 June 2002')).toEqual([2002]);
    expect(parseViolationYears('1998BALCO scandal')).toEqual([1998]);
    expect(parseViolationYears(null)).toEqual([]);
  });
});

describe('parseBanYears', () => {
  it('reads bans in words', () => {
    expect(parseBanYears('2 years')).toBe(2);
    expect(parseBanYears('6 months')).toBe(0.5);
    expect(parseBanYears('2 years and 6 months')).toBe(2.5);
    expect(parseBanYears('2 years8 years')).toBe(8);
    expect(parseBanYears('2 years (Reduced from 4 years)')).toBe(2);
    expect(parseBanYears('2 yearsLife ban')).toBe(Infinity);
    expect(parseBanYears('Public warning')).toBe(0);
    expect(parseBanYears('—')).toBeNull();
  });
});

describe('readSanctionList', () => {
  it('finds the columns by name and reports rows without a name', () => {
    const list = readSanctionList([
      { '': '0', Name: 'Inga Abitova', Country: 'Russia', Event: 'Long distance', 'Date of violation': '2009', 'Banned substance(s)/Anti-doping rule violation': 'EPO', Sanction: '2 years' },
      { '': '1', Name: '', Country: 'Kenya', Event: '', 'Date of violation': '', 'Banned substance(s)/Anti-doping rule violation': '', Sanction: '' },
    ]);
    expect(list.problems).toEqual(['row 2: no name']);
    expect(list.records[0]).toMatchObject({ name: 'Inga Abitova', countryCodes: ['RUS'], violationYears: [2009], substance: 'EPO', banYears: 2 });
    expect(() => readSanctionList([{ Who: 'x' }])).toThrow(/no name column/);
  });
});

describe('other lists: dates, ban ends, every sport', () => {
  it('reads a sanction date or a ban start when there is no year of violation', () => {
    const list = readSanctionList([
      { Athlete: 'Ann Lee', Sport: 'Athletics', 'Sanction date': '2019-05-12', 'Ban end': '2023-05-11', Nationality: 'Kenya' },
      { Athlete: 'Bo Kim', Sport: 'Track & Field', 'Sanction date': '12/05/2016', 'Ban end': '', Nationality: 'USA' },
      { Athlete: 'Cy Doe', Sport: 'Cycling', 'Sanction date': '2018-01-01', 'Ban end': '', Nationality: 'France' },
      { Athlete: 'Di Ray', Sport: 'Weightlifting', 'Sanction date': '2017-03-03', 'Ban end': '', Nationality: 'Russia' },
      { Athlete: 'Ed Fox', Sport: 'Cycling', 'Sanction date': '2015-03-03', 'Ban end': '', Nationality: 'Italy' },
      { Athlete: 'Flo Gus', Sport: '', 'Sanction date': '43597', 'Ban end': '', Nationality: 'Italy' },
    ]);
    expect(list.columns).toMatchObject({ name: 'Athlete', sport: 'Sport', date: 'Sanction date', banEnd: 'Ban end', country: 'Nationality' });
    expect(list.records.map((r) => [r.name, r.violationYears, r.banYears])).toEqual([
      ['Ann Lee', [2019], 4], ['Bo Kim', [2016], null], ['Flo Gus', [2019], null],
    ]);
    expect(list.otherSports).toEqual({ rows: 3, bySport: { Cycling: 2, Weightlifting: 1 } });
    const every = readSanctionList([{ Athlete: 'Cy Doe', Sport: 'Cycling', Date: '2018' }], { athleticsOnly: false });
    expect(every.records).toHaveLength(1);
    expect(every.otherSports).toEqual({ rows: 1, bySport: { Cycling: 1 } }); // kept, and still counted
    expect(readSanctionList([{ Name: 'Ann Lee', Year: '2019' }]).otherSports).toBeNull();
  });
  it('knows athletics by its names, and a sanctions list by its columns', () => {
    expect(['Athletics', 'athlétisme', 'Leichtathletik', 'Track and Field', 'Para Athletics', 'Marathon', 'Athletics (road)'].map(isAthletics)).toEqual([true, true, true, true, true, true, true]);
    expect(['Cycling', 'Swimming', 'Rugby Union', 'Weightlifting'].map(isAthletics)).toEqual([false, false, false, false]);
    expect(isAthletics('')).toBeNull();
    expect(parseSanctionYears(43597)).toEqual([2019]);
    expect(looksLikeSanctionsList(['', 'Name', 'Country', 'Event', 'Date of violation', 'Sanction'])).toBe(true);
    expect(looksLikeSanctionsList(['competitor', 'mark', 'date', 'discipline'])).toBe(false);
    expect(looksLikeSanctionsList(['gameId', 'teamId', 'name', 'points', 'minutes'])).toBe(false);
  });
});

describe('matchSanctions', () => {
  const athletes: AthleteRecord[] = [
    { id: 'a1', name: 'Yelena NIKOLAYEVA', dob: '1966-02-01', nationality: 'URS', firstSeason: 1987, lastSeason: 1999 },
    { id: 'b1', name: 'John SMITH', dob: '1980-01-01', nationality: 'USA', firstSeason: 2000, lastSeason: 2006 },
    { id: 'b2', name: 'John SMITH', dob: '1990-05-05', nationality: 'USA', firstSeason: 2010, lastSeason: 2016 },
    { id: 'b3', name: 'John SMITH', dob: '1985-03-03', nationality: 'GBR', firstSeason: 2005, lastSeason: 2012 },
    { id: 'c1', name: 'Wang YAN', dob: '1971-05-02', nationality: 'CHN' },
    { id: 'd1', name: 'Süreyya AYHAN-KOP', dob: '1978-09-06', nationality: 'TUR', firstSeason: 2000, lastSeason: 2004 },
    { id: 'e1', name: 'Ana LOPEZ', dob: '1990-01-01', nationality: 'ESP', firstSeason: 2010, lastSeason: 2014 },
    { id: 'e2', name: 'Ana LOPEZ', dob: '1991-02-02', nationality: 'ESP', firstSeason: 2011, lastSeason: 2015 },
    { id: 'f1', name: 'Piotr NOWAK', dob: '1980-01-01', nationality: 'POL' },
    { id: 'f2', name: 'Piotr NOWAK', dob: null, nationality: 'POL' },
  ];
  const sanction = (name: string, country: string[], years: number[]) => ({ name, countryCodes: country, violationYears: years });
  const matches = matchSanctions([
    sanction('Yelena Nikolayeva', ['RUS'], [1992]),
    sanction('John Smith', ['USA'], [2014]),
    sanction('Yan Wang', ['CHN'], [2000]),
    sanction('Süreyya Ayhan', ['TUR'], [2004]),
    sanction('Ana López', ['ESP'], [2012]),
    sanction('Piotr Nowak', ['POL'], [2005]),
    sanction('Nobody Here', ['KEN'], [2010]),
  ], athletes);

  it('matches across historic teams, namesakes by career, word order and contained names', () => {
    expect(matches.map((m) => m.status)).toEqual(['matched', 'matched', 'matched', 'matched', 'ambiguous', 'matched', 'unmatched']);
    expect(matches[0].athletes).toEqual([{ athleteId: 'a1', confidence: 1, reason: 'same name, same country' }]);
    expect(matches[1].athletes.map((a) => a.athleteId)).toEqual(['b2']);
    expect(matches[1].reason).toBe('same name, same country, 1 of 2 namesakes active in 2014');
    expect(matches[2].athletes[0]).toMatchObject({ athleteId: 'c1', confidence: 0.95 });
    expect(matches[3].athletes[0]).toMatchObject({ athleteId: 'd1', confidence: 0.7 });
    expect(matches[4].reason).toBe('2 athletes named Ana López (born 1990-01-01, 1991-02-02)');
    expect(matches[5].athletes.map((a) => a.athleteId)).toEqual(['f1', 'f2']);
    expect([...matchedAthleteIds(matches)].sort()).toEqual(['a1', 'b2', 'c1', 'd1', 'f1', 'f2']);
  });
  it('checks its options loudly', () => {
    expect(() => matchSanctions([], [], { minConfidence: 2 })).toThrow('invalid minConfidence: 2');
  });
});
