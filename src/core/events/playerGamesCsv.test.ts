import { describe, expect, it } from 'vitest';
import { emptyStatLine } from './gameScore.ts';
import { playerGamesCsv } from './playerGamesCsv.ts';

describe('playerGamesCsv', () => {
  it('writes one sorted row per player-game with Game Score to two decimals and quoted names', () => {
    // 10 pts on 4/9 FG, 2/2 FT, 1 ORB, 3 DRB, 2 AST, 1 TOV, 2 PF:
    // 10 + 1.6 − 6.3 − 0 + 0.7 + 0.9 + 1.4 − 0.8 − 1 = 6.5
    const stats = { ...emptyStatLine(), pts: 10, fgm: 4, fga: 9, ftm: 2, fta: 2, orb: 1, drb: 3, ast: 2, tov: 1, pf: 2 };
    const csv = playerGamesCsv([
      { gameId: 'g2', personId: 7, teamId: 1, playerName: 'A. "Ace", Jr', stats, gameScore: 6.5, impact: 7.25 },
      { gameId: 'g1', personId: 9, teamId: 2, playerName: 'B. Bee', stats: emptyStatLine(), gameScore: 0, impact: 0 },
    ]);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('gameId,personId,playerName,teamId,pts,fgm,fga,ftm,fta,orb,drb,ast,stl,blk,pf,tov,gameScore,impact');
    expect(lines[1]).toBe('g1,9,B. Bee,2,0,0,0,0,0,0,0,0,0,0,0,0,0.00,0.0000');
    expect(lines[2]).toBe('g2,7,"A. ""Ace"", Jr",1,10,4,9,2,2,1,3,2,0,0,2,1,6.50,7.2500');
  });
});
