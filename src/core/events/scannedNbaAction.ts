/**
 * The common case of the hot path: a scanned NBA live-feed line whose every field is plainly
 * within its range becomes a GameAction straight from the bytes, without a fields object.
 * It answers null for anything else (a missing field, a number given as text, a value out
 * of range, the generic schema), and the caller then reads the line with the readers of
 * parseAction.ts, which decide and give the reason. So this never accepts what they refuse,
 * and what it accepts equals their action (a property test holds it to that).
 */
import { INT32_MAX, MAX_PERIOD, nbaLimits, TEXT_LIMITS } from './actionRules.ts';
import type { GameAction } from './gameAction.ts';
import { Span } from './jsonFieldScanner.ts';
import type { ScannedFields } from './scannedFields.ts';

const DAY_MS = 86_400_000;
// Slots in ACTION_KEYS order (parseAction.ts).
const GAME_ID = 0, ACTION_NUMBER = 1, ORDER_NUMBER = 2, PERIOD = 3, CLOCK = 4, TIME_ACTUAL = 5, EDITED = 6, ACTION_TYPE = 7,
  SUB_TYPE = 8, QUALIFIERS = 9, TEAM_ID = 10, TEAM_TRICODE = 11, PERSON_ID = 12, PLAYER_NAME = 13, ASSIST = 14, STEAL = 15,
  BLOCK = 16, SHOT_RESULT = 17, SCORE_HOME = 18, SCORE_AWAY = 19;

/** A whole number in [min, max] under the slot, NaN otherwise; absent or null is `absent`. */
function whole(s: ScannedFields, slot: number, min: number, max: number, absent = NaN): number {
  const kind = s.kind(slot);
  if (kind === Span.Absent || kind === Span.Null) return absent;
  if (kind !== Span.Number) return NaN;
  const value = s.number(slot);
  return Number.isInteger(value) && value >= min && value <= max ? value : NaN;
}

/** A text of at most `max` bytes (so at most `max` characters), '' when absent; null otherwise. */
function shortText(s: ScannedFields, slot: number, max: number, optional: boolean): string | null {
  const kind = s.kind(slot);
  if (optional && (kind === Span.Absent || kind === Span.Null)) return '';
  return kind === Span.Text && s.textBytes(slot) <= max ? s.text(slot) : null;
}

function score(s: ScannedFields, slot: number): number {
  const kind = s.kind(slot);
  if (kind === Span.Number) return whole(s, slot, 0, nbaLimits.score);
  const value = kind === Span.Text ? s.digits(slot) : NaN;
  return value <= nbaLimits.score ? value : NaN;
}

function eventTime(s: ScannedFields, slot: number, receivedAtMs: number): number {
  if (s.kind(slot) !== Span.Text) return NaN;
  const ms = s.time(slot);
  return ms >= nbaLimits.earliestMs && ms <= receivedAtMs + DAY_MS ? ms : NaN;
}

function qualifiers(s: ScannedFields): string | null {
  const kind = s.kind(QUALIFIERS);
  if (kind === Span.Absent || kind === Span.Null) return '';
  if (kind !== Span.Words) return null;
  const words = s.words(QUALIFIERS);
  if (words.length > TEXT_LIMITS.qualifiers || words.some((word) => word.length > TEXT_LIMITS.word)) return null;
  return words.length === 0 ? '' : words.join(',');
}

export function scannedNbaAction(s: ScannedFields, receivedAtMs: number): GameAction | null {
  const gameIdBytes = s.kind(GAME_ID) === Span.Text ? s.textBytes(GAME_ID) : 0;
  if (gameIdBytes < 1 || gameIdBytes > TEXT_LIMITS.id) return null;
  const actionType = shortText(s, ACTION_TYPE, TEXT_LIMITS.word, false);
  const shotResult = shortText(s, SHOT_RESULT, TEXT_LIMITS.word, true);
  if (actionType === null || shotResult === null) return null;
  if ((actionType === '2pt' || actionType === '3pt' || actionType === 'freethrow') && shotResult !== 'Made' && shotResult !== 'Missed') return null;
  const timeActualMs = eventTime(s, TIME_ACTUAL, receivedAtMs);
  const editedKind = s.kind(EDITED);
  const editedMs = editedKind === Span.Absent || editedKind === Span.Null ? timeActualMs : eventTime(s, EDITED, receivedAtMs);
  const clockSeconds = s.kind(CLOCK) === Span.Text ? s.clock(CLOCK) : NaN;
  const subType = shortText(s, SUB_TYPE, TEXT_LIMITS.subType, true);
  const teamTricode = shortText(s, TEAM_TRICODE, TEXT_LIMITS.tricode, true);
  const playerName = shortText(s, PLAYER_NAME, TEXT_LIMITS.name, true);
  const qualifierText = qualifiers(s);
  const action: GameAction = {
    gameId: s.text(GAME_ID),
    actionNumber: whole(s, ACTION_NUMBER, 0, INT32_MAX),
    orderNumber: whole(s, ORDER_NUMBER, 0, INT32_MAX),
    period: whole(s, PERIOD, 1, MAX_PERIOD),
    clockSeconds,
    timeActualMs,
    editedMs,
    actionType,
    subType: subType ?? '',
    qualifiers: qualifierText ?? '',
    teamId: whole(s, TEAM_ID, 0, INT32_MAX, 0),
    teamTricode: teamTricode ?? '',
    personId: whole(s, PERSON_ID, 0, INT32_MAX, 0),
    playerName: playerName ?? '',
    assistPersonId: whole(s, ASSIST, 0, INT32_MAX, 0),
    stealPersonId: whole(s, STEAL, 0, INT32_MAX, 0),
    blockPersonId: whole(s, BLOCK, 0, INT32_MAX, 0),
    shotResult,
    scoreHome: score(s, SCORE_HOME),
    scoreAway: score(s, SCORE_AWAY),
  };
  if (subType === null || teamTricode === null || playerName === null || qualifierText === null) return null;
  // NaN marks every number that was not plainly in range; the readers then decide.
  if (Number.isNaN(action.actionNumber + action.orderNumber + action.period + action.teamId + action.personId +
    action.assistPersonId + action.stealPersonId + action.blockPersonId + action.scoreHome + action.scoreAway + timeActualMs + editedMs)) {
    return null;
  }
  return clockSeconds >= 0 && clockSeconds <= nbaLimits.clockSeconds ? action : null;
}
