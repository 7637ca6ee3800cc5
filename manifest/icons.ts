// Draws the Teams app icons (a shield with a tick) and writes color.png and outline.png.
// Regenerate with `npx tsx manifest/icons.ts`; the PNGs are committed so packaging needs no drawing.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

export const ACCENT_COLOUR = '#1F5F8B';

type Point = readonly [number, number];

// Shapes live in a unit frame; each icon maps the frame onto its own size and padding.
const SHIELD: readonly Point[] = shieldOutline();
const TICK: readonly Point[] = [
  [0.28, 0.52],
  [0.44, 0.68],
  [0.72, 0.36],
];

function shieldOutline(): Point[] {
  const right: Point[] = [
    [0.5, 0.02],
    [0.9, 0.14],
    [0.9, 0.5],
  ];
  const steps = 24;
  for (let i = 1; i <= steps; i += 1) {
    const t = i / steps;
    // Quadratic curve from the shoulder down to the point of the shield.
    const x = (1 - t) ** 2 * 0.9 + 2 * (1 - t) * t * 0.88 + t ** 2 * 0.5;
    const y = (1 - t) ** 2 * 0.5 + 2 * (1 - t) * t * 0.82 + t ** 2 * 0.98;
    right.push([x, y]);
  }
  const left = right
    .slice(1, -1)
    .reverse()
    .map(([x, y]): Point => [1 - x, y]);
  return [...right, ...left];
}

function isInside(polygon: readonly Point[], x: number, y: number): boolean {
  // Every shape lies within the unit frame, so most samples of the padded colour icon stop here.
  if (x < 0 || x > 1 || y < 0 || y > 1) return false;
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i, i += 1) {
    const [xi, yi] = polygon[i] as Point;
    const [xj, yj] = polygon[j] as Point;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function distanceToSegment(x: number, y: number, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function distanceToPath(points: readonly Point[], x: number, y: number, closed: boolean): number {
  let nearest = Infinity;
  const segments = closed ? points.length : points.length - 1;
  for (let i = 0; i < segments; i += 1) {
    const from = points[i] as Point;
    const to = points[(i + 1) % points.length] as Point;
    nearest = Math.min(nearest, distanceToSegment(x, y, from, to));
  }
  return nearest;
}

interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

function hexToRgba(hex: string): Rgba {
  const value = Number.parseInt(hex.slice(1), 16);
  return { r: (value >> 16) & 0xff, g: (value >> 8) & 0xff, b: value & 0xff, a: 255 };
}

const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 255 };
const CLEAR: Rgba = { r: 255, g: 255, b: 255, a: 0 };

// Averaging a 4x4 grid of samples per pixel gives smooth edges without a drawing library.
const SAMPLES = 4;

function render(size: number, padding: number, shade: (x: number, y: number) => Rgba): Buffer {
  const png = new PNG({ width: size, height: size });
  const drawn = size * (1 - 2 * padding);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const sum = { r: 0, g: 0, b: 0, a: 0 };
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const x = (px + (sx + 0.5) / SAMPLES - size * padding) / drawn;
          const y = (py + (sy + 0.5) / SAMPLES - size * padding) / drawn;
          const colour = shade(x, y);
          // Premultiply so half-covered edge samples do not bleed white into the outline's edges.
          sum.r += colour.r * colour.a;
          sum.g += colour.g * colour.a;
          sum.b += colour.b * colour.a;
          sum.a += colour.a;
        }
      }
      const offset = (py * size + px) * 4;
      const count = SAMPLES * SAMPLES;
      png.data[offset] = sum.a === 0 ? 255 : Math.round(sum.r / sum.a);
      png.data[offset + 1] = sum.a === 0 ? 255 : Math.round(sum.g / sum.a);
      png.data[offset + 2] = sum.a === 0 ? 255 : Math.round(sum.b / sum.a);
      png.data[offset + 3] = Math.round(sum.a / count);
    }
  }
  return PNG.sync.write(png);
}

/** 192x192, full bleed accent colour; Teams asks for the symbol to sit within the central 96x96. */
export function drawColourIcon(): Buffer {
  const accent = hexToRgba(ACCENT_COLOUR);
  return render(192, 0.25, (x, y) => {
    if (!isInside(SHIELD, x, y)) return accent;
    return distanceToPath(TICK, x, y, false) <= 0.07 ? accent : WHITE;
  });
}

/** 32x32, white on transparent: Teams tints this icon itself, so only the alpha channel carries the shape. */
export function drawOutlineIcon(): Buffer {
  return render(32, 0.03, (x, y) => {
    const onBorder = isInside(SHIELD, x, y) && distanceToPath(SHIELD, x, y, true) <= 0.09;
    return onBorder || distanceToPath(TICK, x, y, false) <= 0.07 ? WHITE : CLEAR;
  });
}

if (require.main === module) {
  writeFileSync(path.join(__dirname, 'color.png'), drawColourIcon());
  writeFileSync(path.join(__dirname, 'outline.png'), drawOutlineIcon());
}
