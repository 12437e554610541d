/**
 * What a feed's first bytes say about it, before any line is read: compressed (gzip or
 * zlib deflate, which the reader decompresses as a stream), another known kind of file
 * (a zip archive, Parquet, a PDF…, which it refuses by name), or not text at all (refused
 * with one message, instead of thousands of rejected lines of binary).
 *
 * Raw deflate (without the zlib header) has no signature; a `.deflate` file name says it.
 */
export type Compression = 'gzip' | 'deflate' | 'deflate-raw' | 'none';

const SIGNATURES: [number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive'],
  [[0x42, 0x5a, 0x68], 'bzip2-compressed'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'xz-compressed'],
  [[0x28, 0xb5, 0x2f, 0xfd], 'zstd-compressed'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 'a 7-Zip archive'],
  [[0x50, 0x41, 0x52, 0x31], 'a Parquet file'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
];

export const READABLE = 'Trackside reads game streams as JSON lines (UTF-8 text), plain or compressed with gzip or deflate';

function startsWith(head: Uint8Array, signature: readonly number[], at = 0): boolean {
  return head.length >= at + signature.length && signature.every((byte, i) => head[at + i] === byte);
}

/** The compression of a feed from its first bytes (and its name, for raw deflate), or why it is refused. */
export function sniffCompression(head: Uint8Array, name = ''): Compression | { refused: string } {
  if (startsWith(head, [0x1f, 0x8b])) return 'gzip';
  // zlib: compression method 8, a window of at most 32 KB, no preset dictionary, a header checksum that divides by 31.
  if (head.length >= 2 && (head[0] & 0x0f) === 8 && head[0] >> 4 <= 7 && (head[1] & 0x20) === 0 && ((head[0] << 8) | head[1]) % 31 === 0) return 'deflate';
  if (/\.deflate$/i.test(name)) return 'deflate-raw';
  for (const [signature, what] of SIGNATURES) if (startsWith(head, signature)) return { refused: `it is ${what}. ${READABLE}` };
  if (startsWith(head, [0x2e, 0x46, 0x49, 0x54], 8)) return { refused: `it is a FIT activity file (open it in Ride). ${READABLE}` };
  return 'none';
}

/**
 * Why the first (decompressed) bytes of a feed are not JSON-lines text, or null when they
 * are: UTF-16, a NUL byte, bytes that are not UTF-8, or more control characters than a
 * text has. `complete` says the sample is the whole feed (else its last character may be cut).
 */
export function notFeedText(sample: Uint8Array, complete: boolean): string | null {
  if (startsWith(sample, [0xff, 0xfe]) || startsWith(sample, [0xfe, 0xff])) return `it is UTF-16 text; save it as UTF-8. ${READABLE}`;
  const nul = sample.indexOf(0);
  if (nul >= 0) return `it holds binary data (a zero byte at byte ${(nul + 1).toLocaleString('en')}), not text. ${READABLE}`;
  try {
    // Streaming mode: a character cut by the sample's end is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !complete });
  } catch {
    return `it is not UTF-8 text (binary data in its first ${sample.length.toLocaleString('en')} bytes). ${READABLE}`;
  }
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample[i];
    if (c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0x0c) controls++;
  }
  if (controls > Math.max(2, sample.length / 200)) {
    return `it holds binary data (${controls.toLocaleString('en')} control bytes in its first ${sample.length.toLocaleString('en')}), not text. ${READABLE}`;
  }
  return null;
}
