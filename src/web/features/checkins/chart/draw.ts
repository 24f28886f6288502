/**
 * Draws the closeness chart on a canvas with uPlot (docs/decisions/009-charts-with-uplot.md).
 * Loaded on demand by closeness-chart.tsx, so uPlot and its stylesheet travel in their own chunk
 * and only to this screen. The canvas is a picture of what the text summary and the table say:
 * no tooltips, no hover-only values, no cursor.
 *
 * uPlot sets element styles through the CSSOM (el.style.x = ...), which the app's CSP
 * (style-src 'self') allows; it injects no <style> and no style attributes as markup.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatSeconds, type ChartData, type ChartSeries } from './chart-model.ts';
import { colourTokenOf, lineStyleOf, markerShapeOf, traceMarker, type LineStyle, type MarkerShape } from './chart-style.ts';
import { gapBridges } from './continuity.ts';

const DAY_SECONDS = 86_400;
/** Markers on every reading when days are this far apart; closer, only on lone readings (a check-in between two gaps has no line to show it). */
const ALL_MARKERS_MIN_PX_PER_DAY = 12;
/** Day labels ("Nov 14" at 13 px is about 42 px wide) at least this far apart. */
const DAY_LABEL_MIN_PX = 58;
/** Month labels ("Jan 2027" at 13 px is about 55 px wide) at least this far apart. */
const MONTH_LABEL_MIN_PX = 64;
const DAY_STEPS = [1, 2, 3, 7, 14] as const;
const MONTH_STEPS = [1, 2, 3, 4, 6, 12] as const;
const AXIS_FONT_PX = 13;
/** Tall enough to tell 0 to 10 apart on a 320 px phone, never taller than a screenful. */
const MIN_HEIGHT_PX = 200;
const MAX_HEIGHT_PX = 320;
const HEIGHT_PER_WIDTH = 0.6;
/** The y range leaves room for a line at 0 or 10 to be drawn whole. */
const Y_RANGE: [number, number] = [-0.35, 10.35];
const Y_SPLITS = [0, 2, 4, 6, 8, 10];
/** Below this many pixels per day (a year on a phone) lines are drawn thinner, so they stay apart. */
const DENSE_PX_PER_DAY = 3;
const DENSE_WIDTH_FACTOR = 0.6;
/** The y axis and its gap, roughly: what the plot loses of the width. */
const Y_AXIS_PX = 34;
/** Across a day without a check-in the line goes on lighter and dotted: dots this far apart, at this opacity. */
const BRIDGE_DOT_GAP_PX = 5;
const BRIDGE_ALPHA = 0.55;
/** The weekly average: a wide, pale band behind the readings, so it reads as a trend, not a reading. */
const WEEKLY_WIDTH_PX = 7;
const WEEKLY_ALPHA = 0.25;
/** Today's point after a check-in: a ring this far outside its marker. */
const RING_GAP_PX = 4;
const RING_WIDTH_PX = 2;

export interface DrawnChart {
  destroy(): void;
}

function chartHeight(width: number): number {
  return Math.round(Math.min(MAX_HEIGHT_PX, Math.max(MIN_HEIGHT_PX, width * HEIGHT_PER_WIDTH)));
}

/** Colours come from CSS custom properties (chart.css), read now so light and dark both work. */
function colours(el: HTMLElement): (token: string) => string {
  const style = getComputedStyle(el);
  return (token) => style.getPropertyValue(token).trim() || style.color;
}

const dayOf = (seconds: number): number => Math.floor(seconds / DAY_SECONDS);

/** Markers: on every reading when there is room, otherwise only where a reading stands alone. */
function markerIdxs(u: uPlot, seriesIdx: number): number[] {
  const ys = u.data[seriesIdx]!;
  const n = ys.length;
  const pxPerDay = u.bbox.width / uPlot.pxRatio / Math.max(1, n);
  const all = pxPerDay >= ALL_MARKERS_MIN_PX_PER_DAY;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    if (ys[i] == null) continue;
    if (all || ((i === 0 || ys[i - 1] == null) && (i === n - 1 || ys[i + 1] == null))) out.push(i);
  }
  return out;
}

function markerPaths(shape: MarkerShape, sizePx: number): uPlot.Series.Points.PathBuilder {
  return (u, seriesIdx, idx0, idx1, filtIdxs) => {
    const xs = u.data[0];
    const ys = u.data[seriesIdx]!;
    const r = (sizePx / 2) * uPlot.pxRatio;
    const path = new Path2D();
    const draw = (i: number): void => {
      const y = ys[i];
      if (y == null) return;
      traceMarker(path, shape, u.valToPos(xs[i]!, 'x', true), u.valToPos(y, 'y', true), r);
    };
    if (filtIdxs) filtIdxs.forEach(draw);
    else for (let i = idx0; i <= idx1; i++) draw(i);
    return { stroke: path, fill: path, clip: null, flags: 0 };
  };
}

