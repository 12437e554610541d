/**
 * Finds the fields a game action needs in a JSON line's bytes, without decoding the line
 * and without building the objects of the fields nobody reads (a feed line carries a
 * description, coordinates, id lists: most of its bytes). One pass, one function, no
 * recursion: this is the hot loop of every compute worker, and it runs several times faster
 * than decoding the line and JSON.parse (see the stream benchmark).
 *
 * The whole line is checked against the JSON grammar — structure, strings (no raw control
 * characters, valid escapes), numbers, literals — so a line it accepts is one JSON.parse
 * accepts. For each wanted key at the top level it records where the value lies and what
 * it is (`spans`: start, end, kind per key; the last of a repeated key wins, as in
 * JSON.parse). A wanted text with an escape, or a wanted value that is an object or a list
 * of anything but plain texts, is marked COMPLEX: the caller then reads the line with
 * JSON.parse. An invalid line answers −1, and JSON.parse gives the reason. The scan also
 * finds where the line ends, so a block's bytes are read once, not once to split and once
 * to scan: a newline is never inside a valid line (in JSON a raw newline may only be a
 * blank between tokens, and a line has none), so a scan stops at its line's end.
 */
/** What a wanted value is, in `spans`. */
export const Span = {
  Absent: 0,
  Text: 1,
  Number: 2,
  True: 3,
  False: 4,
  Null: 5,
  /** A list of plain texts (the qualifiers). */
  Words: 6,
  /** Only JSON.parse can read it (an escape in a text, an object, a list of other things). */
  Complex: 7,
} as const;
export type SpanKind = (typeof Span)[keyof typeof Span];

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MAX_DEPTH = 32;
const TABLE_BITS = 12;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
/** 1 for a byte that may stand as it is in a JSON text: not a quote, a backslash or a control character. */
const PLAIN = new Uint8Array(256).map((_, c) => (c >= 0x20 && c !== QUOTE && c !== BACKSLASH ? 1 : 0));

/** The key's table slot; scan computes the same hash inline while it reads the key. */
function keyHash(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0;
  for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + bytes[i]) | 0;
  return (hash ^ (hash >>> TABLE_BITS)) & TABLE_MASK;
}

export class JsonFieldScanner {
  readonly keys: readonly string[];
  /** slot + 1 by key hash (0: no wanted key there). */
  #table = new Int16Array(1 << TABLE_BITS);
  #keyBytes: Uint8Array[];

