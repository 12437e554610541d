/**
 * The stream's texts (game ids, action types, names…) as small numbers: each distinct text
 * gets an id once, so the model's columns hold numbers and compare numbers. A parsed block
 * brings its own dictionary; `remap` turns it into stream ids with one lookup per distinct
 * text of the block, not one per action. '' is always id 0.
 */
export class TextIds {
  #ids = new Map<string, number>();
  #texts: string[] = [];

  constructor() {
    this.id('');
  }

  get size(): number {
    return this.#texts.length;
  }

  id(text: string): number {
    let id = this.#ids.get(text);
    if (id === undefined) {
      id = this.#texts.push(text) - 1;
      this.#ids.set(text, id);
    }
    return id;
  }

  text(id: number): string {
    const text = this.#texts[id];
    if (text === undefined) throw new Error(`invalid text id: ${id}`);
    return text;
  }

  /** The stream id of each entry of a block's dictionary, in its order. */
  remap(dictionary: readonly string[]): Int32Array {
    const ids = new Int32Array(dictionary.length);
    for (let i = 0; i < dictionary.length; i++) ids[i] = this.id(dictionary[i]);
    return ids;
  }
}
