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
 *    seq       whole number, required: unique per game and increasing in feed order (it is
 *              both the de-duplication key and the sequence number).
 *    t         event time, required: ISO 8601 text or epoch milliseconds.
 *    period    whole number from 1, required.
 *    clock     time left in the period, required: seconds (number) or `PT11M39.00S`.
 *    type      required: 2pt, 3pt, freethrow, rebound, turnover, steal, block, foul,
 *              substitution, timeout, game (sub "end" ends the game), or any other word
 *              (scored as nothing).
 *    sub       optional subtype: offensive/defensive for rebounds; personal/offensive/
 *              technical for fouls (technical fouls do not count as PF).
 *    team, player, assist   optional ids (0 or absent: none; a team rebound or team
 *              turnover has no player).
 *    name      optional short player name for the leaderboard.
 *    made      boolean, required for 2pt, 3pt and freethrow.
 *    home, away  whole numbers, required: the score after the event.
 *    edited    optional version time (ISO or ms, default t): a later `edited` for the same
 *              (game, seq) is a correction that replaces the earlier version.
 *
 * The plausible range of every field is in actionRules.ts. `parseAction` reads a line with
 * JSON.parse; the block parser of the compute workers (lineBlockParser.ts) reads the same
 * fields straight from the bytes and hands them to the same readers, so both give the same
 * action or the same reason.
 */
import {
  clock, genericLimits, id, LineProblem, nbaLimits, period, required, score, shown, text, TEXT_LIMITS, time, wholeNumber,
  INT32_MAX, type Fields,
} from './actionRules.ts';
import { parseClock, type GameAction } from './gameAction.ts';
import { isoTimeMs } from './isoTime.ts';

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

export interface ParseOptions {
  /** When the line arrived (epoch ms): no event is plausible more than a day after it. */
  receivedAtMs: number;
}

export const LINE_KEPT = 200;
const SHOTS = new Set(['2pt', '3pt', 'freethrow']);

/** Every key either shape reads; the block parser extracts these and skips the rest. */
export const ACTION_KEYS: readonly string[] = [
  'gameId', 'actionNumber', 'orderNumber', 'period', 'clock', 'timeActual', 'edited', 'actionType', 'subType', 'qualifiers',
  'teamId', 'teamTricode', 'personId', 'playerNameI', 'assistPersonId', 'stealPersonId', 'blockPersonId', 'shotResult',
  'scoreHome', 'scoreAway', 'game', 'seq', 't', 'type', 'sub', 'team', 'player', 'name', 'made', 'assist', 'home', 'away',
];

/** A game id: short text, never empty (an empty id would merge every such line into one game). */
function gameIdOf(fields: Fields, name: string): string {
  const value = text(fields, name, TEXT_LIMITS.id);
  if (value === '') throw new LineProblem(`${name} must not be empty`);
  return value;
}

function qualifierList(fields: Fields): string {
  const qualifiers = fields.qualifiers ?? [];
  if (!Array.isArray(qualifiers) || !qualifiers.every((q) => typeof q === 'string' && q.length <= TEXT_LIMITS.word)) {
    throw new LineProblem(`qualifiers must be a list of words, got ${shown(qualifiers)}`);
  }
  if (qualifiers.length > TEXT_LIMITS.qualifiers) throw new LineProblem(`qualifiers must hold at most ${TEXT_LIMITS.qualifiers} words, got ${qualifiers.length}`);
  return qualifiers.join(',');
}

