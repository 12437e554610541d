/**
 * Draws the app icons (a running-track oval with a power spike) as PNG without any image
 * library: a few signed-distance shapes rasterised with anti-aliasing, encoded with zlib.
 * Run once when the design changes: `npx tsx scripts/generate-icons.ts`; the PNGs are committed.
 */
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const background = [11, 61, 58];
const track = [61, 220, 151];
const spike = [255, 212, 0];

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function png(size: number, pixel: (x: number, y: number) => number[]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const rgba = pixel((x + 0.5) / size, (y + 0.5) / size);
      raw.set(rgba, y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]);
}

/** Distance to a stadium (the shape of a 400 m track) centred at .5,.5. */
function stadium(x: number, y: number, scale: number): number {
  const halfStraight = 0.14 * scale;
  const radius = 0.24 * scale;
  const dx = Math.max(Math.abs(x - 0.5) - halfStraight, 0);
  return Math.hypot(dx, y - 0.5) - radius;
}

function mix(a: number[], b: number[], t: number): number[] {
  return a.map((v, i) => Math.round(v + (b[i] - v) * t));
}

function icon(size: number, scale: number, fullBleed: boolean): Buffer {
  const pixelWidth = 1 / size;
  return png(size, (x, y) => {
    const corner = fullBleed ? -1 : Math.hypot(Math.max(Math.abs(x - 0.5) - 0.32, 0), Math.max(Math.abs(y - 0.5) - 0.32, 0)) - 0.18;
    const inside = Math.min(1, Math.max(0, 0.5 - corner / pixelWidth));
    let colour = background;
    const ring = Math.abs(stadium(x, y, scale)) - 0.035 * scale;
    colour = mix(colour, track, Math.min(1, Math.max(0, 0.5 - ring / pixelWidth)));
    // a power spike across the infield
    const t = (x - 0.5) / (0.3 * scale);
    if (Math.abs(t) < 1) {
      const line = 0.5 + 0.03 * scale - 0.16 * scale * Math.exp(-((t * 4) ** 2));
      const d = Math.abs(y - line) - 0.018 * scale;
      colour = mix(colour, spike, Math.min(1, Math.max(0, 0.5 - d / pixelWidth)));
    }
    return [...colour, Math.round(255 * inside)];
  });
}

mkdirSync('public/icons', { recursive: true });
writeFileSync('public/icons/icon-192.png', icon(192, 1, false));
writeFileSync('public/icons/icon-512.png', icon(512, 1, false));
// Maskable: full-bleed background, the mark inside the 80 % safe zone.
writeFileSync('public/icons/icon-maskable-512.png', icon(512, 0.72, true));
writeFileSync(
  'public/icons/icon.svg',
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" rx="18" fill="rgb(${background})"/><rect x="12" y="26" width="76" height="48" rx="24" fill="none" stroke="rgb(${track})" stroke-width="7"/><path d="M20 53 L44 53 L50 36 L56 53 L80 53" fill="none" stroke="rgb(${spike})" stroke-width="4" stroke-linejoin="round"/></svg>\n`,
);
console.log('icons written to public/icons');
