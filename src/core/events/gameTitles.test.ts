import { describe, expect, it } from 'vitest';
import { actionFingerprint, type GameAction } from './gameAction.ts';
import { GameRows } from './gameRows.ts';
import { GameTitles } from './gameTitles.ts';
import { TextIds } from './textIds.ts';

const at = Date.UTC(2025, 1, 2, 20, 11);
const act = (change: Partial<GameAction>): GameAction => ({
  gameId: 'g', actionNumber: 1, orderNumber: 1, period: 1, clockSeconds: 700, timeActualMs: at, editedMs: at, actionType: 'rebound', subType: '',
  qualifiers: '', teamId: 0, teamTricode: '', personId: 0, playerName: '', assistPersonId: 0, stealPersonId: 0, blockPersonId: 0, shotResult: '',
  scoreHome: 0, scoreAway: 0, ...change,
});

/** Titles over games' rows: `seen` as the pipeline calls it, with each action appended first. */
function titlesOf(): { titles: GameTitles; seen: (action: GameAction) => void; ids: TextIds } {
  const ids = new TextIds();
  const titles = new GameTitles(ids);
  const games = new Map<string, GameRows>();
  const seen = (action: GameAction): void => {
    const rows = games.get(action.gameId) ?? games.set(action.gameId, new GameRows(action.gameId)).get(action.gameId)!;
    titles.seen(rows, rows.appendAction(action, actionFingerprint(action), ids));
  };
  return { titles, seen, ids };
}

describe('GameTitles', () => {
  it('names the away team at the home team, as the score tells which is which', () => {
    const { titles, seen, ids } = titlesOf();
    seen(act({ teamId: 1, teamTricode: 'DET' }));
    seen(act({ teamId: 2, teamTricode: 'CHI' }));
    expect(titles.title('g')).toBe('DET – CHI · 2 Feb');
    // CHI's three goes to scoreAway: CHI is away.
    seen(act({ teamId: 2, teamTricode: 'CHI', actionType: '3pt', shotResult: 'Made', scoreAway: 3 }));
    expect(titles.title('g')).toBe('CHI @ DET · 2 Feb');
    // A late action with an older score does not turn it around.
    seen(act({ teamId: 1, teamTricode: 'DET', actionType: '2pt', shotResult: 'Made', scoreHome: 2, scoreAway: 3 }));
    seen(act({ teamId: 1, teamTricode: 'DET', actionType: 'freethrow', shotResult: 'Made', scoreHome: 3, scoreAway: 3 }));
    expect(titles.title('g')).toBe('CHI @ DET · 2 Feb');
    expect(new GameTitles(ids, structuredClone(titles.toState())).title('g')).toBe('CHI @ DET · 2 Feb');
  });

  it('names teams by id without codes (the generic schema), and a game with no team by its id', () => {
    const { titles, seen } = titlesOf();
    seen(act({ gameId: 'x', teamId: 12 }));
    seen(act({ gameId: 'x', teamId: 10, actionType: '2pt', shotResult: 'Made', scoreAway: 2 }));
    expect(titles.title('x')).toBe('10 @ 12 · 2 Feb');
    seen(act({ gameId: 'empty' }));
    expect(titles.title('empty')).toBe('empty');
  });
});
