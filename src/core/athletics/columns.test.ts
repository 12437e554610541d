import { describe, expect, it } from 'vitest';
import { headerShapeSignature, recogniseColumns } from './columns.ts';

describe('recogniseColumns', () => {
  it('maps the WA toplist columns', () => {
    const headers = ['rank', 'mark', 'wind', 'competitor', 'dob', 'nationality', 'position', 'venue', 'date',
      'result_score', 'discipline', 'type', 'sex', 'age_cat', 'normalized_discipline', 'track_field',
      'mark_numeric', 'venue_country', 'age_at_event', 'season'];
    const { mapping, missingRequired, unmapped } = recogniseColumns(headers);
    expect(mapping).toEqual({
      rank: 'rank', mark: 'mark', wind: 'wind', athlete: 'competitor', dob: 'dob', nationality: 'nationality',
      position: 'position', venue: 'venue', date: 'date', event: 'discipline', sex: 'sex',
      markNumeric: 'mark_numeric', age: 'age_at_event', season: 'season',
    });
    expect(missingRequired).toEqual([]);
    expect(unmapped).toEqual(['result_score', 'type', 'age_cat', 'normalized_discipline', 'track_field', 'venue_country']);
  });
  it('maps a hand-made sheet and says what is missing', () => {
    const { mapping, missingRequired } = recogniseColumns(['Name', 'Date of Birth', 'Country', 'Result', 'Meeting', 'Pos']);
    expect(mapping).toEqual({ athlete: 'Name', dob: 'Date of Birth', nationality: 'Country', mark: 'Result', competition: 'Meeting', position: 'Pos' });
    expect(missingRequired).toEqual(['event', 'date']);
    expect(() => recogniseColumns(['Name', 'name'])).toThrow('duplicate column: "name"');
  });
});

describe('headerShapeSignature', () => {
  it('is the same for the same columns in any order or case, different otherwise', () => {
    const a = headerShapeSignature(['Athlete', 'Event', 'Mark', 'Date']);
    expect(headerShapeSignature(['date', 'MARK', 'event', 'athlete'])).toBe(a);
    expect(headerShapeSignature(['Athlete', 'Event', 'Mark', 'Day'])).not.toBe(a);
    expect(headerShapeSignature(['ab', 'c'])).not.toBe(headerShapeSignature(['a', 'bc']));
    expect(a).toMatch(/^cols4-[0-9a-f]{8}$/);
  });
});
