/**
 * Parsed actions as columns, so a block parsed in a compute worker comes back as two
 * transferred typed arrays and a small dictionary instead of thousands of cloned objects.
 * Numbers go into one Float64Array (row-major, NUMBER_FIELDS per action, exact for every id
 * and epoch millisecond); the short texts repeat a lot (game ids, action types, names), so
 * they become indices into a dictionary of distinct strings. The worker also computes each
 * action's fingerprint (the store's duplicate test) while it is there, in parallel, so the
 * coordinator does not hash every field again.
 */
import { actionFingerprint, type GameAction } from './gameAction.ts';

const NUMBER_FIELDS = [
  'actionNumber', 'orderNumber', 'period', 'clockSeconds', 'timeActualMs', 'editedMs', 'teamId',
  'personId', 'assistPersonId', 'stealPersonId', 'blockPersonId', 'scoreHome', 'scoreAway',
] as const satisfies readonly (keyof GameAction)[];

const TEXT_FIELDS = [
  'gameId', 'actionType', 'subType', 'qualifiers', 'teamTricode', 'playerName', 'shotResult',
] as const satisfies readonly (keyof GameAction)[];

/** Numbers per action: the line number, the GameAction numbers, the fingerprint. */
const STRIDE = NUMBER_FIELDS.length + 2;
const FINGERPRINT = STRIDE - 1;

export interface EncodedActions {
  count: number;
  numbers: Float64Array;
  texts: Int32Array;
  dictionary: string[];
}

export interface LineAction {
  lineNumber: number;
  action: GameAction;
}

/** A decoded action with actionFingerprint(action), computed where it was parsed. */
export interface FingerprintedAction extends LineAction {
  fingerprint: number;
}

/** `fingerprints[i]`, when given, is actionFingerprint of parsed[i] already (a checkpoint has them). */
export function encodeActions(parsed: readonly LineAction[], fingerprints?: readonly number[]): EncodedActions {
  if (fingerprints !== undefined && fingerprints.length !== parsed.length) throw new Error(`invalid fingerprints: ${fingerprints.length} for ${parsed.length} actions`);
  const numbers = new Float64Array(parsed.length * STRIDE);
  const texts = new Int32Array(parsed.length * TEXT_FIELDS.length);
  const dictionary: string[] = [];
  const indexOf = new Map<string, number>();
  parsed.forEach(({ lineNumber, action }, row) => {
    const at = row * STRIDE;
    numbers[at] = lineNumber;
    NUMBER_FIELDS.forEach((field, i) => (numbers[at + 1 + i] = action[field]));
    numbers[at + FINGERPRINT] = fingerprints?.[row] ?? actionFingerprint(action);
    TEXT_FIELDS.forEach((field, i) => {
      const value = action[field];
      let index = indexOf.get(value);
      if (index === undefined) {
        index = dictionary.push(value) - 1;
        indexOf.set(value, index);
      }
      texts[row * TEXT_FIELDS.length + i] = index;
    });
  });
  return { count: parsed.length, numbers, texts, dictionary };
}

export function decodeActions(encoded: EncodedActions): FingerprintedAction[] {
  const { count, numbers, texts, dictionary } = encoded;
  const width = TEXT_FIELDS.length;
  if (numbers.length !== count * STRIDE || texts.length !== count * width) {
    throw new Error(`invalid encoded actions: ${count} actions but ${numbers.length} numbers and ${texts.length} texts`);
  }
  for (let i = 0; i < texts.length; i++) {
    if (!(texts[i] >= 0 && texts[i] < dictionary.length)) throw new Error(`invalid encoded actions: text index ${texts[i]} outside the dictionary`);
  }
  const out: FingerprintedAction[] = new Array(count);
  for (let row = 0; row < count; row++) {
    const at = row * STRIDE;
    const n = at + 1;
    const t = row * width;
    out[row] = {
      lineNumber: numbers[at],
      fingerprint: numbers[at + FINGERPRINT],
      action: {
        gameId: dictionary[texts[t]], actionNumber: numbers[n], orderNumber: numbers[n + 1], period: numbers[n + 2],
        clockSeconds: numbers[n + 3], timeActualMs: numbers[n + 4], editedMs: numbers[n + 5],
        actionType: dictionary[texts[t + 1]], subType: dictionary[texts[t + 2]], qualifiers: dictionary[texts[t + 3]], teamId: numbers[n + 6],
        teamTricode: dictionary[texts[t + 4]], personId: numbers[n + 7], playerName: dictionary[texts[t + 5]], assistPersonId: numbers[n + 8],
        stealPersonId: numbers[n + 9], blockPersonId: numbers[n + 10], shotResult: dictionary[texts[t + 6]],
        scoreHome: numbers[n + 11], scoreAway: numbers[n + 12],
      },
    };
  }
  return out;
}
