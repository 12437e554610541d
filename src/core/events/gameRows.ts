/**
 * The versions of one open game's actions, held as columns (the layout of actionBatchCodec,
 * texts as the stream's TextIds): a row is appended once per accepted version, straight from
 * the parsed block's columns, and the model refers to it by its row number. No object per
 * action is made or kept, so an hours-long stream gives the garbage collector nothing to
 * trace; an action becomes an object only to be shown or sent (`action`), and a closing game
 * or a checkpoint copies its rows out as columns (`encode`).
 */
import { actionOfRow, checkEncoded, doubled, STRIDE, TEXT_WIDTH, writeActionNumbers, type EncodedActions } from './actionBatchCodec.ts';
import { ACTION_TEXTS, type GameAction } from './gameAction.ts';
import type { TextIds } from './textIds.ts';

/** Scratch for `encode`: a stream text id's index in the dictionary being built. */
let localIndex = new Int32Array(1024).fill(-1);

export class GameRows {
  readonly gameId: string;
  #numbers: Float64Array;
  #texts: Int32Array;
  #count = 0;

  /** `capacity`: rows made room for at once (a game has about 500 actions). */
  constructor(gameId: string, capacity = 512) {
    this.gameId = gameId;
    this.#numbers = new Float64Array(capacity * STRIDE);
    this.#texts = new Int32Array(capacity * TEXT_WIDTH);
  }

  get count(): number {
    return this.#count;
  }

  /** Number `column` (Num) of a row. */
  num(row: number, column: number): number {
    return this.#numbers[row * STRIDE + column];
  }

  /** Text id `field` (Txt) of a row. */
  textId(row: number, field: number): number {
    return this.#texts[row * TEXT_WIDTH + field];
  }

  /** Appends row `row` of a parsed block; `ids` are the stream ids of the block's dictionary. Answers the new row. */
  appendRow(numbers: Float64Array, texts: Int32Array, row: number, ids: Int32Array): number {
    if (this.#count * STRIDE === this.#numbers.length) this.#grow();
    const to = this.#count * STRIDE;
    const from = row * STRIDE;
    const n = this.#numbers;
    for (let i = 0; i < STRIDE; i++) n[to + i] = numbers[from + i];
    const toText = this.#count * TEXT_WIDTH;
    const fromText = row * TEXT_WIDTH;
    for (let i = 0; i < TEXT_WIDTH; i++) this.#texts[toText + i] = ids[texts[fromText + i]];
    return this.#count++;
  }

  /** Appends an action given as an object (its fingerprint known), for the callers that have objects. */
  appendAction(action: GameAction, fingerprint: number, ids: TextIds): number {
    if (this.#count * STRIDE === this.#numbers.length) this.#grow();
    const at = this.#count * STRIDE;
    const n = this.#numbers;
    writeActionNumbers(n, at, action, 0, fingerprint);
    const t = this.#count * TEXT_WIDTH;
    for (let i = 0; i < TEXT_WIDTH; i++) this.#texts[t + i] = ids.id(action[ACTION_TEXTS[i]]);
    return this.#count++;
  }

  /** A row as a GameAction (to show or send it). */
  action(row: number, ids: TextIds): GameAction {
    if (!(row >= 0 && row < this.#count)) throw new Error(`invalid row ${row} of game ${this.gameId} (${this.#count} rows)`);
    return actionOfRow(this.#numbers, this.#texts, row, (id) => ids.text(id));
  }

  /** These rows as self-contained columns with their own dictionary (an archive, a checkpoint): copied, not rebuilt. */
  encode(rows: readonly number[], ids: TextIds): EncodedActions {
    const numbers = new Float64Array(rows.length * STRIDE);
    const texts = new Int32Array(rows.length * TEXT_WIDTH);
    const dictionary: string[] = [];
    // Stream text id → index in this dictionary (−1: not yet), reset for the next caller.
    if (localIndex.length < ids.size) localIndex = new Int32Array(Math.max(ids.size, 2 * localIndex.length)).fill(-1);
    const used: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (!(row >= 0 && row < this.#count)) throw new Error(`invalid row ${row} of game ${this.gameId} (${this.#count} rows)`);
      for (let k = 0, from = row * STRIDE, to = i * STRIDE; k < STRIDE; k++) numbers[to + k] = this.#numbers[from + k];
      for (let f = 0; f < TEXT_WIDTH; f++) {
        const id = this.#texts[row * TEXT_WIDTH + f];
        let index = localIndex[id];
        if (index < 0) {
          index = localIndex[id] = dictionary.push(ids.text(id)) - 1;
          used.push(id);
        }
        texts[i * TEXT_WIDTH + f] = index;
      }
    }
    for (const id of used) localIndex[id] = -1;
    return { count: rows.length, numbers, texts, dictionary };
  }

  /** A game's rows back from `encode` (a resumed checkpoint): row i is encoded row i. */
  static decode(gameId: string, encoded: EncodedActions, ids: TextIds): GameRows {
    checkEncoded(encoded);
    const rows = new GameRows(gameId, Math.max(16, encoded.count));
    const remapped = ids.remap(encoded.dictionary);
    for (let row = 0; row < encoded.count; row++) rows.appendRow(encoded.numbers, encoded.texts, row, remapped);
    return rows;
  }

  #grow(): void {
    this.#numbers = doubled(this.#numbers);
    this.#texts = doubled(this.#texts);
  }
}
