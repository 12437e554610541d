/**
 * The per-game momentum behind the impact (impactModel.ts): for an action released in
 * event-time order, the factor of its team's run over the game's previous actions, after
 * which the action joins the run. A few numbers per game, so a checkpoint carries them. The
 * clutch weight needs no state: `weight` reads it from the action's own row.
 */
import { Num } from './actionBatchCodec.ts';
import { pointsOf } from './actionPlay.ts';
import type { GameRows } from './gameRows.ts';
import {
  advanceMomentumBy, clutchWeightOf, createMomentum, impactOptions, momentumFactor, momentumRun,
  type ImpactOptions, type MomentumState,
} from './impactModel.ts';

export interface ImpactScorerState {
  options: ImpactOptions;
  momentum: Record<string, MomentumState>;
}

export class ImpactScorer {
  readonly options: ImpactOptions;
  #momentum = new Map<string, MomentumState>();

  constructor(options: Partial<ImpactOptions> = {}) {
    this.options = impactOptions(options);
  }

  /** The momentum factor of a released action (its team's run so far); then it joins the run. */
  score(rows: GameRows, row: number): number {
    let state = this.#momentum.get(rows.gameId);
    if (state === undefined) {
      state = createMomentum(this.options.momentumWindow);
      this.#momentum.set(rows.gameId, state);
    }
    const teamId = rows.num(row, Num.teamId);
    const factor = momentumFactor(momentumRun(state, teamId), this.options);
    advanceMomentumBy(state, teamId, pointsOf(rows.num(row, Num.play)));
    return factor;
  }

  /** The clutch weight of an action, from its period, clock and score. */
  weight(rows: GameRows, row: number): number {
    return clutchWeightOf(rows.num(row, Num.period), rows.num(row, Num.clockSeconds), rows.num(row, Num.scoreHome), rows.num(row, Num.scoreAway), this.options);
  }

  /** A closed game's run is no longer needed. */
  closeGame(gameId: string): void {
    this.#momentum.delete(gameId);
  }

  toState(): ImpactScorerState {
    const momentum: Record<string, MomentumState> = {};
    for (const [gameId, state] of this.#momentum) {
      momentum[gameId] = { teams: state.teams.slice(), points: state.points.slice(), next: state.next };
    }
    return { options: { ...this.options }, momentum };
  }

  static fromState(state: ImpactScorerState): ImpactScorer {
    const scorer = new ImpactScorer(state.options);
    for (const [gameId, ring] of Object.entries(state.momentum)) {
      if (ring.points.length !== scorer.options.momentumWindow) {
        throw new Error(`invalid momentum state for game ${gameId}: ${ring.points.length} slots`);
      }
      scorer.#momentum.set(gameId, { teams: ring.teams.slice(), points: ring.points.slice(), next: ring.next });
    }
    return scorer;
  }
}
