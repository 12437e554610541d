/**
 * Byte-level damage, seeded, as files meet it: cut short in transfer, bits and bytes flipped
 * on a bad disk, a run of zeros where a block was lost, the wrong file given the right name.
 * Parquet's layout is read from its own footer so that damage lands where it is meant to:
 * in the data pages or in the footer that describes them.
 */
import { createRandom, type Random } from '../../src/core/stats/random';

export type Region = 'anywhere' | 'pages' | 'footer';

/** Byte range of a region: Parquet pages lie between the 4-byte magic and the footer. */
export function regionOf(bytes: Uint8Array, region: Region): [number, number] {
  if (region === 'anywhere') return [0, bytes.length];
  const footerLength = new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 8, 4).getUint32(0, true);
  const footerStart = bytes.length - 8 - footerLength;
  return region === 'pages' ? [4, footerStart] : [footerStart, bytes.length - 8];
}

function positions(random: Random, [start, end]: [number, number], count: number): number[] {
  return Array.from({ length: count }, () => start + random.int(Math.max(1, end - start)));
}

/** The first `fraction` of the file, as a transfer cut short leaves it. */
export function truncated(bytes: Uint8Array, fraction: number): Uint8Array {
  return bytes.slice(0, Math.floor(bytes.length * fraction));
}

/** `count` single bits flipped in `region`. */
export function bitFlips(bytes: Uint8Array, count: number, seed: number, region: Region = 'anywhere'): Uint8Array {
  const random = createRandom(seed);
  const out = bytes.slice();
  for (const at of positions(random, regionOf(bytes, region), count)) out[at] ^= 1 << random.int(8);
  return out;
}

/** `count` bytes replaced by random ones in `region`. */
export function byteFlips(bytes: Uint8Array, count: number, seed: number, region: Region = 'anywhere'): Uint8Array {
  const random = createRandom(seed);
  const out = bytes.slice();
  for (const at of positions(random, regionOf(bytes, region), count)) out[at] = random.int(256);
  return out;
}

/** `length` zero bytes at a random place in `region` (a lost disk block). */
export function zeroRun(bytes: Uint8Array, length: number, seed: number, region: Region = 'anywhere'): Uint8Array {
  const random = createRandom(seed);
  const [start, end] = regionOf(bytes, region);
  const at = start + random.int(Math.max(1, end - start - length));
  const out = bytes.slice();
  out.fill(0, at, Math.min(end, at + length));
  return out;
}

/** The first bytes (a format's magic number) replaced by another format's. */
export function wrongMagic(bytes: Uint8Array, magic: number[]): Uint8Array {
  const out = bytes.slice();
  out.set(magic, 0);
  return out;
}

/** Seeded random bytes: the file that was never what its name says. */
export function randomBytes(length: number, seed: number): Uint8Array {
  const random = createRandom(seed);
  return Uint8Array.from({ length }, () => random.int(256));
}

/** Text as UTF-16 little-endian with its byte-order mark, as Excel's "Unicode text" saves it. */
export function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return out;
}
