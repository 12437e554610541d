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

function mixText(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  // A separator, so that "ab" + "c" and "a" + "bc" differ.
  return Math.imul(hash ^ 0x1f, 0x01000193);
}

function mixNumber(hash: number, value: number): number {
  numberView[0] = value;
  hash = Math.imul(hash ^ numberWords[0], 0x01000193);
  return Math.imul(hash ^ numberWords[1], 0x01000193);
}

/**
 * A 32-bit FNV-1a-style fingerprint of every field, so the store can tell a repeat of the
 * same version (a duplicate) from a different content under the same `edited` without
 * keeping the text. Field order is fixed here, not by object key order; numbers are mixed
 * as their 64 bits, texts as their UTF-16 code units.
 */
export function actionFingerprint(action: GameAction): number {
  let hash = 0x811c9dc5;
  hash = mixText(hash, action.gameId);
  hash = mixNumber(hash, action.actionNumber);
  hash = mixNumber(hash, action.orderNumber);
  hash = mixNumber(hash, action.period);
  hash = mixNumber(hash, action.clockSeconds);
  hash = mixNumber(hash, action.timeActualMs);
  hash = mixNumber(hash, action.editedMs);
  hash = mixText(hash, action.actionType);
  hash = mixText(hash, action.subType);
  hash = mixText(hash, action.qualifiers);
  hash = mixNumber(hash, action.teamId);
  hash = mixText(hash, action.teamTricode);
  hash = mixNumber(hash, action.personId);
  hash = mixText(hash, action.playerName);
  hash = mixNumber(hash, action.assistPersonId);
  hash = mixNumber(hash, action.stealPersonId);
  hash = mixNumber(hash, action.blockPersonId);
  hash = mixText(hash, action.shotResult);
  hash = mixNumber(hash, action.scoreHome);
  hash = mixNumber(hash, action.scoreAway);
  return hash >>> 0;
}