/** A line of readings: its own style (chart-style.ts), breaking at gaps, with its markers. */
function readingSeries(
  s: ChartSeries,
  o: { style: LineStyle; stroke: string; label: string; thin: number; background: string },
): uPlot.Series {
  const markerSize = Math.max(4, o.style.markerSize * o.thin);
  return {
    label: o.label,
    stroke: o.stroke,
    width: Math.max(1, o.style.width * o.thin),
    dash: o.style.dash.map((d) => d * uPlot.pxRatio),
    cap: o.style.cap,
    spanGaps: false,
    points: {
      show: false,
      filter: markerIdxs,
      paths: markerPaths(s.line === 'emotional' || s.line === 'physical' ? markerShapeOf(s.personIndex) : 'circle', markerSize),
      size: markerSize,
      width: o.style.hollow ? 2 : 1,
      stroke: o.stroke,
      fill: o.style.hollow ? o.background : o.stroke,
      dash: [],
    },
  };
}

/**
 * Straight stretches across the gaps only (continuity.ts), from the reading before a gap to the
 * one after; between readings on consecutive days the series' own line is drawn, so nothing here
 * overlaps it.
 */
const bridgePaths: uPlot.Series.PathBuilder = (u, seriesIdx) => {
  const xs = u.data[0];
  const ys = u.data[seriesIdx]!;
  const path = new Path2D();
  for (const { from, to } of gapBridges(ys)) {
    path.moveTo(u.valToPos(xs[from]!, 'x', true), u.valToPos(ys[from]!, 'y', true));
    path.lineTo(u.valToPos(xs[to]!, 'x', true), u.valToPos(ys[to]!, 'y', true));
  }
  return { stroke: path, fill: null, clip: null, flags: 0 };
};

/**
 * X axis ticks at UTC noon, where the points are: every day or every few days (counted back from
 * the last day, so the newest day is always labelled), or the first of every month or few months
 * on long ranges. Labels are formatted in UTC, so no time zone shifts a day.
 */
function xAxis(data: ChartData): Pick<uPlot.Axis, 'splits' | 'values'> {
  let monthly = false;
  return {
    splits: (u) => {
      const first = dayOf(data.xs[0]!);
      const last = dayOf(data.xs[data.xs.length - 1]!);
      const pxPerDay = u.bbox.width / uPlot.pxRatio / (last - first + 1);
      const step = DAY_STEPS.find((s) => s * pxPerDay >= DAY_LABEL_MIN_PX);
      const noon = (day: number): number => day * DAY_SECONDS + DAY_SECONDS / 2;
      if (step !== undefined) {
        monthly = false;
        const out: number[] = [];
        for (let d = last; d >= first; d -= step) out.push(noon(d));
        return out.reverse();
      }
      monthly = true;
      const months = MONTH_STEPS.find((m) => m * 30.4 * pxPerDay >= MONTH_LABEL_MIN_PX) ?? 12;
      const out: number[] = [];
      const start = new Date(first * DAY_SECONDS * 1000);
      for (let y = start.getUTCFullYear(), m = start.getUTCMonth() + 1; ; m++) {
        const d = dayOf(Date.UTC(y, m, 1) / 1000);
        if (d > last) break;
        if (new Date(d * DAY_SECONDS * 1000).getUTCMonth() % months === 0) out.push(noon(d));
      }
      return out;
    },
    values: (_u, splits) =>
      splits.map((s) => {
        if (!monthly) return formatSeconds(s, 'short');
        return new Date(s * 1000).getUTCMonth() === 0 ? formatSeconds(s, 'monthYear') : formatSeconds(s, 'month');
      }),
  };
}

/**
 * Draws `data` into `el` (which must be empty) at `el`'s width, and keeps it at that width as it
 * resizes. Sets `data-drawn` on `el` and calls `onDraw` each time the canvas is drawn.
 */