function nbaAction(fields: Fields, receivedAtMs: number): GameAction {
  const actionType = text(fields, 'actionType', TEXT_LIMITS.word);
  const shotResult = text(fields, 'shotResult', TEXT_LIMITS.word, true);
  if (SHOTS.has(actionType) && shotResult !== 'Made' && shotResult !== 'Missed') {
    throw new LineProblem(`shotResult of a ${actionType} must be Made or Missed, got ${shown(fields.shotResult)}`);
  }
  const timeActualMs = time(fields, 'timeActual', nbaLimits, receivedAtMs, isoTimeMs);
  return {
    gameId: gameIdOf(fields, 'gameId'),
    actionNumber: id(fields, 'actionNumber'),
    orderNumber: id(fields, 'orderNumber'),
    period: period(fields),
    clockSeconds: clock(fields, 'clock', nbaLimits, parseClock),
    timeActualMs,
    editedMs: time(fields, 'edited', nbaLimits, receivedAtMs, isoTimeMs, timeActualMs),
    actionType,
    subType: text(fields, 'subType', TEXT_LIMITS.subType, true),
    qualifiers: qualifierList(fields),
    teamId: id(fields, 'teamId', true),
    teamTricode: text(fields, 'teamTricode', TEXT_LIMITS.tricode, true),
    personId: id(fields, 'personId', true),
    playerName: text(fields, 'playerNameI', TEXT_LIMITS.name, true),
    assistPersonId: id(fields, 'assistPersonId', true),
    stealPersonId: id(fields, 'stealPersonId', true),
    blockPersonId: id(fields, 'blockPersonId', true),
    shotResult,
    scoreHome: score(fields, 'scoreHome', nbaLimits.score),
    scoreAway: score(fields, 'scoreAway', nbaLimits.score),
  };
}

function genericAction(fields: Fields, receivedAtMs: number): GameAction {
  const actionType = text(fields, 'type', TEXT_LIMITS.word);
  let shotResult = '';
  if (SHOTS.has(actionType)) {
    const made = required(fields, 'made');
    if (typeof made !== 'boolean') throw new LineProblem(`made must be true or false, got ${shown(made)}`);
    shotResult = made ? 'Made' : 'Missed';
  }
  const seq = wholeNumber(fields, 'seq', 0, INT32_MAX);
  const timeActualMs = time(fields, 't', genericLimits, receivedAtMs, isoTimeMs);
  return {
    gameId: gameIdOf(fields, 'game'),
    actionNumber: seq,
    orderNumber: seq,
    period: period(fields),
    clockSeconds: clock(fields, 'clock', genericLimits, parseClock),
    timeActualMs,
    editedMs: time(fields, 'edited', genericLimits, receivedAtMs, isoTimeMs, timeActualMs),
    actionType,
    subType: text(fields, 'sub', TEXT_LIMITS.subType, true),
    qualifiers: '',
    teamId: id(fields, 'team', true),
    teamTricode: '',
    personId: id(fields, 'player', true),
    playerName: text(fields, 'name', TEXT_LIMITS.name, true),
    assistPersonId: id(fields, 'assist', true),
    stealPersonId: 0,
    blockPersonId: 0,
    shotResult,
    scoreHome: score(fields, 'home', genericLimits.score),
    scoreAway: score(fields, 'away', genericLimits.score),
  };
}

/** A line's text as a reject keeps it. */
export function keptLine(line: string): string {
  return line.length > LINE_KEPT ? `${line.slice(0, LINE_KEPT)}…` : line;
}

/** The action of a line's fields (JSON.parse's or the block parser's), or the reason it is not one. */
export function actionOfFields(fields: Fields, receivedAtMs: number): GameAction | string {
  try {
    if (fields.gameId !== undefined || fields.actionNumber !== undefined) return nbaAction(fields, receivedAtMs);
    if (fields.game !== undefined || fields.seq !== undefined) return genericAction(fields, receivedAtMs);
    return 'neither an NBA live-feed action (gameId, actionNumber) nor a generic event (game, seq)';
  } catch (error) {
    if (error instanceof LineProblem) return error.message;
    throw error;
  }
}

/** JSON.parse of a line: its fields, or why it is not a JSON object. */
export function fieldsOfJson(line: string): Fields | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `not JSON: ${(error as Error).message}`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `expected a JSON object, got ${shown(value)}`;
  return value as Fields;
}

/** Parses and validates one line; never throws for bad input, returns a Reject instead. */
export function parseAction(line: string, lineNumber: number, options: ParseOptions = { receivedAtMs: Date.now() }): ParsedAction | Reject {
  const fields = fieldsOfJson(line);
  const action = typeof fields === 'string' ? fields : actionOfFields(fields, options.receivedAtMs);
  if (typeof action === 'string') return { ok: false, lineNumber, reason: `line ${lineNumber}: ${action}`, line: keptLine(line) };
  return { ok: true, lineNumber, action };
}
