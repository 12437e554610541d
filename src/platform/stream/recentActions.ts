import type { GameAction } from '../../core/events/gameAction';

const KEEP = 30;

/**
 * The last actions taken into the totals per game, newest last, for the per-game feed. Only
 * what the store accepted comes here (a repeated line never does), and a correction
 * replaces the version it corrects, so each action is in a game's feed at most once. Trimmed
 * to half when it reaches KEEP: a few dozen actions a game, not all of them.
 */
export class RecentActions {
  readonly byGame = new Map<string, GameAction[]>();

  /** `correction`: a new version of an action that may be in the feed already. */
  remember(action: GameAction, correction: boolean): void {
    let feed = this.byGame.get(action.gameId);
    if (feed === undefined) this.byGame.set(action.gameId, (feed = []));
    if (correction) {
      const held = feed.findIndex((a) => a.actionNumber === action.actionNumber);
      if (held >= 0) feed.splice(held, 1);
    }
    feed.push(action);
    if (feed.length > KEEP) feed.splice(0, feed.length - KEEP / 2);
  }

  forget(gameId: string): void {
    this.byGame.delete(gameId);
  }
}
