// Draws Innermost's icons (two soft, overlapping warm circles on a cream background) and writes
// real PNG files with node:zlib, so no image tool or dependency is needed.
// Run: node scripts/make-icons.mjs   (writes public/icons/*.png and public/favicon.svg)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'public', 'icons');

// The same colours as src/web/styles/tokens.css (light theme).
const BACKGROUND = [0xfa, 0xf6, 0xf2];
const CIRCLE_A = [0xe9, 0xa2, 0x8f];
const CIRCLE_B = [0xb9, 0x86, 0x9e];
const OVERLAP = [0x9c, 0x5a, 0x6e];

// ---------- PNG encoding (RGBA, 8 bits per channel) ----------
const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------- drawing ----------
/**
 * `scale` shrinks the motif toward the centre (maskable icons keep everything inside the safe
 * zone, a circle of 80% of the size); `corner` rounds the background (0 = full square).
 */
function draw(size, { scale = 1, corner = 0.22, transparentOutside = false } = {}) {
  const SS = 4; // supersampling per axis, for smooth edges
  const rgba = Buffer.alloc(size * size * 4);
  const r = 0.25 * scale; // circle radius, in units of the icon size
  const cy = 0.5;
  const ax = 0.5 - 0.13 * scale;
  const bx = 0.5 + 0.13 * scale;
  const cornerR = corner * 0.5;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let acc = [0, 0, 0, 0];
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          // Rounded-square background.
          const qx = Math.max(Math.abs(x - 0.5) - (0.5 - cornerR), 0);
          const qy = Math.max(Math.abs(y - 0.5) - (0.5 - cornerR), 0);
          const inside = cornerR === 0 || Math.hypot(qx, qy) <= cornerR;
          if (!inside) {
            if (!transparentOutside) acc = acc.map((v, i) => v + (i < 3 ? BACKGROUND[i] : 255));
            continue;
          }
          const inA = Math.hypot(x - ax, y - cy) <= r;
          const inB = Math.hypot(x - bx, y - cy) <= r;
          const c = inA && inB ? OVERLAP : inA ? CIRCLE_A : inB ? CIRCLE_B : BACKGROUND;
          acc = [acc[0] + c[0], acc[1] + c[1], acc[2] + c[2], acc[3] + 255];
        }
      }
      const n = SS * SS;
      const i = (py * size + px) * 4;
      const alpha = acc[3] / n;
      // Un-premultiply so edges against transparency keep their colour.
      for (let k = 0; k < 3; k++) rgba[i + k] = alpha ? Math.round(acc[k] / n / (alpha / 255)) : 0;
      rgba[i + 3] = Math.round(alpha);
    }
  }
  return encodePng(size, rgba);
}

mkdirSync(out, { recursive: true });
const files = {
  'icon-32.png': draw(32, { corner: 0.3, transparentOutside: true }),
  'icon-192.png': draw(192, { corner: 0.22, transparentOutside: true }),
  'icon-512.png': draw(512, { corner: 0.22, transparentOutside: true }),
  // Maskable: full-bleed background, motif inside the 80% safe zone.
  'maskable-512.png': draw(512, { scale: 0.78, corner: 0 }),
  'apple-touch-icon.png': draw(180, { scale: 0.9, corner: 0 }),
};
for (const [name, png] of Object.entries(files)) {
  writeFileSync(join(out, name), png);
  console.log(`${name}: ${png.length} bytes`);
}

const hex = (c) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <rect width="64" height="64" rx="14" fill="${hex(BACKGROUND)}"/>
  <circle cx="23.7" cy="32" r="16" fill="${hex(CIRCLE_A)}"/>
  <circle cx="40.3" cy="32" r="16" fill="${hex(CIRCLE_B)}"/>
  <path d="M32 18.32a16 16 0 0 1 0 27.36a16 16 0 0 1 0-27.36z" fill="${hex(OVERLAP)}"/>
</svg>
`;
writeFileSync(join(root, 'public', 'favicon.svg'), svg);
console.log('favicon.svg written');
