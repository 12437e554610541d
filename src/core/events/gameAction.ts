/**
 * The compact game action that flows through the Stream pipeline: numbers and short strings
 * only, so that millions of them cross worker boundaries cheaply (structured clone of flat
 * objects) and map one to one onto the columns of `actions_raw` (see starSchemaSql.ts).
 *
 * Conventions: an id of 0 means "none" (the live feed uses personId 0 for team rebounds and
 * team turnovers, and no teamId for period starts and ends); `clockSeconds` is the time left
 * in the period; `scoreHome`/`scoreAway` are the score after the action, as the feed prints it.
 */
export interface GameAction {
  gameId: string;
  /** Unique per game (with gaps for voided actions); the de-duplication key with gameId. */
  actionNumber: number;
  /** Monotonic feed order within the game. */
  orderNumber: number;
  period: number;
  /** Seconds left in the period, from the feed's `PT11M39.00S`. */
  clockSeconds: number;
  /** Event time (timeActual), epoch milliseconds. */
  timeActualMs: number;
  /** Version time (edited), epoch milliseconds: a later value is a correction. */
  editedMs: number;
  actionType: string;
  subType: string;
  /** The feed's qualifiers joined with commas ("2ndchance,pointsinthepaint"). */
  qualifiers: string;
  teamId: number;
  teamTricode: string;
  personId: number;
  /** Short name of personId as the feed prints it ("C. White"), '' when none. */
  playerName: string;
  assistPersonId: number;
  stealPersonId: number;
  blockPersonId: number;
  /** 'Made', 'Missed' or '' for actions that are not shots. */
  shotResult: string;
  scoreHome: number;
  scoreAway: number;
}

/** The de-duplication key: one action of one game, whatever its version. */
export function actionKey(action: Pick<GameAction, 'gameId' | 'actionNumber'>): string {
  return `${action.gameId}#${action.actionNumber}`;
}

const CLOCK = /^PT(\d+)M(\d+(?:\.\d+)?)S$/;

/** `PT11M39.00S` → 699; null when the text is not a feed clock. */
export function parseClock(clock: string): number | null {
  const match = CLOCK.exec(clock);
  if (match === null) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** 699 → `PT11M39.00S` (the feed's own spelling, used by the generator). */
export function formatClock(seconds: number): string {
  const whole = Math.max(0, seconds);
  const minutes = Math.floor(whole / 60);
  const rest = whole - minutes * 60;
  return `PT${String(minutes).padStart(2, '0')}M${rest.toFixed(2).padStart(5, '0')}S`;
}

/** Points the action puts on the board: a made 3pt 3, a made 2pt 2, a made free throw 1. */
export function actionPoints(action: Pick<GameAction, 'actionType' | 'shotResult'>): number {
  if (action.shotResult !== 'Made') return 0;
  if (action.actionType === '3pt') return 3;
  if (action.actionType === '2pt') return 2;
  if (action.actionType === 'freethrow') return 1;
  return 0;
}

// The two 32-bit halves of a double, for hashing a number without turning it into text.
const numberView = new Float64Array(1);
const numberWords = new Uint32Array(numberView.buffer);

/** A text's own 32-bit FNV-1a hash over its UTF-16 code units (cached per distinct text by the column writer). */
export function textHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function mixWord(hash: number, word: number): number {
  return Math.imul(hash ^ word, 0x01000193);
}

function mixNumber(hash: number, value: number): number {
  numberView[0] = value;
  return mixWord(mixWord(hash, numberWords[0]), numberWords[1]);
}

/** The texts of an action in the order the fingerprint mixes them (and the columns keep them). */
export const ACTION_TEXTS = ['gameId', 'actionType', 'subType', 'qualifiers', 'teamTricode', 'playerName', 'shotResult'] as const satisfies readonly (keyof GameAction)[];

/**
 * A 32-bit FNV-1a-style fingerprint of every field, so the store can tell a repeat of the
 * same version (a duplicate) from a different content under the same `edited` without
 * keeping the text. Field order is fixed here, not by object key order; numbers are mixed
 * as their 64 bits, texts as their own hash (`textHash`), which a writer of many actions
 * computes once per distinct text and passes as `hashes` (in ACTION_TEXTS order).
 */
export function actionFingerprint(action: GameAction, hashes?: ArrayLike<number>): number {
  if (hashes !== undefined) return mixFields(action, hashes[0], hashes[1], hashes[2], hashes[3], hashes[4], hashes[5], hashes[6]);
  return mixFields(action, textHash(action.gameId), textHash(action.actionType), textHash(action.subType), textHash(action.qualifiers),
    textHash(action.teamTricode), textHash(action.playerName), textHash(action.shotResult));
}

function mixFields(action: GameAction, gameId: number, actionType: number, subType: number, qualifiers: number, teamTricode: number, playerName: number, shotResult: number): number {
  let hash = 0x811c9dc5;
  hash = mixWord(hash, gameId);
  hash = mixNumber(hash, action.actionNumber);
  hash = mixNumber(hash, action.orderNumber);
  hash = mixNumber(hash, action.period);
  hash = mixNumber(hash, action.clockSeconds);
  hash = mixNumber(hash, action.timeActualMs);
  hash = mixNumber(hash, action.editedMs);
  hash = mixWord(hash, actionType);
  hash = mixWord(hash, subType);
  hash = mixWord(hash, qualifiers);
  hash = mixNumber(hash, action.teamId);
  hash = mixWord(hash, teamTricode);
  hash = mixNumber(hash, action.personId);
  hash = mixWord(hash, playerName);
  hash = mixNumber(hash, action.assistPersonId);
  hash = mixNumber(hash, action.stealPersonId);
  hash = mixNumber(hash, action.blockPersonId);
  hash = mixWord(hash, shotResult);
  hash = mixNumber(hash, action.scoreHome);
  hash = mixNumber(hash, action.scoreAway);
  return hash >>> 0;
}
