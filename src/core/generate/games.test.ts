import { describe, expect, it } from 'vitest';
import { generateGameLines, messyReplay } from './games.ts';

type Line = Record<string, unknown> & { gameId: string; actionNumber: number; timeActual: string; edited: string };
const parse = (lines: string[]): Line[] => lines.map((line) => JSON.parse(line) as Line);

describe('generateGameLines', () => {
  const lines = generateGameLines({ games: 3, seed: 5 });
  const actions = parse(lines);

  it('is deterministic for a seed and different for another', () => {
    expect(generateGameLines({ games: 3, seed: 5 })).toEqual(lines);
    expect(generateGameLines({ games: 3, seed: 6 })).not.toEqual(lines);
    expect(() => generateGameLines({ games: 0, seed: 1 })).toThrow('invalid games: 0');
  });

  it('keeps each score equal to the points of the made shots before it (a naive replay)', () => {
    const firstVersions = actions.filter((a, i) => actions.findIndex((b) => b.gameId === a.gameId && b.actionNumber === a.actionNumber) === i);
    for (const gameId of new Set(firstVersions.map((a) => a.gameId))) {
      const game = firstVersions.filter((a) => a.gameId === gameId).sort((a, b) => a.actionNumber - b.actionNumber);
      const homeTeam = game.find((a) => a.teamId !== undefined)?.teamId;
      let home = 0;
      let away = 0;
      for (const a of game) {
        const points = a.shotResult !== 'Made' ? 0 : a.actionType === '3pt' ? 3 : a.actionType === '2pt' ? 2 : 1;
        if (a.teamId === homeTeam) home += points;
        else away += points;
        expect([Number(a.scoreHome), Number(a.scoreAway)]).toEqual([home, away]);
      }
      expect(game.at(-1)?.actionType).toBe('game');
      expect(home).not.toBe(away);
    }
  });

  it('has a realistic mix, some late arrivals and some corrections with a later edited', () => {
    const share = (type: string): number => actions.filter((a) => a.actionType === type).length / actions.length;
    expect(share('2pt') + share('3pt')).toBeGreaterThan(0.25);
    expect(share('rebound')).toBeGreaterThan(0.1);
    expect(share('substitution')).toBeGreaterThan(0.02);
    const maxSeen = new Map<string, number>();
    let late = 0;
    const seen = new Map<string, Line>();
    let corrections = 0;
    for (const a of actions) {
      const t = Date.parse(a.timeActual);
      const key = `${a.gameId}#${a.actionNumber}`;
      const first = seen.get(key);
      if (first) {
        corrections += 1;
        expect(Date.parse(a.edited)).toBeGreaterThan(Date.parse(first.edited));
        expect([a.teamId, a.shotResult, a.scoreHome]).toEqual([first.teamId, first.shotResult, first.scoreHome]);
        continue;
      }
      seen.set(key, a);
      if (t < (maxSeen.get(a.gameId) ?? -Infinity)) late += 1;
      maxSeen.set(a.gameId, Math.max(maxSeen.get(a.gameId) ?? -Infinity, t));
    }
    expect(late).toBeGreaterThan(0);
    expect(late / seen.size).toBeLessThan(0.03);
    expect(corrections).toBeGreaterThan(0);
  });
});

describe('messyReplay', () => {
  const lines = generateGameLines({ games: 2, seed: 9 });

  it('duplicates some lines and moves none beyond the allowed lateness of its game', () => {
    const messy = messyReplay(lines, { seed: 3, duplicateFraction: 0.1, allowedLatenessSeconds: 30 });
    expect(messy.length).toBeGreaterThan(lines.length * 1.05);
    expect([...new Set(messy)].sort()).toEqual([...new Set(lines)].sort());
    expect(messy).not.toEqual(lines);
    const maxSeen = new Map<string, number>();
    for (const a of parse(messy)) {
      const t = Date.parse(a.timeActual);
      expect(t).toBeGreaterThan((maxSeen.get(a.gameId) ?? -Infinity) - 30_000);
      maxSeen.set(a.gameId, Math.max(maxSeen.get(a.gameId) ?? -Infinity, t));
    }
    expect(messyReplay(lines, { seed: 3, duplicateFraction: 0.1, allowedLatenessSeconds: 30 })).toEqual(messy);
  });

  it('keeps an unparseable line next to its neighbour', () => {
    const messy = messyReplay([lines[0], 'not json', lines[1]], { seed: 1, duplicateFraction: 0, allowedLatenessSeconds: 0 });
    expect(messy).toEqual([lines[0], 'not json', lines[1]]);
  });
});
