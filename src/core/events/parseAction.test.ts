import { describe, expect, it } from 'vitest';
import { parseAction } from './parseAction.ts';

const feedAction = {
  gameId: '0022400695', actionNumber: 11, clock: 'PT11M39.00S', timeActual: '2025-02-02T20:11:38.6Z', period: 1,
  teamId: 1610612741, teamTricode: 'CHI', actionType: '3pt', subType: 'Jump Shot', qualifiers: ['2ndchance'],
  personId: 1628366, playerNameI: 'L. Ball', scoreHome: '0', scoreAway: '3', edited: '2025-02-02T20:11:44Z',
  orderNumber: 110000, shotResult: 'Made', assistPersonId: 1630245, x: 70.7, description: 'L. Ball 25\' 3PT',
};

function reasonOf(line: string, lineNumber = 7): string {
  const result = parseAction(line, lineNumber);
  if (result.ok) throw new Error('expected a reject');
  return result.reason;
}

describe('parseAction', () => {
  it('keeps the feed action compact: clock in seconds, times in ms, scores as numbers', () => {
    const result = parseAction(JSON.stringify(feedAction), 1);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.action).toEqual({
      gameId: '0022400695', actionNumber: 11, orderNumber: 110000, period: 1, clockSeconds: 11 * 60 + 39,
      timeActualMs: Date.UTC(2025, 1, 2, 20, 11, 38, 600), editedMs: Date.UTC(2025, 1, 2, 20, 11, 44),
      actionType: '3pt', subType: 'Jump Shot', qualifiers: '2ndchance', teamId: 1610612741, teamTricode: 'CHI',
      personId: 1628366, playerName: 'L. Ball', assistPersonId: 1630245, stealPersonId: 0, blockPersonId: 0,
      shotResult: 'Made', scoreHome: 0, scoreAway: 3,
    });
  });

  it('says what is wrong, on which line', () => {
    const without = { ...feedAction } as Record<string, unknown>;
    delete without.actionNumber;
    expect(reasonOf(JSON.stringify(without), 42)).toBe('line 42: missing field actionNumber');
    expect(reasonOf(JSON.stringify({ ...feedAction, period: 'x' }), 3)).toBe('line 3: period must be a whole number from 1 to 20, got "x"');
    expect(reasonOf('{"gameId": 1,', 9)).toMatch(/^line 9: not JSON: /);
    expect(reasonOf(JSON.stringify({ ...feedAction, clock: '11:39' }))).toBe('line 7: clock must be a clock like PT11M39.00S, got "11:39"');
    expect(reasonOf(JSON.stringify({ ...feedAction, shotResult: undefined }))).toBe('line 7: shotResult of a 3pt must be Made or Missed, got undefined');
    expect(reasonOf(JSON.stringify({ ...feedAction, scoreHome: '1O' }))).toBe('line 7: scoreHome must be a score from 0 to 300, got "1O"');
    expect(reasonOf(JSON.stringify({ ...feedAction, teamTricode: 'CHICAGO BULLS' }))).toBe('line 7: teamTricode must be at most 8 characters, got 13');
    expect(reasonOf('[1,2]')).toBe('line 7: expected a JSON object, got [1,2]');
    expect(reasonOf('{"player": 3}')).toBe('line 7: neither an NBA live-feed action (gameId, actionNumber) nor a generic event (game, seq)');
  });

  it('keeps at most 200 characters of a rejected line', () => {
    const result = parseAction(`{${'x'.repeat(500)}`, 1);
    expect(result.ok ? -1 : result.line.length).toBe(201);
  });

  it('reads the generic event schema into the same action', () => {
    const result = parseAction(JSON.stringify({ game: 'g1', seq: 17, t: 1000, period: 4, clock: 12.5, type: 'freethrow',
      made: true, team: 10, player: 101, name: 'C. White', home: 80, away: 79 }), 2);
    if (!result.ok) throw new Error(result.reason);
    expect(result.action).toMatchObject({ gameId: 'g1', actionNumber: 17, orderNumber: 17, timeActualMs: 1000, editedMs: 1000,
      clockSeconds: 12.5, shotResult: 'Made', personId: 101, playerName: 'C. White', scoreHome: 80, scoreAway: 79 });
    expect(reasonOf(JSON.stringify({ game: 'g1', seq: 1, t: 0, period: 1, clock: 1, type: '2pt', home: 0, away: 0 }))).toBe('line 7: missing field made');
  });
});