export function drawClosenessChart(el: HTMLElement, data: ChartData, onDraw?: () => void): DrawnChart {
  const colour = colours(el);
  const family = getComputedStyle(el).fontFamily || 'system-ui, sans-serif';
  const font = `${AXIS_FONT_PX}px ${family}`;
  const axisColour = colour('--chart-axis');
  const gridColour = colour('--chart-grid');
  const background = colour('--chart-bg');
  const px = uPlot.pxRatio;
  const width = Math.max(1, Math.floor(el.clientWidth));
  const thin = (width - Y_AXIS_PX) / Math.max(1, data.days.length) < DENSE_PX_PER_DAY ? DENSE_WIDTH_FACTOR : 1;

  // Drawn in this order, each later one on top: weekly bands, dotted bridges, then the readings.
  const weekly: [uPlot.Series, (number | null)[]][] = [];
  const bridges: [uPlot.Series, (number | null)[]][] = [];
  const readings: [uPlot.Series, (number | null)[]][] = [];
  /** For each of data.series, its index among uPlot's series (for the rings of today's point). */
  const readingIdx: number[] = [];
  for (const s of data.series) {
    const style = lineStyleOf(s.line, s.isMe);
    const stroke = colour(colourTokenOf(s.personIndex, s.line));
    const label = `${s.name}: ${s.line}`;
    if (s.kind === 'weekly') {
      weekly.push([{ label: `${label} (7-day average)`, stroke, width: WEEKLY_WIDTH_PX * thin, cap: 'round', alpha: WEEKLY_ALPHA, spanGaps: false, points: { show: false } }, s.values]);
      readingIdx.push(-1);
      continue;
    }
    // Health lines are thin and optional in a check-in: bridging them would only add noise.
    if (s.line === 'emotional' || s.line === 'physical') {
      bridges.push([
        {
          label: `${label} (no check-in)`,
          stroke,
          width: Math.max(1.5, style.width * thin),
          dash: [0, BRIDGE_DOT_GAP_PX * px],
          cap: 'round',
          alpha: BRIDGE_ALPHA,
          paths: bridgePaths,
          points: { show: false },
        },
        s.values,
      ]);
    }
    readingIdx.push(readings.length);
    readings.push([readingSeries(s, { style, stroke, label, thin, background }), s.values]);
  }

  const drawn = [...weekly, ...bridges, ...readings];
  const series: uPlot.Series[] = [{}, ...drawn.map(([s]) => s)];
  const firstReading = 1 + weekly.length + bridges.length;

  const axisBase = {
    stroke: axisColour,
    font,
    grid: { stroke: gridColour, width: 1 },
    ticks: { stroke: gridColour, width: 1, size: 4 },
  };

  const first = data.xs[0]!;
  const last = data.xs[data.xs.length - 1]!;
  const opts: uPlot.Options = {
    width,
    height: chartHeight(width),
    // [top, right, bottom, left]: room for a marker at 10 and for half of the last day's label.
    padding: [10, 24, 0, 0],
    legend: { show: false },
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    scales: {
      x: { time: false, range: () => [first - DAY_SECONDS / 2, last + DAY_SECONDS / 2] },
      y: { range: Y_RANGE },
    },
    axes: [
      { ...axisBase, ...xAxis(data), size: 30, gap: 4 },
      { ...axisBase, splits: () => Y_SPLITS, values: (_u, splits) => splits.map(String), size: 30, gap: 4 },
    ],
    series,
    hooks: {
      draw: [
        (u) => {
          // Today's point, just after a check-in: a ring around each of my two readings.
          for (const { series: i, index } of data.emphasis) {
            const at = readingIdx[i]!;
            const y = data.series[i]!.values[index];
            if (at < 0 || y == null) continue;
            const style = lineStyleOf(data.series[i]!.line, true);
            const ctx = u.ctx;
            ctx.save();
            ctx.beginPath();
            ctx.arc(u.valToPos(data.xs[index]!, 'x', true), u.valToPos(y, 'y', true), (style.markerSize / 2 + RING_GAP_PX) * px, 0, Math.PI * 2);
            ctx.strokeStyle = series[firstReading + at]!.stroke as string;
            ctx.lineWidth = RING_WIDTH_PX * px;
            ctx.stroke();
            ctx.restore();
          }
          el.dataset.drawn = 'true';
          onDraw?.();
        },
      ],
    },
  };

  const chart = new uPlot(opts, [data.xs, ...drawn.map(([, values]) => values)], el);

  // Follow the container's width (a phone turned, a window resized); one resize per frame.
  let frame = 0;
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const w = Math.max(1, Math.floor(el.clientWidth));
      if (w !== chart.width) chart.setSize({ width: w, height: chartHeight(w) });
    });
  });
  observer.observe(el);

  return {
    destroy() {
      cancelAnimationFrame(frame);
      observer.disconnect();
      chart.destroy();
      delete el.dataset.drawn;
    },
  };
}
