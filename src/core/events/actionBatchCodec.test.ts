import { describe, expect, it } from 'vitest';
import { decodeActions, encodeActions } from './actionBatchCodec.ts';
import { actionFingerprint, type GameAction } from './gameAction.ts';

const shot: GameAction = {
  gameId: '0022400651', actionNumber: 7, orderNumber: 70000, period: 1, clockSeconds: 699.5,
  timeActualMs: Date.parse('2025-02-02T20:11:19.3Z'), editedMs: Date.parse('2025-02-02T20:11:25Z'),
  actionType: '2pt', subType: 'Layup', qualifiers: 'pointsinthepaint', teamId: 1610612765, teamTricode: 'DET',
  personId: 1630595, playerName: 'C. Cunningham', assistPersonId: 1631105, stealPersonId: 0, blockPersonId: 0,
  shotResult: 'Made', scoreHome: 2, scoreAway: 0,
};
const rebound: GameAction = { ...shot, actionNumber: 8, orderNumber: 80000, actionType: 'rebound', subType: 'defensive', shotResult: '', assistPersonId: 0, teamTricode: 'DET' };

describe('actionBatchCodec', () => {
  it('gives back every field of every action with its line number and fingerprint', () => {
    const encoded = encodeActions([{ lineNumber: 3, action: shot }, { lineNumber: 9, action: rebound }]);
    expect(decodeActions(encoded)).toEqual([
      { lineNumber: 3, action: shot, fingerprint: actionFingerprint(shot) },
      { lineNumber: 9, action: rebound, fingerprint: actionFingerprint(rebound) },
    ]);
    expect(actionFingerprint(shot)).not.toBe(actionFingerprint(rebound));
  });

  it('stores each distinct text once', () => {
    const encoded = encodeActions([{ lineNumber: 1, action: shot }, { lineNumber: 2, action: rebound }]);
    // shot: 7 distinct texts; the rebound adds 'rebound', 'defensive' and '' (its shotResult).
    expect(encoded.dictionary.length).toBe(10);
    // line number, 13 GameAction numbers, fingerprint
    expect(encoded.numbers.length).toBe(2 * 15);
  });

  it('refuses a text index outside the dictionary', () => {
    const encoded = encodeActions([{ lineNumber: 1, action: shot }]);
    const texts = encoded.texts.slice();
    texts[2] = 99;
    expect(() => decodeActions({ ...encoded, texts })).toThrow('invalid encoded actions: text index 99 outside the dictionary');
  });

  it('refuses columns that do not fit the count', () => {
    const encoded = encodeActions([{ lineNumber: 1, action: shot }]);
    expect(() => decodeActions({ ...encoded, count: 2 })).toThrow('invalid encoded actions: 2 actions but 15 numbers and 7 texts');
  });
});
