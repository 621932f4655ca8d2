/**
 * Draws the tray images (build/tray/tray-<state>.png, 16 px and @2x 32 px) and the app icon (build/icon.png,
 * 256 px) with signed-distance shapes and writes them as PNG with zlib: no image tools needed.
 * Run: `npx tsx scripts/make-icons.ts` (the PNGs are committed; rerun only to change the artwork).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];
/** A shape: coverage in [0,1] at a point in unit coordinates (0..1 both ways). */
type Shape = (x: number, y: number) => number;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels (row-major, 4 bytes each) as a PNG file. */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++)
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const disc =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) <= r ? 1 : 0;
const rect =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1 ? 1 : 0;
function segment(ax: number, ay: number, bx: number, by: number, half: number): Shape {
  return (x, y) => {
    const t = Math.max(
      0,
      Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
    );
    return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= half ? 1 : 0;
  };
}
/** A ring segment from angle `from` to `to` (radians, clockwise from 12 o'clock). */
function arc(r: number, half: number, from: number, to: number): Shape {
  return (x, y) => {
    const d = Math.hypot(x - 0.5, y - 0.5);
    let a = Math.atan2(x - 0.5, 0.5 - y);
    if (a < 0) a += 2 * Math.PI;
    return Math.abs(d - r) <= half && a >= from && a <= to ? 1 : 0;
  };
}
function triangle(
  a: readonly [number, number],
  b: readonly [number, number],
  c: readonly [number, number],
): Shape {
  const side = (p: readonly [number, number], q: readonly [number, number], x: number, y: number) =>
    (x - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (y - q[1]);
  return (x, y) => {
    const d1 = side(a, b, x, y);
    const d2 = side(b, c, x, y);
    const d3 = side(c, a, x, y);
    return (d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0) ? 0 : 1;
  };
}
const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    Math.max(...shapes.map((s) => s(x, y)));

/** Renders a coloured badge with a white glyph, 4x4 supersampled for smooth edges. */
function render(size: number, background: Shape, colour: Rgb, glyph: Shape): Buffer {
  const out = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let cover = 0;
      let white = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          const b = background(x, y);
          cover += b;
          white += b * glyph(x, y);
        }
      }
      const alpha = cover / (n * n);
      const w = cover > 0 ? white / cover : 0;
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) out[i + c] = Math.round((colour[c] as number) * (1 - w) + 255 * w);
      out[i + 3] = Math.round(alpha * 255);
    }
  }
  return out;
}

const GLYPHS: Record<'idle' | 'running' | 'error' | 'paused', { colour: Rgb; glyph: Shape }> = {
  idle: {
    colour: [46, 125, 50],
    glyph: union(segment(0.28, 0.52, 0.44, 0.68, 0.07), segment(0.44, 0.68, 0.73, 0.36, 0.07)),
  },
  running: {
    colour: [21, 101, 192],
    // A clockwise circular arrow: the ring stops short of 12 o'clock, the head points along the travel.
    glyph: union(
      arc(0.25, 0.075, 0.55, 2 * Math.PI - 0.3),
      triangle([0.58, 0.215], [0.455, 0.39], [0.385, 0.13]),
    ),
  },
  error: { colour: [198, 40, 40], glyph: union(rect(0.44, 0.22, 0.56, 0.6), disc(0.5, 0.74, 0.075)) },
  paused: { colour: [97, 97, 97], glyph: union(rect(0.32, 0.28, 0.44, 0.72), rect(0.56, 0.28, 0.68, 0.72)) },
};

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(join(root, 'build', 'tray'), { recursive: true });
const badge = disc(0.5, 0.5, 0.47);
for (const [state, { colour, glyph }] of Object.entries(GLYPHS)) {
  for (const [suffix, size] of [
    ['', 16],
    ['@2x', 32],
  ] as const) {
    const file = join(root, 'build', 'tray', `tray-${state}${suffix}.png`);
    writeFileSync(file, encodePng(size, size, render(size, badge, colour, glyph)));
  }
}
// App icon: a rounded blue square with the running glyph (two-way sync) in white.
const rounded: Shape = (x, y) => {
  const r = 0.18;
  const dx = Math.max(Math.abs(x - 0.5) - (0.46 - r), 0);
  const dy = Math.max(Math.abs(y - 0.5) - (0.46 - r), 0);
  return Math.hypot(dx, dy) <= r ? 1 : 0;
};
writeFileSync(
  join(root, 'build', 'icon.png'),
  encodePng(256, 256, render(256, rounded, [21, 101, 192], GLYPHS.running.glyph)),
);
process.stdout.write('make-icons: wrote build/tray/*.png and build/icon.png\n');
