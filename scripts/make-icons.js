#!/usr/bin/env node
/* global Buffer */
/**
 * Draws the add-in's ribbon and manifest icons (assets/icon-{16,32,64,80}.png): a green rounded
 * square with a small table and a white check mark. A tiny PNG encoder (zlib, RGBA, 4×4 supersampling),
 * no dependencies. Run `node scripts/make-icons.js` after changing the drawing; the PNGs are committed.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80];
const GREEN = [33, 115, 70];
const WHITE = [255, 255, 255];
const LIGHT = [198, 239, 206];

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Distance from point p to segment ab (unit coordinates). */
function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The colour at (x, y) in unit coordinates [0,1)², or null for transparent. */
function shade(x, y, size) {
  const r = 0.18; // corner radius
  const m = 0.03; // margin
  const cx = Math.min(Math.max(x, m + r), 1 - m - r);
  const cy = Math.min(Math.max(y, m + r), 1 - m - r);
  if (Math.hypot(x - cx, y - cy) > r) return null;
  // The check mark, thick enough to read at 16 px.
  const w = size <= 16 ? 0.11 : 0.08;
  if (segDist(x, y, 0.24, 0.52, 0.43, 0.72) < w || segDist(x, y, 0.43, 0.72, 0.78, 0.3) < w) return WHITE;
  // A faint table grid behind it (not at 16 px, where it would only blur).
  if (size > 16) {
    const inTable = x > 0.16 && x < 0.84 && y > 0.16 && y < 0.84;
    const line = 0.012;
    const onGrid =
      [0.16, 0.39, 0.61, 0.84].some((g) => Math.abs(y - g) < line) ||
      [0.16, 0.5, 0.84].some((g) => Math.abs(x - g) < line);
    if (inTable && onGrid) return LIGHT;
  }
  return GREEN;
}

function draw(size) {
  const ss = 4;
  const buf = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size, size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        buf[o] = Math.round(r / a);
        buf[o + 1] = Math.round(g / a);
        buf[o + 2] = Math.round(b / a);
      }
      buf[o + 3] = Math.round((255 * a) / (ss * ss));
    }
  }
  return encodePng(size, size, buf);
}

const outDir = path.join(__dirname, '..', 'assets');
fs.mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = path.join(outDir, `icon-${size}.png`);
  fs.writeFileSync(file, draw(size));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
