import { describe, expect, it } from 'vitest';
import { readJsonRecords } from './readJsonLines';

describe('readJsonRecords', () => {
  it('keeps good lines, and names broken ones by line number', () => {
    const result = readJsonRecords('{"a":1}\n{"a":\n\n[1,2]\n{"a":3,"b":{"c":1}}\n', 'f.jsonl', false);
    expect(result.rows).toBe(2);
    expect(result.columns.a).toEqual([1, 3]);
    expect(result.columns.b).toEqual([null, { c: 1 }]);
    expect(result.brokenCount).toBe(2);
    expect(result.brokenLines.map((b) => b.line)).toEqual([2, 4]);
    expect(result.brokenLines[1].reason).toBe('not a JSON object');
  });

  it('reads the stats.nba.com resultSets layout as rows of its first result set', () => {
    const document = JSON.stringify({ resultSets: [{ name: 'PlayerStats', headers: ['PLAYER_ID', 'PTS'], rowSet: [[1, 20], [2, 7]] }, { name: 'Team', headers: ['X'], rowSet: [[1]] }] });
    const result = readJsonRecords(document, 'box.json', true);
    expect(result.rows).toBe(2);
    expect(result.columns.PTS).toEqual([20, 7]);
  });

  it('reads a document with a list inside it, and refuses one that is not JSON', () => {
    expect(readJsonRecords('{"session":{"NP":195},"laps":[{"n":1},{"n":2}]}', 'l.json', true).rows).toBe(2);
    expect(() => readJsonRecords('{oops', 'bad.json', true)).toThrow(/"bad.json" is not valid JSON/);
  });
});
