/**
 * Parsed actions as columns, so a block parsed in a compute worker comes back as two
 * transferred typed arrays and a small dictionary instead of thousands of cloned objects,
 * and so the coordinator keeps the actions of its open games as columns too (GameRows),
 * never as an object per action. Numbers go into one Float64Array (row-major, STRIDE per
 * action, exact for every id and epoch millisecond); the short texts repeat a lot (game
 * ids, action types, names), so they become indices into a dictionary of distinct strings.
 * The worker also computes, while it is there and in parallel, each action's fingerprint
 * (the store's duplicate test) and its play code (actionPlay.ts), so the coordinator
 * neither hashes nor compares a text per action.
 */
import { playCode } from './actionPlay.ts';
import { ACTION_TEXTS, actionFingerprint, textHash, type GameAction } from './gameAction.ts';

/** Where each number of an action is in its row. */
export const Num = {
  lineNumber: 0, actionNumber: 1, orderNumber: 2, period: 3, clockSeconds: 4, timeActualMs: 5, editedMs: 6, teamId: 7,
  personId: 8, assistPersonId: 9, stealPersonId: 10, blockPersonId: 11, scoreHome: 12, scoreAway: 13, fingerprint: 14, play: 15,
} as const;
/** Numbers per action. */
export const STRIDE = 16;

/** Where each text of an action is in its row of `texts` (ACTION_TEXTS order). */
export const Txt = { gameId: 0, actionType: 1, subType: 2, qualifiers: 3, teamTricode: 4, playerName: 5, shotResult: 6 } as const;
/** Texts per action. */
export const TEXT_WIDTH = ACTION_TEXTS.length;

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
 * its parse, and hands over the typed arrays at the end. Each distinct text is hashed once
 * (for the fingerprints), when it enters the dictionary.
 */
export class ActionColumnsWriter {
  #numbers: Float64Array;
  #texts: Int32Array;
  #dictionary: string[] = [];
  #hashes: number[] = [];
  #indexOf = new Map<string, number>();
  #rowHashes = new Float64Array(TEXT_WIDTH);
  #count = 0;

  /**
   * `expected`: the actions to come (at most): the columns are made that long at once, in
   * `spare` buffers when they are long enough (a worker's reused columns).
   */
  constructor(expected = 64, spare?: { numbers: ArrayBuffer; texts: ArrayBuffer }) {
    const capacity = Math.max(1, expected);
    const fits = spare !== undefined && spare.numbers.byteLength >= capacity * STRIDE * 8 && spare.texts.byteLength >= capacity * TEXT_WIDTH * 4;
    this.#numbers = fits ? new Float64Array(spare.numbers, 0, capacity * STRIDE) : new Float64Array(capacity * STRIDE);
    this.#texts = fits ? new Int32Array(spare.texts, 0, capacity * TEXT_WIDTH) : new Int32Array(capacity * TEXT_WIDTH);
  }

  get count(): number {
    return this.#count;
  }

