/**
 * Validation of one line of a game stream into a GameAction, or a Reject that says why.
 * Two shapes are accepted, told apart by their keys:
 *
 * 1. The NBA live-feed action (first class), one JSON object a line with `gameId` added:
 *    gameId, actionNumber, orderNumber, period, clock (`PT11M39.00S`), timeActual (UTC ISO),
 *    edited, actionType, subType, qualifiers, teamId, teamTricode, personId, playerNameI,
 *    assistPersonId, stealPersonId, blockPersonId, shotResult, scoreHome, scoreAway (strings).
 *
 * 2. The generic game event (for sources that are not the NBA feed):
 *
 *      { "game": "g1", "seq": 17, "t": "2025-02-02T20:11:19.3Z", "period": 1, "clock": 431.5,
 *        "type": "2pt", "sub": "Layup", "team": 10, "player": 101, "name": "C. White",
 *        "made": true, "assist": 102, "home": 12, "away": 10, "edited": "2025-02-02T20:11:25Z" }
 *
 *    game      string or number, required: the game id.
 *    seq       integer ≥ 0, required: unique per game and increasing in feed order (it is
 *              both the de-duplication key and the sequence number).
 *    t         event time, required: ISO 8601 text or epoch milliseconds.
 *    period    integer ≥ 1, required.
 *    clock     time left in the period, required: seconds (number) or `PT11M39.00S`.
 *    type      required: 2pt, 3pt, freethrow, rebound, turnover, steal, block, foul,
 *              substitution, timeout, or any other word (scored as nothing).
 *    sub       optional subtype: offensive/defensive for rebounds; personal/offensive/
 *              technical for fouls (technical fouls do not count as PF).
 *    team, player, assist   optional positive integer ids (0 or absent: none; a team
 *              rebound or team turnover has no player).
 *    name      optional short player name for the leaderboard.
 *    made      boolean, required for 2pt, 3pt and freethrow.
 *    home, away  integers ≥ 0, required: the score after the event.
 *    edited    optional version time (ISO or ms, default t): a later `edited` for the same
 *              (game, seq) is a correction that replaces the earlier version.
 */
import { parseClock, type GameAction } from './gameAction.ts';

export interface ParsedAction {
  ok: true;
  lineNumber: number;
  action: GameAction;
}

export interface Reject {
  ok: false;
  lineNumber: number;
  /** For a person: "line 42: missing field actionNumber". */
  reason: string;
  /** The offending line, cut to 200 characters. */
  line: string;
}

const LINE_KEPT = 200;
const SHOTS = new Set(['2pt', '3pt', 'freethrow']);

class LineProblem extends Error {}

type Fields = Record<string, unknown>;

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function required(fields: Fields, name: string): unknown {
  const value = fields[name];
  if (value === undefined || value === null) throw new LineProblem(`missing field ${name}`);
  return value;
}

function integer(fields: Fields, name: string, optional = false): number {
  const value = optional ? (fields[name] ?? 0) : required(fields, name);
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new LineProblem(`${name} must be a whole number, got ${shown(value)}`);
  }
  if (value < 0) throw new LineProblem(`${name} must not be negative, got ${value}`);
  return value;
}

function text(fields: Fields, name: string, optional = false): string {
  const value = optional ? (fields[name] ?? '') : required(fields, name);
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') throw new LineProblem(`${name} must be text, got ${shown(value)}`);
  return value;
}

/** Scores come as strings in the feed ("104") and as numbers in the generic schema. */
function score(fields: Fields, name: string): number {
  const value = required(fields, name);
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 0) {
    throw new LineProblem(`${name} must be a score (a whole number), got ${shown(value)}`);
  }
  return number;
}

function time(fields: Fields, name: string, fallback?: number): number {
  const value = fallback !== undefined ? (fields[name] ?? fallback) : required(fields, name);
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw new LineProblem(`${name} must be an ISO time, got ${shown(value)}`);
  return ms;
}

function clock(fields: Fields, name: string): number {
  const value = required(fields, name);
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  const seconds = typeof value === 'string' ? parseClock(value) : null;
  if (seconds === null) throw new LineProblem(`${name} must be a clock like PT11M39.00S, got ${shown(value)}`);
  return seconds;
}

