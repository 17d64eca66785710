#!/usr/bin/env node
// Draws images/icon.png (128×128, RGBA) without any image library: a blue tile, a white
// page with a folded corner and text lines, and a yellow badge with a check mark.
// Shapes are signed-distance functions, 4×4 supersampled for smooth edges; the PNG is
// written with zlib. Run: node scripts/make-icon.mjs [out.png]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SS = 4; // samples per axis

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? `${root}/images/icon.png`);

// ---- shapes (distance < 0 = inside) ----
const roundRect = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const cy = Math.max(y0 + r - y, 0, y - (y1 - r));
  const inner = Math.min(Math.max(x0 + r - x, x - (x1 - r), y0 + r - y, y - (y1 - r)), 0);
  return Math.hypot(cx, cy) + inner - r;
};
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
const segment = (x, y, ax, ay, bx, by, w) => {
  const px = x - ax,
    py = y - ay,
    dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - t * dx, py - t * dy) - w / 2;
};
// The page: a rectangle whose top-right corner is cut off along a diagonal.
const page = (x, y) => Math.max(roundRect(x, y, 30, 18, 90, 108, 4), x - 72 - (y - 18) - 0.0 > 0 ? (x - 72 - (y - 18)) / Math.SQRT2 : -Infinity);
const fold = (x, y) => Math.max(x - 90, 18 - y, -(x - 72 - (y - 18)) / Math.SQRT2, 72 - x, y - 36);

const BLUE = [0x00, 0x52, 0x93];
const WHITE = [0xff, 0xff, 0xff];
const FOLD = [0xc9, 0xd6, 0xe3];
const LINE = [0x8a, 0xa4, 0xbf];
const YELLOW = [0xfe, 0xcc, 0x02];
const DARK = [0x00, 0x3a, 0x6b];

/** Layers from back to front: [distance function, colour]. */
const layers = [
  [(x, y) => roundRect(x, y, 4, 4, 124, 124, 22), BLUE],
  [page, WHITE],
  [fold, FOLD],
  ...[44, 56, 68, 80].map((ly, i) => [(x, y) => segment(x, y, 40, ly, i === 3 ? 62 : 80, ly, 5), LINE]),
  [(x, y) => circle(x, y, 92, 92, 25), BLUE],
  [(x, y) => circle(x, y, 92, 92, 21), YELLOW],
  [(x, y) => Math.min(segment(x, y, 81, 92, 89, 100, 7), segment(x, y, 89, 100, 103, 83, 7)), DARK],
];

const pixels = Buffer.alloc(SIZE * SIZE * 4);
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    let r = 0,
      g = 0,
      b = 0,
      a = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const x = px + (sx + 0.5) / SS,
          y = py + (sy + 0.5) / SS;
        let colour = null;
        for (const [inside, c] of layers) if (inside(x, y) < 0) colour = c;
        if (colour) {
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 1;
        }
      }
    }
    const o = (py * SIZE + px) * 4;
    if (a > 0) {
      pixels[o] = Math.round(r / a);
      pixels[o + 1] = Math.round(g / a);
      pixels[o + 2] = Math.round(b / a);
    }
    pixels[o + 3] = Math.round((255 * a) / (SS * SS));
  }
}

// ---- PNG encoding ----
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8;
ihdr[9] = 6; // 8-bit RGBA
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) pixels.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4); // filter 0
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, png);
console.log(`${out}: ${SIZE}×${SIZE}, ${png.length} bytes`);
