#!/usr/bin/env node
// Draws the app's icons as PNG (public/icons/) from the same shapes as app/icon.svg: a violet rounded square with
// four white sound bars. Run by hand when the icon changes (`node scripts/make-icons.mjs`); the PNGs are committed.
// Sizes: 192 and 512 (what browsers ask of a web app manifest), 512 maskable (bars inside the 80% safe zone, no
// rounded corners: the platform cuts its own shape), 180 (iOS home screen), 1400 (podcast artwork, Apple's minimum).
import { Buffer } from "node:buffer";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";

const VIOLET = [0x5b, 0x4b, 0xdb];
const WHITE = [0xff, 0xff, 0xff];
// app/icon.svg in its 32-unit box: [x, y, width, height, corner radius]
const BACKGROUND = [0, 0, 32, 32, 8];
const BARS = [
  [8, 12, 3, 8, 1.5],
  [13, 8, 3, 16, 1.5],
  [18, 11, 3, 10, 1.5],
  [23, 14, 3, 4, 1.5],
];

function inside([x0, y0, w, h, r], x, y) {
  if (x < x0 || y < y0 || x > x0 + w || y > y0 + h) return false;
  const dx = Math.max(x0 + r - x, 0, x - (x0 + w - r));
  const dy = Math.max(y0 + r - y, 0, y - (y0 + h - r));
  return dx * dx + dy * dy <= r * r;
}

/** RGBA pixels, 4×4 samples a pixel. `maskable`: square background, bars scaled into the safe zone. */
function draw(size, { maskable = false } = {}) {
  const pixels = Buffer.alloc(size * size * 4);
  const scale = 32 / size;
  const background = maskable ? [0, 0, 32, 32, 0] : BACKGROUND;
  // Maskable: the bars' group (x 8–26, y 8–24) drawn at 60% around the centre.
  const toIcon = maskable ? (v) => 16 + (v - 16) / 0.6 : (v) => v;
  const N = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let bar = 0;
      for (let sy = 0; sy < N; sy++) {
        for (let sx = 0; sx < N; sx++) {
          const x = (px + (sx + 0.5) / N) * scale;
          const y = (py + (sy + 0.5) / N) * scale;
          if (!inside(background, x, y)) continue;
          bg++;
          const ix = toIcon(x + (maskable ? 1 : 0));
          const iy = toIcon(y);
          if (BARS.some((b) => inside(b, ix, iy))) bar++;
        }
      }
      const i = (py * size + px) * 4;
      const samples = N * N;
      for (let c = 0; c < 3; c++) pixels[i + c] = bg === 0 ? 0 : Math.round((VIOLET[c] * (bg - bar) + WHITE[c] * bar) / bg);
      pixels[i + 3] = Math.round((255 * bg) / samples);
    }
  }
  return pixels;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const out = join(import.meta.dirname, "..", "public", "icons");
mkdirSync(out, { recursive: true });
for (const [name, size, options] of [
  ["icon-192.png", 192],
  ["icon-512.png", 512],
  ["icon-maskable-512.png", 512, { maskable: true }],
  ["apple-touch-icon.png", 180, { maskable: true }],
  ["icon-1400.png", 1400, { maskable: true }],
]) {
  writeFileSync(join(out, name), png(size, draw(size, options)));
  console.log(`public/icons/${name}`);
}
