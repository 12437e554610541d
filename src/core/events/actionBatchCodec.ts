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

/**
 * Appends actions to growing columns, so a worker writes each action once, straight from
 * its parse, and hands over the typed arrays at the end.
 */
export class ActionColumnsWriter {
  #numbers: Float64Array;
  #texts: Int32Array;
  #dictionary: string[] = [];
  #indexOf = new Map<string, number>();
  #count = 0;

  constructor(expected = 64) {
    const capacity = Math.max(1, expected);
    this.#numbers = new Float64Array(capacity * STRIDE);
    this.#texts = new Int32Array(capacity * TEXT_FIELDS.length);
  }

  get count(): number {
    return this.#count;
  }

  /** `fingerprint` is actionFingerprint(action) when the caller has it already (a checkpoint does). */
  append(lineNumber: number, action: GameAction, fingerprint = actionFingerprint(action)): void {
    if ((this.#count + 1) * STRIDE > this.#numbers.length) this.#grow();
    const at = this.#count * STRIDE;
    const n = this.#numbers;
    n[at] = lineNumber;
    n[at + 1] = action.actionNumber;
    n[at + 2] = action.orderNumber;
    n[at + 3] = action.period;
    n[at + 4] = action.clockSeconds;
    n[at + 5] = action.timeActualMs;
    n[at + 6] = action.editedMs;
    n[at + 7] = action.teamId;
    n[at + 8] = action.personId;
    n[at + 9] = action.assistPersonId;
    n[at + 10] = action.stealPersonId;
    n[at + 11] = action.blockPersonId;
    n[at + 12] = action.scoreHome;
    n[at + 13] = action.scoreAway;
    n[at + FINGERPRINT] = fingerprint;
    const t = this.#count * TEXT_FIELDS.length;
    this.#texts[t] = this.#index(action.gameId);
    this.#texts[t + 1] = this.#index(action.actionType);
    this.#texts[t + 2] = this.#index(action.subType);
    this.#texts[t + 3] = this.#index(action.qualifiers);
    this.#texts[t + 4] = this.#index(action.teamTricode);
    this.#texts[t + 5] = this.#index(action.playerName);
    this.#texts[t + 6] = this.#index(action.shotResult);
    this.#count++;
  }

  /** The columns, cut to the actions written (the writer is done after this). */
  finish(): EncodedActions {
    return {
      count: this.#count,
      numbers: this.#numbers.slice(0, this.#count * STRIDE),
      texts: this.#texts.slice(0, this.#count * TEXT_FIELDS.length),
      dictionary: this.#dictionary,
    };
  }

  #index(value: string): number {
    let index = this.#indexOf.get(value);
    if (index === undefined) {
      index = this.#dictionary.push(value) - 1;
      this.#indexOf.set(value, index);
    }
    return index;
  }

  #grow(): void {
    const numbers = new Float64Array(this.#numbers.length * 2);
    numbers.set(this.#numbers);
    this.#numbers = numbers;
    const texts = new Int32Array(this.#texts.length * 2);
    texts.set(this.#texts);
    this.#texts = texts;
  }
}

/** `fingerprints[i]`, when given, is actionFingerprint of parsed[i] already (a checkpoint has them). */
export function encodeActions(parsed: readonly LineAction[], fingerprints?: readonly number[]): EncodedActions {
  if (fingerprints !== undefined && fingerprints.length !== parsed.length) throw new Error(`invalid fingerprints: ${fingerprints.length} for ${parsed.length} actions`);
  const writer = new ActionColumnsWriter(parsed.length);
  parsed.forEach(({ lineNumber, action }, row) => writer.append(lineNumber, action, fingerprints?.[row]));
  return writer.finish();
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
