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

function credit(personId: number, teamId: number, stats: Readonly<StatLine>): StatCredit {
  return { personId, teamId, stats };
}

/** A real player: not the feed's 0 and not the team itself. */
export function isPlayer(action: Pick<GameAction, 'personId' | 'teamId'>): boolean {
  return action.personId !== 0 && action.personId !== action.teamId;
}

/** Which players the action credits with which counts (none for most actions). */
export function statCredits(action: GameAction): StatCredit[] {
  const { actionType, subType, teamId, personId } = action;
  const made = action.shotResult === 'Made';
  if (!isPlayer(action)) return [];
  switch (actionType) {
    case '2pt':
    case '3pt': {
      const shooter = credit(personId, teamId, made ? (actionType === '3pt' ? MADE_3 : MADE_2) : MISSED_FG);
      const assisted = made && action.assistPersonId !== 0 && action.assistPersonId !== personId;
      return assisted ? [shooter, credit(action.assistPersonId, teamId, ASSIST)] : [shooter];
    }
    case 'freethrow':
      return [credit(personId, teamId, made ? MADE_FT : MISSED_FT)];
    case 'rebound':
      if (subType === 'offensive') return [credit(personId, teamId, ORB)];
      if (subType === 'defensive') return [credit(personId, teamId, DRB)];
      return [];
    case 'turnover':
      return [credit(personId, teamId, TOV)];
    case 'steal':
      return [credit(personId, teamId, STL)];
    case 'block':
      return [credit(personId, teamId, BLK)];
    case 'foul':
      return subType === 'personal' || subType === 'offensive' ? [credit(personId, teamId, PF)] : [];
    default:
      return [];
  }
}
