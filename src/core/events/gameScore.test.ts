import { describe, expect, it } from 'vitest';
import type { GameAction } from './gameAction.ts';
import { gameScore, statCredits } from './gameScore.ts';

const base: GameAction = {
  gameId: 'g', actionNumber: 1, orderNumber: 1, period: 1, clockSeconds: 600, timeActualMs: 0, editedMs: 0,
  actionType: '', subType: '', qualifiers: '', teamId: 10, teamTricode: 'AAA', personId: 101, playerName: '',
  assistPersonId: 0, stealPersonId: 0, blockPersonId: 0, shotResult: '', scoreHome: 0, scoreAway: 0,
};
const act = (change: Partial<GameAction>): GameAction => ({ ...base, ...change });
const scores = (action: GameAction): [number, number][] => statCredits(action).map((c) => [c.personId, Number(gameScore(c.stats).toFixed(10))]);

describe('Game Score credits', () => {
  it('credits shots, assists and free throws by the formula (hand computed)', () => {
    // made 3: 3 + 0.4 − 0.7 = 2.7; the assist 0.7
    expect(scores(act({ actionType: '3pt', shotResult: 'Made', assistPersonId: 102 }))).toEqual([[101, 2.7], [102, 0.7]]);
    // missed 2: −0.7, and an assist on a miss does not count
    expect(scores(act({ actionType: '2pt', shotResult: 'Missed', assistPersonId: 102 }))).toEqual([[101, -0.7]]);
    // made free throw 1; missed −0.4
    expect(scores(act({ actionType: 'freethrow', shotResult: 'Made' }))).toEqual([[101, 1]]);
    expect(scores(act({ actionType: 'freethrow', shotResult: 'Missed' }))).toEqual([[101, -0.4]]);
  });

  it('counts rebounds and turnovers of players only, fouls except technicals', () => {
    expect(scores(act({ actionType: 'rebound', subType: 'offensive' }))).toEqual([[101, 0.7]]);
    expect(scores(act({ actionType: 'rebound', subType: 'defensive' }))).toEqual([[101, 0.3]]);
    expect(scores(act({ actionType: 'rebound', subType: 'offensive', personId: 0 }))).toEqual([]);
    expect(scores(act({ actionType: 'turnover', personId: 10 }))).toEqual([]);
    expect(scores(act({ actionType: 'turnover', subType: 'bad pass' }))).toEqual([[101, -1]]);
    expect(scores(act({ actionType: 'steal' }))).toEqual([[101, 1]]);
    expect(scores(act({ actionType: 'block' }))).toEqual([[101, 0.7]]);
    expect(scores(act({ actionType: 'foul', subType: 'offensive' }))).toEqual([[101, -0.4]]);
    expect(scores(act({ actionType: 'foul', subType: 'technical' }))).toEqual([]);
    expect(scores(act({ actionType: 'substitution', subType: 'in' }))).toEqual([]);
  });

  it('adds up to a hand-made box score line', () => {
    // 2/3 FG (one 3), 1/2 FT, 1 ORB, 1 DRB, 1 STL, 1 TOV, 1 PF: PTS 6
    const line = [
      act({ actionType: '3pt', shotResult: 'Made' }), act({ actionType: '2pt', shotResult: 'Made' }),
      act({ actionType: '2pt', shotResult: 'Missed' }), act({ actionType: 'freethrow', shotResult: 'Made' }),
      act({ actionType: 'freethrow', shotResult: 'Missed' }), act({ actionType: 'rebound', subType: 'offensive' }),
      act({ actionType: 'rebound', subType: 'defensive' }), act({ actionType: 'steal' }),
      act({ actionType: 'turnover' }), act({ actionType: 'foul', subType: 'personal' }),
    ].flatMap(statCredits).reduce((sum, c) => sum + gameScore(c.stats), 0);
    // 6 + 0.4·2 − 0.7·3 − 0.4·1 + 0.7 + 0.3 + 1 − 0.4 − 1 = 4.9
    expect(line).toBeCloseTo(4.9, 12);
  });
});
