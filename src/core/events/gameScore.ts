/**
 * Hollinger's Game Score, credited action by action.
 *
 *   GmSc = PTS + 0.4 FGM − 0.7 FGA − 0.4 (FTA − FTM) + 0.7 ORB + 0.3 DRB + STL + 0.7 AST
 *          + 0.7 BLK − 0.4 PF − TOV
 *
 * How the live feed's actions map to the box score (it reproduces all 154 official
 * player-games of ../shared/data/stream, see shared/data/README.md):
 * - 2pt and 3pt are field-goal attempts, made when shotResult is Made (2 or 3 points); the
 *   assistPersonId of a made shot gets the assist;
 * - freethrow is a free-throw attempt, made when shotResult is Made (1 point);
 * - rebounds and turnovers count only when personId is a player: not 0 (the feed's team
 *   rebound / team turnover) and not the teamId; rebound subType offensive → ORB,
 *   defensive → DRB;
 * - steal and block actions credit their own personId;
 * - fouls count as PF for subTypes personal and offensive, not technical.
 *
 * The counts stay whole numbers, so totals added in any order are exact; Game Score is
 * computed from the counts when it is read.
 */
import type { GameAction } from './gameAction.ts';

export interface StatLine {
  pts: number;
  fgm: number;
  fga: number;
  ftm: number;
  fta: number;
  orb: number;
  drb: number;
  ast: number;
  stl: number;
  blk: number;
  pf: number;
  tov: number;
}

export const STAT_KEYS: readonly (keyof StatLine)[] = [
  'pts', 'fgm', 'fga', 'ftm', 'fta', 'orb', 'drb', 'ast', 'stl', 'blk', 'pf', 'tov',
];

/** What one action gives one player. */
export interface StatCredit {
  personId: number;
  teamId: number;
  stats: Readonly<StatLine>;
}

export function emptyStatLine(): StatLine {
  return { pts: 0, fgm: 0, fga: 0, ftm: 0, fta: 0, orb: 0, drb: 0, ast: 0, stl: 0, blk: 0, pf: 0, tov: 0 };
}

export function gameScore(s: StatLine): number {
  return (
    s.pts + 0.4 * s.fgm - 0.7 * s.fga - 0.4 * (s.fta - s.ftm) + 0.7 * s.orb + 0.3 * s.drb +
    s.stl + 0.7 * s.ast + 0.7 * s.blk - 0.4 * s.pf - s.tov
  );
}

/** Adds `b` (× sign) into `into`, in place: the hot path of the running totals, field by field. */
export function accumulateStatLine(into: StatLine, b: Readonly<StatLine>, sign: 1 | -1): void {
  into.pts += sign * b.pts;
  into.fgm += sign * b.fgm;
  into.fga += sign * b.fga;
  into.ftm += sign * b.ftm;
  into.fta += sign * b.fta;
  into.orb += sign * b.orb;
  into.drb += sign * b.drb;
  into.ast += sign * b.ast;
  into.stl += sign * b.stl;
  into.blk += sign * b.blk;
  into.pf += sign * b.pf;
  into.tov += sign * b.tov;
}

/** `sign` +1 adds, −1 takes away (a replaced version); returns a new line. */
export function addStatLines(a: StatLine, b: StatLine, sign: 1 | -1 = 1): StatLine {
  const sum = emptyStatLine();
  for (const key of STAT_KEYS) sum[key] = a[key] + sign * b[key];
  return sum;
}

// One frozen line per kind of credit, shared by every credit of that kind: nothing reads
// them to change them, and a stream allocates no stat line per action.
const line = (change: Partial<StatLine>): Readonly<StatLine> => Object.freeze({ ...emptyStatLine(), ...change });
const MADE_2 = line({ pts: 2, fgm: 1, fga: 1 });
const MADE_3 = line({ pts: 3, fgm: 1, fga: 1 });
const MISSED_FG = line({ fga: 1 });
const ASSIST = line({ ast: 1 });
const MADE_FT = line({ pts: 1, ftm: 1, fta: 1 });
const MISSED_FT = line({ fta: 1 });
const ORB = line({ orb: 1 });
const DRB = line({ drb: 1 });
const TOV = line({ tov: 1 });
const STL = line({ stl: 1 });
const BLK = line({ blk: 1 });
const PF = line({ pf: 1 });