function period(fields: Fields): number {
  const value = required(fields, 'period');
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new LineProblem(`period must be a number from 1, got ${shown(value)}`);
  }
  return value;
}

function nbaAction(fields: Fields): GameAction {
  const actionType = text(fields, 'actionType');
  const shotResult = text(fields, 'shotResult', true);
  if (SHOTS.has(actionType) && shotResult !== 'Made' && shotResult !== 'Missed') {
    throw new LineProblem(`shotResult of a ${actionType} must be Made or Missed, got ${shown(fields.shotResult)}`);
  }
  const qualifiers = fields.qualifiers ?? [];
  if (!Array.isArray(qualifiers) || !qualifiers.every((q) => typeof q === 'string')) {
    throw new LineProblem(`qualifiers must be a list of words, got ${shown(qualifiers)}`);
  }
  const timeActualMs = time(fields, 'timeActual');
  return {
    gameId: text(fields, 'gameId'),
    actionNumber: integer(fields, 'actionNumber'),
    orderNumber: integer(fields, 'orderNumber'),
    period: period(fields),
    clockSeconds: clock(fields, 'clock'),
    timeActualMs,
    editedMs: time(fields, 'edited', timeActualMs),
    actionType,
    subType: text(fields, 'subType', true),
    qualifiers: qualifiers.join(','),
    teamId: integer(fields, 'teamId', true),
    teamTricode: text(fields, 'teamTricode', true),
    personId: integer(fields, 'personId', true),
    playerName: text(fields, 'playerNameI', true),
    assistPersonId: integer(fields, 'assistPersonId', true),
    stealPersonId: integer(fields, 'stealPersonId', true),
    blockPersonId: integer(fields, 'blockPersonId', true),
    shotResult,
    scoreHome: score(fields, 'scoreHome'),
    scoreAway: score(fields, 'scoreAway'),
  };
}

function genericAction(fields: Fields): GameAction {
  const actionType = text(fields, 'type');
  let shotResult = '';
  if (SHOTS.has(actionType)) {
    const made = required(fields, 'made');
    if (typeof made !== 'boolean') throw new LineProblem(`made must be true or false, got ${shown(made)}`);
    shotResult = made ? 'Made' : 'Missed';
  }
  const seq = integer(fields, 'seq');
  const timeActualMs = time(fields, 't');
  return {
    gameId: text(fields, 'game'),
    actionNumber: seq,
    orderNumber: seq,
    period: period(fields),
    clockSeconds: clock(fields, 'clock'),
    timeActualMs,
    editedMs: time(fields, 'edited', timeActualMs),
    actionType,
    subType: text(fields, 'sub', true),
    qualifiers: '',
    teamId: integer(fields, 'team', true),
    teamTricode: '',
    personId: integer(fields, 'player', true),
    playerName: text(fields, 'name', true),
    assistPersonId: integer(fields, 'assist', true),
    stealPersonId: 0,
    blockPersonId: 0,
    shotResult,
    scoreHome: score(fields, 'home'),
    scoreAway: score(fields, 'away'),
  };
}

/** Parses and validates one line; never throws for bad input, returns a Reject instead. */
export function parseAction(line: string, lineNumber: number): ParsedAction | Reject {
  const reject = (why: string): Reject => ({
    ok: false,
    lineNumber,
    reason: `line ${lineNumber}: ${why}`,
    line: line.length > LINE_KEPT ? `${line.slice(0, LINE_KEPT)}…` : line,
  });
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return reject(`not JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return reject(`expected a JSON object, got ${shown(value)}`);
  }
  const fields = value as Fields;
  try {
    if ('gameId' in fields || 'actionNumber' in fields) return { ok: true, lineNumber, action: nbaAction(fields) };
    if ('game' in fields || 'seq' in fields) return { ok: true, lineNumber, action: genericAction(fields) };
    return reject('neither an NBA live-feed action (gameId, actionNumber) nor a generic event (game, seq)');
  } catch (error) {
    if (error instanceof LineProblem) return reject(error.message);
    throw error;
  }
}