  /** `fingerprint` is actionFingerprint(action) when the caller has it already (a checkpoint does). */
  append(lineNumber: number, action: GameAction, fingerprint?: number): void {
    if ((this.#count + 1) * STRIDE > this.#numbers.length) this.#grow();
    const t = this.#count * TEXT_WIDTH;
    for (let i = 0; i < TEXT_WIDTH; i++) {
      const index = this.#index(action[ACTION_TEXTS[i]]);
      this.#texts[t + i] = index;
      this.#rowHashes[i] = this.#hashes[index];
    }
    const at = this.#count * STRIDE;
    const n = this.#numbers;
    writeActionNumbers(n, at, action, lineNumber, fingerprint ?? actionFingerprint(action, this.#rowHashes));
    this.#count++;
  }

  /**
   * The columns of the actions written (the writer is done after this). They are views of
   * the whole columns when the writer was made longer than needed: transferable as they
   * are; a caller that keeps them (an archive) sizes the writer exactly.
   */
  finish(): EncodedActions {
    return {
      count: this.#count,
      numbers: this.#numbers.length === this.#count * STRIDE ? this.#numbers : this.#numbers.subarray(0, this.#count * STRIDE),
      texts: this.#texts.length === this.#count * TEXT_WIDTH ? this.#texts : this.#texts.subarray(0, this.#count * TEXT_WIDTH),
      dictionary: this.#dictionary,
    };
  }

  #index(value: string): number {
    let index = this.#indexOf.get(value);
    if (index === undefined) {
      index = this.#dictionary.push(value) - 1;
      this.#hashes.push(textHash(value));
      this.#indexOf.set(value, index);
    }
    return index;
  }

  #grow(): void {
    this.#numbers = doubled(this.#numbers);
    this.#texts = doubled(this.#texts);
  }
}

/** `fingerprints[i]`, when given, is actionFingerprint of parsed[i] already (a checkpoint has them). */
export function encodeActions(parsed: readonly LineAction[], fingerprints?: readonly number[]): EncodedActions {
  if (fingerprints !== undefined && fingerprints.length !== parsed.length) throw new Error(`invalid fingerprints: ${fingerprints.length} for ${parsed.length} actions`);
  const writer = new ActionColumnsWriter(parsed.length);
  parsed.forEach(({ lineNumber, action }, row) => writer.append(lineNumber, action, fingerprints?.[row]));
  return writer.finish();
}

/** Refuses columns that do not fit their count or point outside their dictionary (they may come from storage). */
export function checkEncoded(encoded: EncodedActions): void {
  const { count, numbers, texts, dictionary } = encoded;
  if (numbers.length !== count * STRIDE || texts.length !== count * TEXT_WIDTH) {
    throw new Error(`invalid encoded actions: ${count} actions but ${numbers.length} numbers and ${texts.length} texts`);
  }
  for (let i = 0; i < texts.length; i++) {
    if (!(texts[i] >= 0 && texts[i] < dictionary.length)) throw new Error(`invalid encoded actions: text index ${texts[i]} outside the dictionary`);
  }
}

/** Row `row` of numbers and texts as a GameAction, its texts looked up by `text`. */
export function actionOfRow(numbers: Float64Array, texts: Int32Array, row: number, text: (index: number) => string): GameAction {
  const n = row * STRIDE;
  const t = row * TEXT_WIDTH;
  return {
    gameId: text(texts[t]), actionNumber: numbers[n + Num.actionNumber], orderNumber: numbers[n + Num.orderNumber], period: numbers[n + Num.period],
    clockSeconds: numbers[n + Num.clockSeconds], timeActualMs: numbers[n + Num.timeActualMs], editedMs: numbers[n + Num.editedMs],
    actionType: text(texts[t + Txt.actionType]), subType: text(texts[t + Txt.subType]), qualifiers: text(texts[t + Txt.qualifiers]),
    teamId: numbers[n + Num.teamId], teamTricode: text(texts[t + Txt.teamTricode]), personId: numbers[n + Num.personId],
    playerName: text(texts[t + Txt.playerName]), assistPersonId: numbers[n + Num.assistPersonId], stealPersonId: numbers[n + Num.stealPersonId],
    blockPersonId: numbers[n + Num.blockPersonId], shotResult: text(texts[t + Txt.shotResult]), scoreHome: numbers[n + Num.scoreHome],
    scoreAway: numbers[n + Num.scoreAway],
  };
}

export function decodeActions(encoded: EncodedActions): FingerprintedAction[] {
  checkEncoded(encoded);
  const { count, numbers, texts, dictionary } = encoded;
  const text = (index: number): string => dictionary[index];
  const out: FingerprintedAction[] = new Array(count);
  for (let row = 0; row < count; row++) {
    out[row] = { lineNumber: numbers[row * STRIDE], fingerprint: numbers[row * STRIDE + Num.fingerprint], action: actionOfRow(numbers, texts, row, text) };
  }
  return out;
}

/** One action's numbers in the row layout (Num, STRIDE): the batch and the model's GameRows write alike. */
export function writeActionNumbers(n: Float64Array, at: number, action: GameAction, lineNumber: number, fingerprint: number): void {
  n[at] = lineNumber;
  n[at + Num.actionNumber] = action.actionNumber;
  n[at + Num.orderNumber] = action.orderNumber;
  n[at + Num.period] = action.period;
  n[at + Num.clockSeconds] = action.clockSeconds;
  n[at + Num.timeActualMs] = action.timeActualMs;
  n[at + Num.editedMs] = action.editedMs;
  n[at + Num.teamId] = action.teamId;
  n[at + Num.personId] = action.personId;
  n[at + Num.assistPersonId] = action.assistPersonId;
  n[at + Num.stealPersonId] = action.stealPersonId;
  n[at + Num.blockPersonId] = action.blockPersonId;
  n[at + Num.scoreHome] = action.scoreHome;
  n[at + Num.scoreAway] = action.scoreAway;
  n[at + Num.fingerprint] = fingerprint;
  n[at + Num.play] = playCode(action);
}

/** A column twice as long holding what it held: rows appended one by one grow this way. */
export function doubled<T extends Float64Array | Int32Array>(column: T): T {
  const grown = new (column.constructor as new (length: number) => T)(column.length * 2);
  grown.set(column);
  return grown;
}
