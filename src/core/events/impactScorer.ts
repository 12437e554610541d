/**
 * Turns released actions into scored credits: the Game Score counts of each player the
 * action credits, its Game Score, and its impact (impactModel.ts). It holds the per-game
 * momentum rings — a few numbers per game, so a worker can keep them cached and a
 * checkpoint can carry them.
 */
import type { GameAction } from './gameAction.ts';
import { gameScore, statCredits, type StatLine } from './gameScore.ts';
import {
  advanceMomentum, clutchWeight, createMomentum, impactOptions, momentumFactor, momentumRun,
  type ImpactOptions, type MomentumState,
} from './impactModel.ts';

export interface PlayerCredit {
  personId: number;
  teamId: number;
  stats: Readonly<StatLine>;
  gameScore: number;
  impact: number;
}

export interface ScoredAction {
  action: GameAction;
  clutchWeight: number;
  momentumFactor: number;
  credits: PlayerCredit[];
}

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

  /** An action released in event-time order: scored with its game's run, then added to it. */
  score(action: GameAction): ScoredAction {
    let state = this.#momentum.get(action.gameId);
    if (state === undefined) {
      state = createMomentum(this.options.momentumWindow);
      this.#momentum.set(action.gameId, state);
    }
    const factor = momentumFactor(momentumRun(state, action.teamId), this.options);
    advanceMomentum(state, action);
    return this.rescore(action, factor);
  }

  /** An action that missed the window: no momentum, and it does not join the run. */
  scoreLate(action: GameAction): ScoredAction {
    return this.rescore(action, 1);
  }

  /** A correction of an action already scored keeps the momentum factor it was given. */
  rescore(action: GameAction, factor: number): ScoredAction {
    const weight = clutchWeight(action, this.options);
    const given = statCredits(action);
    const credits: PlayerCredit[] = new Array(given.length);
    for (let i = 0; i < given.length; i++) {
      const credit = given[i];
      const score = gameScore(credit.stats);
      credits[i] = { personId: credit.personId, teamId: credit.teamId, stats: credit.stats, gameScore: score, impact: score * weight * factor };
    }
    return { action, clutchWeight: weight, momentumFactor: factor, credits };
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
