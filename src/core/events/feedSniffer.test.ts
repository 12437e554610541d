import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { notFeedText, sniffCompression } from './feedSniffer.ts';

const text = '{"gameId":"0022400695","actionNumber":2,"playerNameI":"N. Vučević"}\n';
const bytes = (value: string | Uint8Array): Uint8Array => (typeof value === 'string' ? new TextEncoder().encode(value) : new Uint8Array(value));

describe('sniffCompression', () => {
  it('knows gzip and zlib deflate by their first bytes, raw deflate by its name, plain text as none', () => {
    expect(sniffCompression(bytes(gzipSync(text)))).toBe('gzip');
    for (const level of [1, 6, 9]) expect(sniffCompression(bytes(deflateSync(text, { level })))).toBe('deflate');
    expect(sniffCompression(bytes(deflateRawSync(text)), 'day.jsonl.deflate')).toBe('deflate-raw');
    expect(sniffCompression(bytes(text))).toBe('none');
    expect(sniffCompression(bytes('x y z'))).toBe('none');
  });

  it('refuses other kinds of file by name, saying what it reads', () => {
    const zip = sniffCompression(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]));
    expect(zip).toEqual({ refused: 'it is a zip archive. Trackside reads game streams as JSON lines (UTF-8 text), plain or compressed with gzip or deflate' });
    expect(sniffCompression(bytes('PAR1....'))).toMatchObject({ refused: expect.stringMatching(/^it is a Parquet file\./) });
    const fit = new Uint8Array(16);
    fit.set(bytes('.FIT'), 8);
    expect(sniffCompression(fit)).toMatchObject({ refused: expect.stringMatching(/^it is a FIT activity file \(open it in Ride\)/) });
  });
});

describe('notFeedText', () => {
  it('takes UTF-8 lines, a character cut by the sample end included', () => {
    const encoded = bytes(text.repeat(3));
    expect(notFeedText(encoded, true)).toBeNull();
    const cut = encoded.indexOf(0xc4) + 1; // inside "č"
    expect(notFeedText(encoded.subarray(0, cut), false)).toBeNull();
  });

  it('refuses binary, UTF-16 and Latin-1 at once, with the reason', () => {
    expect(notFeedText(new Uint8Array([0x7b, 0x00, 0x7d]), true)).toMatch(/^it holds binary data \(a zero byte at byte 2\), not text\./);
    expect(notFeedText(new Uint8Array([0xff, 0xfe, 0x7b, 0x00]), true)).toMatch(/^it is UTF-16 text; save it as UTF-8\./);
    expect(notFeedText(new Uint8Array([0x7b, 0xe9, 0x7d, 0x0a]), true)).toMatch(/^it is not UTF-8 text/);
    const controls = new Uint8Array(1000).fill(0x41);
    for (let i = 0; i < 1000; i += 50) controls[i] = 0x01;
    expect(notFeedText(controls, true)).toMatch(/^it holds binary data \(20 control bytes in its first 1,000\)/);
  });
});
