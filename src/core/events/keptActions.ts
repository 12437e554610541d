/**
 * Actions listed beside the totals — late ones, ones of a game already closed — so an
 * analyst can inspect them: every one is counted, the first `keep` are kept (a stream that
 * goes wrong for hours must not fill the memory with its side output).
 */
import type { GameAction } from './gameAction.ts';

export interface KeptActionsState {
  count: number;
  kept: GameAction[];
}

export class KeptActions {
  readonly kept: GameAction[] = [];
  #count = 0;
  #keep: number;

  constructor(keep: number, state?: KeptActionsState) {
    if (!Number.isInteger(keep) || keep < 0) throw new Error(`invalid keepSideOutput: ${keep}`);
    this.#keep = keep;
    for (const action of (state?.kept ?? []).slice(0, keep)) this.kept.push({ ...action });
    this.#count = state?.count ?? this.kept.length;
  }

  get count(): number {
    return this.#count;
  }

  /** `action` is asked for only while there is room (it may cost an object). */
  add(action: () => GameAction): void {
    this.#count++;
    if (this.kept.length < this.#keep) this.kept.push(action());
  }

  toState(): KeptActionsState {
    return { count: this.#count, kept: this.kept.map((action) => ({ ...action })) };
  }
}