/**
 * What an action credits its own player with, whoever that is (the `personId` of a 2pt,
 * 3pt, freethrow, rebound, turnover, steal, block or foul): an index into CREDIT_LINES. The
 * parse computes it once per action; the running totals add CREDIT_LINES[kind].
 */
export const Credit = {
  None: 0, MadeTwo: 1, MadeThree: 2, MissedFieldGoal: 3, MadeFreeThrow: 4, MissedFreeThrow: 5,
  OffensiveRebound: 6, DefensiveRebound: 7, Turnover: 8, Steal: 9, Block: 10, PersonalFoul: 11,
} as const;
export type CreditKind = (typeof Credit)[keyof typeof Credit];

export const CREDIT_LINES: readonly Readonly<StatLine>[] = Object.freeze([line({}), MADE_2, MADE_3, MISSED_FG, MADE_FT, MISSED_FT, ORB, DRB, TOV, STL, BLK, PF]);
/** The assist a made field goal gives its assistPersonId. */
export const ASSIST_LINE: Readonly<StatLine> = ASSIST;

export function creditKind(action: Pick<GameAction, 'actionType' | 'subType' | 'shotResult'>): CreditKind {
  const made = action.shotResult === 'Made';
  switch (action.actionType) {
    case '2pt':
      return made ? Credit.MadeTwo : Credit.MissedFieldGoal;
    case '3pt':
      return made ? Credit.MadeThree : Credit.MissedFieldGoal;
    case 'freethrow':
      return made ? Credit.MadeFreeThrow : Credit.MissedFreeThrow;
    case 'rebound':
      return action.subType === 'offensive' ? Credit.OffensiveRebound : action.subType === 'defensive' ? Credit.DefensiveRebound : Credit.None;
    case 'turnover':
      return Credit.Turnover;
    case 'steal':
      return Credit.Steal;
    case 'block':
      return Credit.Block;
    case 'foul':
      return action.subType === 'personal' || action.subType === 'offensive' ? Credit.PersonalFoul : Credit.None;
    default:
      return Credit.None;
  }
}

/** A stat line as numbers in STAT_KEYS order (what the running totals add to, in place). */
export function countsOf(line: Readonly<StatLine>): Float64Array {
  return Float64Array.from(STAT_KEYS, (key) => line[key]);
}

/** Numbers in STAT_KEYS order back to a stat line. */
export function statLineOf(counts: ArrayLike<number>): StatLine {
  const line = emptyStatLine();
  STAT_KEYS.forEach((key, i) => { line[key] = counts[i]; });
  return line;
}

/** CREDIT_LINES and ASSIST_LINE as counts. */
export const CREDIT_COUNTS: readonly Float64Array[] = CREDIT_LINES.map(countsOf);
export const ASSIST_COUNTS: Float64Array = countsOf(ASSIST_LINE);

/** A real player: not the feed's 0 and not the team itself. */
export function isPlayer(action: Pick<GameAction, 'personId' | 'teamId'>): boolean {
  return action.personId !== 0 && action.personId !== action.teamId;
}

/** Whether a made field goal's assistPersonId gets an assist (someone, and not the shooter). */
export function isAssisted(kind: number, personId: number, assistPersonId: number): boolean {
  return (kind === Credit.MadeTwo || kind === Credit.MadeThree) && assistPersonId !== 0 && assistPersonId !== personId;
}

/** Which players the action credits with which counts (none for most actions). */
export function statCredits(action: GameAction): StatCredit[] {
  if (!isPlayer(action)) return [];
  const kind = creditKind(action);
  if (kind === Credit.None) return [];
  const { personId, teamId } = action;
  const own: StatCredit = { personId, teamId, stats: CREDIT_LINES[kind] };
  return isAssisted(kind, personId, action.assistPersonId) ? [own, { personId: action.assistPersonId, teamId, stats: ASSIST_LINE }] : [own];
}
