import { Num } from '../../core/events/actionBatchCodec';
import type { GameRows } from '../../core/events/gameRows';
import type { AcceptedListener } from '../../core/events/streamPipeline';

const KEEP = 30;

interface GameFeed {
  rows: GameRows;
  /** Rows of the last accepted versions, newest last. */
  recent: number[];
}

/**
 * The last actions taken into the totals per game, newest last, for the per-game feed: rows
 * of the game's GameRows (numbers, not objects; the view makes objects of the few it shows).
 * Only what the store accepted comes here (a repeated line never does), and a correction
 * replaces the version it corrects, so each action is in a game's feed at most once.
 * Trimmed to half when it reaches KEEP: a few dozen actions a game, not all of them.
 */
export class RecentActions {
  readonly byGame = new Map<string, GameFeed>();

  /** What the pipeline calls for every accepted version. */
  readonly listener: AcceptedListener = (rows, row, correction) => this.remember(rows, row, correction);

  /** `correction`: a new version of an action that may be in the feed already. */
  remember(rows: GameRows, row: number, correction: boolean): void {
    let feed = this.byGame.get(rows.gameId);
    if (feed === undefined) this.byGame.set(rows.gameId, (feed = { rows, recent: [] }));
    const { recent } = feed;
    if (correction) {
      const actionNumber = rows.num(row, Num.actionNumber);
      const held = recent.findIndex((r) => rows.num(r, Num.actionNumber) === actionNumber);
      if (held >= 0) recent.splice(held, 1);
    }
    recent.push(row);
    if (recent.length > KEEP) recent.splice(0, recent.length - KEEP / 2);
  }

  forget(gameId: string): void {
    this.byGame.delete(gameId);
  }
}
