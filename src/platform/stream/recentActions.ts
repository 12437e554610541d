import type { GameAction } from '../../core/events/gameAction';

const KEEP = 30;

/**
 * The last actions applied per game, newest last, for the per-game feed: trimmed to half
 * when it reaches KEEP, so a long stream holds a few dozen actions a game, not all of them.
 */
export class RecentActions {
  readonly byGame = new Map<string, GameAction[]>();

  remember(action: GameAction): void {
    let feed = this.byGame.get(action.gameId);
    if (feed === undefined) this.byGame.set(action.gameId, (feed = []));
    feed.push(action);
    if (feed.length > KEEP) feed.splice(0, feed.length - KEEP / 2);
  }
}
