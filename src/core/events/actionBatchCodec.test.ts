import { describe, expect, it } from 'vitest';
import { ActionColumnsWriter, decodeActions, encodeActions, Num, STRIDE } from './actionBatchCodec.ts';
import { creditOf, endsGame, playCode, pointsOf, priorityOf } from './actionPlay.ts';
import { Credit } from './gameScore.ts';
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
    // line number, 13 GameAction numbers, fingerprint, play code
    expect(encoded.numbers.length).toBe(2 * 16);
  });

  it('carries the play code of each action: its credit, points, priority and whether it ends the game', () => {
    const end: GameAction = { ...rebound, actionNumber: 9, actionType: 'game', subType: 'end', personId: 0, teamId: 0 };
    const encoded = encodeActions([shot, rebound, end].map((action, i) => ({ lineNumber: i + 1, action })));
    const codes = [0, 1, 2].map((row) => encoded.numbers[row * STRIDE + Num.play]);
    expect(codes.map((code) => [creditOf(code), pointsOf(code), priorityOf(code), endsGame(code)])).toEqual([
      [Credit.MadeTwo, 2, 0, false], [Credit.DefensiveRebound, 0, 1, false], [Credit.None, 0, 1, true],
    ]);
    expect(codes.map((code, i) => code === playCode([shot, rebound, end][i]))).toEqual([true, true, true]);
  });

  it('fingerprints with each text hashed once: the same as hashing the action alone', () => {
    const writer = new ActionColumnsWriter(4);
    writer.append(1, shot);
    writer.append(2, { ...shot, actionNumber: 99, playerName: 'Another' });
    const { numbers } = writer.finish();
    expect(numbers[Num.fingerprint]).toBe(actionFingerprint(shot));
    expect(numbers[STRIDE + Num.fingerprint]).toBe(actionFingerprint({ ...shot, actionNumber: 99, playerName: 'Another' }));
    // a text moved from one field to another changes it
    expect(actionFingerprint({ ...shot, subType: 'Made', shotResult: 'Layup' })).not.toBe(actionFingerprint(shot));
  });

  it('refuses a text index outside the dictionary', () => {
    const encoded = encodeActions([{ lineNumber: 1, action: shot }]);
    const texts = encoded.texts.slice();
    texts[2] = 99;
    expect(() => decodeActions({ ...encoded, texts })).toThrow('invalid encoded actions: text index 99 outside the dictionary');
  });

  it('refuses columns that do not fit the count', () => {
    const encoded = encodeActions([{ lineNumber: 1, action: shot }]);
    expect(() => decodeActions({ ...encoded, count: 2 })).toThrow('invalid encoded actions: 2 actions but 16 numbers and 7 texts');
  });
});
