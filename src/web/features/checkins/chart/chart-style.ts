/**
 * How each line of the closeness chart looks, shared by the canvas (draw.ts) and the HTML legend
 * (closeness-chart.tsx), so the key always matches the picture. Nothing relies on colour alone
 * (WCAG 1.4.1): emotional is solid with filled markers, physical dashed with hollow markers, each
 * person has their own colour family AND marker shape, my health scales are thin with their own
 * dash patterns. Sizes are CSS pixels.
 */
import type { Scale } from '../checkin.ts';

export type MarkerShape = 'circle' | 'square' | 'diamond' | 'triangle';

/** Me round; partners square, diamond, triangle, then again (spaces of more are rare). */
const PARTNER_SHAPES: readonly MarkerShape[] = ['square', 'diamond', 'triangle'];
/** Partner colour tokens in chart.css, cycled like the shapes. */
const PARTNER_COLOURS = 3;

export function markerShapeOf(personIndex: number): MarkerShape {
  return personIndex === 0 ? 'circle' : PARTNER_SHAPES[(personIndex - 1) % PARTNER_SHAPES.length]!;
}

/** The CSS custom property (chart.css) holding a person's or a health line's colour. */
export function colourTokenOf(personIndex: number, line: Scale): string {
  if (line === 'energy' || line === 'pain' || line === 'stress') return `--chart-${line}`;
  return personIndex === 0 ? '--chart-me' : `--chart-partner-${((personIndex - 1) % PARTNER_COLOURS) + 1}`;
}

export interface LineStyle {
  width: number;
  dash: number[];
  cap: CanvasLineCap;
  /** Hollow markers are filled with the chart's background. */
  hollow: boolean;
  /** Marker diameter. */
  markerSize: number;
}

export function lineStyleOf(line: Scale, isMe: boolean): LineStyle {
  switch (line) {
    case 'emotional':
      return { width: isMe ? 2.5 : 2, dash: [], cap: 'round', hollow: false, markerSize: 8 };
    case 'physical':
      return { width: isMe ? 2.5 : 2, dash: [7, 5], cap: 'butt', hollow: true, markerSize: 8 };
    // My health scales: thin, so the two closeness lines stay in front.
    case 'energy':
      return { width: 1.5, dash: [0.5, 4], cap: 'round', hollow: false, markerSize: 5 };
    case 'pain':
      return { width: 1.5, dash: [9, 4, 1, 4], cap: 'round', hollow: false, markerSize: 5 };
    case 'stress':
      return { width: 1.5, dash: [16, 6], cap: 'butt', hollow: false, markerSize: 5 };
  }
}

/** Anything with the Path2D / CanvasRenderingContext2D path methods. */
export interface Pen {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  closePath(): void;
}

/** Traces one marker centred on (cx, cy) with "radius" r; the shapes have about the same area. */
export function traceMarker(pen: Pen, shape: MarkerShape, cx: number, cy: number, r: number): void {
  switch (shape) {
    case 'circle':
      pen.moveTo(cx + r, cy);
      pen.arc(cx, cy, r, 0, Math.PI * 2);
      break;
    case 'square': {
      const h = r * 0.89;
      pen.moveTo(cx - h, cy - h);
      pen.lineTo(cx + h, cy - h);
      pen.lineTo(cx + h, cy + h);
      pen.lineTo(cx - h, cy + h);
      break;
    }
    case 'diamond': {
      const h = r * 1.25;
      pen.moveTo(cx, cy - h);
      pen.lineTo(cx + h, cy);
      pen.lineTo(cx, cy + h);
      pen.lineTo(cx - h, cy);
      break;
    }
    case 'triangle': {
      const h = r * 1.35;
      pen.moveTo(cx, cy - h);
      pen.lineTo(cx + h * 0.95, cy + h * 0.7);
      pen.lineTo(cx - h * 0.95, cy + h * 0.7);
      break;
    }
  }
  pen.closePath();
}

/** The same marker as an SVG path (for the legend). */
export function markerPathD(shape: MarkerShape, cx: number, cy: number, r: number): string {
  const parts: string[] = [];
  const f = (n: number): string => String(Math.round(n * 100) / 100);
  traceMarker(
    {
      moveTo: (x, y) => parts.push(`M${f(x)} ${f(y)}`),
      lineTo: (x, y) => parts.push(`L${f(x)} ${f(y)}`),
      // Only whole circles are traced: two half arcs.
      arc: (x, y, radius) => parts.push(`A${f(radius)} ${f(radius)} 0 1 1 ${f(x - radius)} ${f(y)}A${f(radius)} ${f(radius)} 0 1 1 ${f(x + radius)} ${f(y)}`),
      closePath: () => parts.push('Z'),
    },
    shape,
    cx,
    cy,
    r,
  );
  return parts.join('');
}
