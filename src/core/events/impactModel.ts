/**
 * Context-weighted impact: a Game Score credit weighted by how much the moment mattered.
 *
 *   impact = GmSc(credit) × clutchWeight(action) × momentumFactor(action)
 *
 * clutchWeight uses only the action's own fields, so SQL recomputes it row by row:
 *   timeFactor   = period ≥ 4 ? max(0, 1 − clockSeconds / clutchSeconds) : 0
 *   closeness    = max(0, 1 − |scoreHome − scoreAway| / clutchMargin)
 *   clutchWeight = 1 + clutchBoost × timeFactor × closeness
 * (the score is the one after the action, as the feed prints it; overtime periods count
 * as the fourth does).
 *
 * momentumFactor is the recent scoring run of the action's own team:
 *   run            = Σ over the previous `momentumWindow` actions of the same game, in
 *                    event-time order (timeActualMs, then orderNumber), of
 *                    points(b) × (teamId(b) = teamId(a) ? +1 : −1)
 *   momentumFactor = 1 + momentumPerPoint × clamp(run, −momentumCap, momentumCap)
 * In SQL: a window SUM over ROWS BETWEEN window PRECEDING AND 1 PRECEDING, partitioned by
 * game, ordered by (timeActualMs, orderNumber), over the latest version of every action.
 * The stream reproduces that exactly when every action is released in that order (the
 * Reorderer does, within its allowed lateness) and a correction keeps its team and points.
 * Two cases are approximations by design, and are what the consistency report measures:
 * an action that arrives later than the window is scored with momentumFactor 1 and does
 * not enter the run of the actions after it; a correction is rescored with the momentum
 * factor its first version had.
 */
import { actionPoints, type GameAction } from './gameAction.ts';

export interface ImpactOptions {
  /** Seconds left in the period from which the clutch weight starts to grow (300). */
  clutchSeconds: number;
  /** Score margin at and beyond which the clutch weight stays 1 (10). */
  clutchMargin: number;
  /** Extra weight at 0:00 of a tied fourth period (1, so at most ×2). */
  clutchBoost: number;
  /** Number of previous actions in the run (10). */
  momentumWindow: number;
  /** Factor change per point of run (0.02). */
  momentumPerPoint: number;
  /** Largest run counted, in points (10, so the factor stays within 0.8–1.2). */
  momentumCap: number;
}

export const defaultImpactOptions: Readonly<ImpactOptions> = Object.freeze({
  clutchSeconds: 300,
  clutchMargin: 10,
  clutchBoost: 1,
  momentumWindow: 10,
  momentumPerPoint: 0.02,
  momentumCap: 10,
});

/** Fills defaults and refuses nonsense loudly. */
export function impactOptions(options: Partial<ImpactOptions> = {}): ImpactOptions {
  const merged: ImpactOptions = { ...defaultImpactOptions, ...options };
  const positive = ['clutchSeconds', 'clutchMargin', 'momentumCap'] as const;
  for (const name of positive) {
    if (!Number.isFinite(merged[name]) || merged[name] <= 0) throw new Error(`invalid ${name}: ${merged[name]}`);
  }
  for (const name of ['clutchBoost', 'momentumPerPoint'] as const) {
    if (!Number.isFinite(merged[name]) || merged[name] < 0) throw new Error(`invalid ${name}: ${merged[name]}`);
  }
  if (!Number.isInteger(merged.momentumWindow) || merged.momentumWindow < 1) {
    throw new Error(`invalid momentumWindow: ${merged.momentumWindow}`);
  }
  if (merged.momentumPerPoint * merged.momentumCap >= 1) {
    throw new Error(`invalid momentum: perPoint × cap must stay below 1, got ${merged.momentumPerPoint * merged.momentumCap}`);
  }
  return merged;
}

export function clutchWeight(
  action: Pick<GameAction, 'period' | 'clockSeconds' | 'scoreHome' | 'scoreAway'>,
  options: ImpactOptions,
): number {
  return clutchWeightOf(action.period, action.clockSeconds, action.scoreHome, action.scoreAway, options);
}

/** clutchWeight from the numbers themselves (the model reads them from its columns). */
export function clutchWeightOf(period: number, clockSeconds: number, scoreHome: number, scoreAway: number, options: ImpactOptions): number {
  const timeFactor = period >= 4 ? Math.max(0, 1 - clockSeconds / options.clutchSeconds) : 0;
  const closeness = Math.max(0, 1 - Math.abs(scoreHome - scoreAway) / options.clutchMargin);
  return 1 + options.clutchBoost * timeFactor * closeness;
}

export function momentumFactor(run: number, options: ImpactOptions): number {
  const capped = Math.max(-options.momentumCap, Math.min(options.momentumCap, run));
  return 1 + options.momentumPerPoint * capped;
}

/** The per-game state behind the run: a ring of the last actions' team and points. */
export interface MomentumState {
  teams: number[];
  points: number[];
  /** Where the next action goes in the ring. */
  next: number;
}

export function createMomentum(window: number): MomentumState {
  return { teams: new Array<number>(window).fill(0), points: new Array<number>(window).fill(0), next: 0 };
}

/** The run of `teamId` over the actions in the ring (empty slots score 0). */
export function momentumRun(state: MomentumState, teamId: number): number {
  let run = 0;
  for (let i = 0; i < state.points.length; i++) {
    const points = state.points[i];
    if (points !== 0) run += state.teams[i] === teamId ? points : -points;
  }
  return run;
}

/** Puts one released action into the ring (in place: the state belongs to the scorer). */
export function advanceMomentum(state: MomentumState, action: Pick<GameAction, 'teamId' | 'actionType' | 'shotResult'>): void {
  advanceMomentumBy(state, action.teamId, actionPoints(action));
}

/** The same, from the team and the points the action put on the board. */
export function advanceMomentumBy(state: MomentumState, teamId: number, points: number): void {
  state.teams[state.next] = teamId;
  state.points[state.next] = points;
  state.next = (state.next + 1) % state.points.length;
}