  constructor(keys: readonly string[]) {
    this.keys = keys;
    const encoder = new TextEncoder();
    this.#keyBytes = keys.map((key) => encoder.encode(key));
    this.#keyBytes.forEach((bytes, slot) => {
      if (bytes.length !== keys[slot].length) throw new Error(`invalid key ${keys[slot]}: only ASCII keys are read from bytes`);
      const at = keyHash(bytes, 0, bytes.length);
      if (this.#table[at] !== 0) throw new Error(`keys ${keys[this.#table[at] - 1]} and ${keys[slot]} share a hash slot`);
      this.#table[at] = slot + 1;
    });
  }

  /** A spans array for this scanner: 3 numbers (start, end, kind) per key. */
  createSpans(): Int32Array {
    return new Int32Array(this.keys.length * 3);
  }

  /**
   * Scans the line that starts at `start`, reading no further than `end` (the end of the
   * block: the line's own end is found here). Answers where the line ends — its newline, or
   * `end` — when the line is one valid JSON object and blanks (its wanted values are in
   * `spans`); −1 when it is not an object, not valid or not over by `end`: JSON.parse's turn.
   */
  scan(b: Uint8Array, start: number, end: number, spans: Int32Array): number {
    for (let k = 2; k < spans.length; k += 3) spans[k] = Span.Absent;
    const table = this.#table;
    let i = start;
    let c = b[i];
    while (i < end && (c === 0x20 || c === 0x09 || c === 0x0d)) c = b[++i];
    if (i >= end || c !== 0x7b) return -1;
    // Containers as bits, innermost lowest: 1 an object, 0 a list.
    let objects = 1;
    let depth = 1;
    let allowClose = true;
    i++;
    element: for (;;) {
      c = b[i];
      while (c === 0x20 || c === 0x09 || c === 0x0d) c = b[++i];
      if (i >= end) return -1;
      let closed = false;
      if (c === ((objects & 1) === 1 ? 0x7d : 0x5d)) {
        if (!allowClose) return -1;
        i++;
        closed = true;
      } else {
        let slot = -1;
        if ((objects & 1) === 1) {
          if (c !== QUOTE) return -1;
          const keyStart = ++i;
          let hash = 0;
          c = b[i];
          while (PLAIN[c] === 1) {
            hash = (Math.imul(hash, 31) + c) | 0;
            c = b[++i];
          }
          // An escape in a key, a control character, or past the end: JSON.parse's turn.
          if (c !== QUOTE || i >= end) return -1;
          if (depth === 1) {
            const candidate = table[(hash ^ (hash >>> TABLE_BITS)) & TABLE_MASK] - 1;
            if (candidate >= 0 && this.#sameKey(b, keyStart, i, candidate)) slot = candidate;
          }
          c = b[++i];
          while (c === 0x20 || c === 0x09 || c === 0x0d) c = b[++i];
          if (c !== 0x3a) return -1;
          c = b[++i];
          while (c === 0x20 || c === 0x09 || c === 0x0d) c = b[++i];
          if (i >= end) return -1;
        }
        const valueStart = i;
        let kind: SpanKind = Span.Number;
        if (c === QUOTE) {
          kind = Span.Text;
          c = b[++i];
          for (;;) {
            // Most of a line's bytes are in texts: one table look a byte, to a quote, an escape or a control character.
            while (PLAIN[c] === 1) c = b[++i];
            if (c === QUOTE && i < end) break;
            if (c !== BACKSLASH || i >= end) return -1;
            kind = Span.Complex;
            c = b[++i];
            if (c === 0x75) {
              for (let k = 0; k < 4; k++) {
                c = b[++i];
                if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66))) return -1;
              }
            } else if (c !== QUOTE && c !== BACKSLASH && c !== 0x2f && c !== 0x62 && c !== 0x66 && c !== 0x6e && c !== 0x72 && c !== 0x74) {
              return -1;
            }
            c = b[++i];
          }
          i++;
        } else if (c === 0x7b || c === 0x5b) {
          if (slot >= 0) {
            // A wanted list of plain texts is read here; anything else is JSON.parse's.
            const wordsEnd = c === 0x5b ? wordListEnd(b, i + 1, end) : -1;
            if (wordsEnd < 0) {
              record(spans, slot, valueStart, valueStart, Span.Complex);
            } else {
              record(spans, slot, valueStart, wordsEnd, Span.Words);
              i = wordsEnd;
              slot = -2;
            }
          }
          if (slot !== -2) {
            if (depth >= MAX_DEPTH) return -1;
            depth++;
            objects = (objects << 1) | (c === 0x7b ? 1 : 0);
            allowClose = true;
            i++;
            continue element;
          }
          slot = -1;
        } else if (c === 0x74) {
          if (b[i + 1] !== 0x72 || b[i + 2] !== 0x75 || b[i + 3] !== 0x65) return -1;
          kind = Span.True;
          i += 4;
        } else if (c === 0x66) {
          if (b[i + 1] !== 0x61 || b[i + 2] !== 0x6c || b[i + 3] !== 0x73 || b[i + 4] !== 0x65) return -1;
          kind = Span.False;
          i += 5;
        } else if (c === 0x6e) {
          if (b[i + 1] !== 0x75 || b[i + 2] !== 0x6c || b[i + 3] !== 0x6c) return -1;
          kind = Span.Null;
          i += 4;
        } else {
          i = numberEnd(b, i, end);
          if (i < 0) return -1;
        }
        if (slot >= 0) record(spans, slot, valueStart, i, kind);
      }
      // After a value, or a container that just closed: a comma, or the close of the container.
      for (;;) {
        if (closed) {
          if (--depth === 0) break element;
          objects >>>= 1;
          closed = false;
        }
        c = b[i];
        while (c === 0x20 || c === 0x09 || c === 0x0d) c = b[++i];
        if (i >= end) return -1;
        if (c === 0x2c) {
          i++;
          allowClose = false;
          continue element;
        }
        if (c !== ((objects & 1) === 1 ? 0x7d : 0x5d)) return -1;
        i++;
        closed = true;
      }
    }
    // Only blanks may follow the object, up to the newline.
    c = b[i];
    while (i < end && (c === 0x20 || c === 0x09 || c === 0x0d)) c = b[++i];
    if (i >= end) return end;
    return c === 0x0a ? i : -1;
  }

  #sameKey(b: Uint8Array, start: number, end: number, slot: number): boolean {
    const key = this.#keyBytes[slot];
    if (key.length !== end - start) return false;
    for (let k = 0; k < key.length; k++) if (key[k] !== b[start + k]) return false;
    return true;
  }
}

function record(spans: Int32Array, slot: number, start: number, end: number, kind: SpanKind): void {
  spans[slot * 3] = start;
  spans[slot * 3 + 1] = end;
  spans[slot * 3 + 2] = kind;
}

/** The end of a JSON number starting at i, or −1. */
function numberEnd(b: Uint8Array, i: number, end: number): number {
  let c = b[i];
  if (c === 0x2d) c = b[++i];
  if (c === 0x30) c = b[++i];
  else if (c >= 0x31 && c <= 0x39) while (c >= 0x30 && c <= 0x39) c = b[++i];
  else return -1;
  if (c === 0x2e) {
    c = b[++i];
    if (!(c >= 0x30 && c <= 0x39)) return -1;
    while (c >= 0x30 && c <= 0x39) c = b[++i];
  }
  if (c === 0x65 || c === 0x45) {
    c = b[++i];
    if (c === 0x2b || c === 0x2d) c = b[++i];
    if (!(c >= 0x30 && c <= 0x39)) return -1;
    while (c >= 0x30 && c <= 0x39) c = b[++i];
  }
  return i <= end ? i : -1;
}

/** After `[`: the end of a list of plain texts (no escapes), or −1 when it is anything else. */
function wordListEnd(b: Uint8Array, i: number, end: number): number {
  let c = b[i];
  while (c === 0x20 || c === 0x09 || c === 0x0d) c = b[++i];
  if (c === 0x5d) return i + 1;
  for (;;) {
    if (c !== QUOTE) return -1;
    c = b[++i];
    while (c !== QUOTE) {
      if (c === BACKSLASH || c < 0x20 || i >= end) return -1;
      c = b[++i];
    }
    c = b[++i];
    while (c === 0x20 || c === 0x09 || c === 0x0d) c = b[++i];
    if (c === 0x5d) return i + 1;
    if (c !== 0x2c) return -1;
    c = b[++i];
    while (c === 0x20 || c === 0x09 || c === 0x0d) c = b[++i];
  }
}
