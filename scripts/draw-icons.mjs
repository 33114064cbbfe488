// Draws the add-in's icons (a ledger sheet with check marks; a sheet with a bar chart for
// the summary command) as PNGs at every size the manifest names. Run: node scripts/draw-icons.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes in a 0..1 square; each returns true when the point is inside.
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const segment = (ax, ay, bx, by, w) => (x, y) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (w / 2) ** 2;
};

const GREEN = [33, 115, 70, 255];
const PAPER = [255, 255, 255, 255];
const INK = [96, 110, 120, 255];
const TICK = [33, 115, 70, 255];
const RED = [196, 43, 28, 255];
const AMBER = [234, 163, 0, 255];

function ledgerLayers() {
  const layers = [
    [roundRect(0.06, 0.04, 0.94, 0.96, 0.1), GREEN],
    [roundRect(0.14, 0.12, 0.86, 0.88, 0.04), PAPER],
  ];
  for (const [i, y] of [0.3, 0.5, 0.7].entries()) {
    layers.push([segment(0.44, y, 0.76, y, 0.07), INK]);
    if (i < 2) {
      layers.push([segment(0.22, y, 0.28, y + 0.06, 0.07), TICK]);
      layers.push([segment(0.28, y + 0.06, 0.37, y - 0.06, 0.07), TICK]);
    } else {
      layers.push([roundRect(0.22, y - 0.05, 0.34, y + 0.07, 0.02), AMBER]);
    }
  }
  return layers;
}
function summaryLayers() {
  return [
    [roundRect(0.06, 0.04, 0.94, 0.96, 0.1), GREEN],
    [roundRect(0.14, 0.12, 0.86, 0.88, 0.04), PAPER],
    [roundRect(0.22, 0.5, 0.34, 0.8, 0.01), TICK],
    [roundRect(0.44, 0.3, 0.56, 0.8, 0.01), TICK],
    [roundRect(0.66, 0.62, 0.78, 0.8, 0.01), RED],
    [segment(0.2, 0.8, 0.8, 0.8, 0.04), INK],
  ];
}

function render(size, layers) {
  const out = Buffer.alloc(size * size * 4);
  const ss = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size;
          const y = (py + (sy + 0.5) / ss) / size;
          let colour = [0, 0, 0, 0];
          for (const [inside, c] of layers) if (inside(x, y)) colour = c;
          const a = colour[3] / 255;
          acc[0] += colour[0] * a;
          acc[1] += colour[1] * a;
          acc[2] += colour[2] * a;
          acc[3] += a;
        }
      }
      const i = (py * size + px) * 4;
      const alpha = acc[3] / (ss * ss);
      out[i] = alpha ? Math.round(acc[0] / acc[3]) : 0;
      out[i + 1] = alpha ? Math.round(acc[1] / acc[3]) : 0;
      out[i + 2] = alpha ? Math.round(acc[2] / acc[3]) : 0;
      out[i + 3] = Math.round(alpha * 255);
    }
  }
  return out;
}

for (const size of [16, 32, 64, 80, 128]) {
  writeFileSync(`assets/icon-${size}.png`, png(size, render(size, ledgerLayers())));
}
for (const size of [16, 32, 80]) {
  writeFileSync(`assets/summary-${size}.png`, png(size, render(size, summaryLayers())));
}
console.log('icons written to assets/');
