/**
 * All the model reads of an action's words (actionType, subType, shotResult) as one number:
 * the Game Score credit its player gets (gameScore.ts), the points it puts on the board,
 * its priority class when the queue is full (priorityQueue.ts) and whether it ends its game
 * (gameLifecycle.ts). The compute worker that parses a line computes it once, so the
 * coordinator, which must stay cheap per action, compares numbers instead of texts; the
 * definitions stay where they are, this only packs their answers.
 */
import { actionPoints, type GameAction } from './gameAction.ts';
import { isGameEnd } from './gameLifecycle.ts';
import { creditKind, type CreditKind } from './gameScore.ts';
import { actionPriority } from './priorityQueue.ts';

const POINTS_SHIFT = 4;
const PRIORITY_SHIFT = 6;
const ENDS_GAME = 1 << 8;

export function playCode(action: Pick<GameAction, 'actionType' | 'subType' | 'shotResult'>): number {
  return creditKind(action) | (actionPoints(action) << POINTS_SHIFT) | (actionPriority(action) << PRIORITY_SHIFT) | (isGameEnd(action) ? ENDS_GAME : 0);
}

export function creditOf(code: number): CreditKind {
  return (code & 15) as CreditKind;
}

export function pointsOf(code: number): number {
  return (code >> POINTS_SHIFT) & 3;
}

export function priorityOf(code: number): 0 | 1 | 2 {
  return ((code >> PRIORITY_SHIFT) & 3) as 0 | 1 | 2;
}

export function endsGame(code: number): boolean {
  return (code & ENDS_GAME) !== 0;
}
