import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Scale } from '../checkin.ts';
import type { ChartRange } from '../days.ts';
import { t } from '../messages.ts';
import {
  chartData,
  describePerson,
  formatDay,
  HEALTH_LINES,
  orderPeople,
  rangeOf,
  summarizePeople,
  tableData,
  type ChartPerson,
} from './chart-model.ts';
import { colourTokenOf, lineStyleOf, markerPathD, markerShapeOf, type MarkerShape } from './chart-style.ts';
import type { DrawnChart } from './draw.ts';
import './chart.css';

export interface ClosenessChartProps {
  /** Me and the partners shown, all over the same days, oldest first. */
  people: ChartPerson[];
  /** Overlay my energy, pain or fatigue and stress. */
  showHealth: boolean;
  range: ChartRange;
  /** Each person's 7-day average of the two closeness lines. */
  trend?: boolean;
  /** A day whose readings of mine are ringed (today, just after a check-in). */
  emphasize?: string | undefined;
}

/** Light and dark draw with different colours: redraw when the scheme changes. */
function useDarkScheme(): boolean {
  const query = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  const [dark, setDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = (): void => setDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return dark;
}

/** A chart.css class that sets `color` to a line's colour token, for the legend's SVG. */
function colourClass(personIndex: number, line: Scale): string {
  return `chart-c-${colourTokenOf(personIndex, line).slice('--chart-'.length)}`;
}

const SWATCH_W = 40;
const SWATCH_H = 14;

/** A short stretch of a line with its marker, as drawn on the canvas. */
function Swatch({ line, isMe, shape, colour }: { line: Scale; isMe: boolean; shape: MarkerShape | null; colour: string }) {
  const style = lineStyleOf(line, isMe);
  const y = SWATCH_H / 2;
  return (
    <svg
      class={`chart-swatch ${colour}`}
      viewBox={`0 0 ${SWATCH_W} ${SWATCH_H}`}
      width={SWATCH_W}
      height={SWATCH_H}
      aria-hidden="true"
      focusable="false"
    >
      <line
        x1="2"
        y1={y}
        x2={SWATCH_W - 2}
        y2={y}
        stroke="currentColor"
        stroke-width={style.width}
        stroke-dasharray={style.dash.length > 0 ? style.dash.join(' ') : undefined}
        stroke-linecap={style.cap}
      />
      {shape && (
        <path
          class={style.hollow ? 'chart-swatch-hollow' : undefined}
          d={markerPathD(shape, SWATCH_W / 2, y, style.markerSize / 2)}
          fill="currentColor"
          stroke="currentColor"
          stroke-width={style.hollow ? 2 : 1}
        />
      )}
    </svg>
  );
}

function Legend({ people, showHealth, trend, ringed }: { people: ChartPerson[]; showHealth: boolean; trend: boolean; ringed: boolean }) {
  let partnerIndex = 0;
  const hasMe = people.some((p) => p.isMe);
  return (
    <>
      <ul class="chart-legend" aria-label={t('chart.legend.label')}>
        {people.map((p) => {
          const index = p.isMe ? 0 : ++partnerIndex;
          const shape = markerShapeOf(index);
          return (
            <li key={`person:${p.id}`}>
              <Swatch line="emotional" isMe={p.isMe} shape={shape} colour={colourClass(index, 'emotional')} />
              <span>{p.isMe ? t('chart.legend.me', { name: p.name }) : t('chart.legend.partner', { name: p.name, shape: t(`chart.shape.${shape as Exclude<MarkerShape, 'circle'>}`) })}</span>
            </li>
          );
        })}
        <li>
          <Swatch line="emotional" isMe shape="circle" colour="chart-c-neutral" />
          <span>{t('chart.legend.emotional')}</span>
        </li>
        <li>
          <Swatch line="physical" isMe shape="circle" colour="chart-c-neutral" />
          <span>{t('chart.legend.physical')}</span>
        </li>
        {showHealth &&
          hasMe &&
          HEALTH_LINES.map((line) => (
            <li key={line}>
              <Swatch line={line} isMe shape={null} colour={colourClass(0, line)} />
              <span>{t(`chart.legend.${line}`)}</span>
            </li>
          ))}
        {trend && (
          <li>
            <svg class="chart-swatch chart-c-neutral chart-swatch-weekly" viewBox={`0 0 ${SWATCH_W} ${SWATCH_H}`} width={SWATCH_W} height={SWATCH_H} aria-hidden="true" focusable="false">
              <line x1="4" y1={SWATCH_H / 2} x2={SWATCH_W - 4} y2={SWATCH_H / 2} stroke="currentColor" stroke-width="7" stroke-linecap="round" />
            </svg>
            <span>{t('chart.legend.weekly')}</span>
          </li>
        )}
        {ringed && (
          <li>
            <svg class="chart-swatch chart-c-neutral" viewBox={`0 0 ${SWATCH_W} ${SWATCH_H}`} width={SWATCH_W} height={SWATCH_H} aria-hidden="true" focusable="false">
              <circle cx={SWATCH_W / 2} cy={SWATCH_H / 2} r="3.5" fill="currentColor" />
              <circle cx={SWATCH_W / 2} cy={SWATCH_H / 2} r="6" fill="none" stroke="currentColor" stroke-width="1.5" />
            </svg>
            <span>{t('chart.legend.today')}</span>
          </li>
        )}
      </ul>
      <p class="chart-note muted">{t('chart.legend.gaps')}</p>
    </>
  );
}

function NumbersTable({ people, showHealth, trend, from, to }: { people: ChartPerson[]; showHealth: boolean; trend: boolean; from: string; to: string }) {
  const captionId = useId();
  const { columns, rows } = useMemo(() => tableData(people, showHealth, trend), [people, showHealth, trend]);
  if (rows.length === 0) return <p>{t('chart.table.empty')}</p>;
  return (
    // A scrolling region must be reachable by keyboard (axe: scrollable-region-focusable).
    <div class="chart-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table>
        <caption id={captionId}>{t('chart.table.caption', { from: formatDay(from, 'long'), to: formatDay(to, 'long') })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chart.table.day')}</th>
            {columns.map((c) => (
              <th scope="col" key={`${c.personId}:${c.line}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.day}>
              <th scope="row">{formatDay(row.day, 'table')}</th>
              {row.cells.map((value, i) => (
                // An empty cell shows a dash from CSS (hidden from screen readers) and says "no check-in" to them.
                <td key={i} class={value === null ? 'chart-empty' : undefined}>
                  {value ?? <span class="visually-hidden">{t('chart.table.none')}</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Emotional and physical closeness over time, for me and the partners shown: a picture (uPlot on
 * a canvas, loaded on demand), a key, the same story in words, and every number in a table.
 * The words and the table carry the meaning; the picture is a quicker way to see it, and if it
 * cannot load (offline before this screen was ever opened) a calm line says so.
 */
export function ClosenessChart({ people, showHealth, range, trend = false, emphasize }: ClosenessChartProps) {
  const ordered = useMemo(() => orderPeople(people), [people]);
  const data = useMemo(() => chartData(ordered, showHealth, { trend, emphasize }), [ordered, showHealth, trend, emphasize]);
  const texts = useMemo(() => summarizePeople(ordered, showHealth).map(describePerson), [ordered, showHealth]);
  const span = rangeOf(ordered);
  const dark = useDarkScheme();
  const canvasRef = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [tableOpen, setTableOpen] = useState(false);
  const hasMe = ordered.some((p) => p.isMe);

  // Draw (again) whenever what is shown changes; the old chart is destroyed first.
  useLayoutEffect(() => {
    const el = canvasRef.current;
    if (!el || data.days.length === 0) return;
    let cancelled = false;
    let drawn: DrawnChart | null = null;
    setFailed(false);
    import('./draw.ts').then(
      ({ drawClosenessChart }) => {
        if (cancelled) return;
        try {
          drawn = drawClosenessChart(el, data);
        } catch {
          setFailed(true);
        }
      },
      () => {
        if (!cancelled) setFailed(true);
      },
    );
    return () => {
      cancelled = true;
      drawn?.destroy();
    };
  }, [data, dark, attempt]);

  // The chunk could not load offline: try again when the connection returns.
  useEffect(() => {
    if (!failed) return;
    const retry = (): void => setAttempt((n) => n + 1);
    addEventListener('online', retry);
    return () => removeEventListener('online', retry);
  }, [failed]);

  return (
    <div class="closeness-chart">
      <figure class="chart-figure">
        {data.days.length > 0 && (
          <div
            ref={canvasRef}
            class="chart-canvas"
            role="img"
            aria-label={t(showHealth && hasMe ? 'chart.altHealth' : 'chart.alt', { days: range })}
            hidden={failed}
          />
        )}
        {failed && <p class="chart-failed muted">{t('chart.failed')}</p>}
        {/* The key describes the picture: without one, it would only be noise. */}
        {!failed && <Legend people={ordered} showHealth={showHealth} trend={trend} ringed={data.emphasis.length > 0} />}
        <figcaption class="chart-summary">
          {span && <p>{t('chart.summary.range', { days: range, from: formatDay(span.from, 'long'), to: formatDay(span.to, 'long') })}</p>}
          {texts.map((text, i) => (
            <div class="chart-person" key={ordered[i]!.id}>
              <p>
                <strong>{t('chart.summary.who', { name: text.heading })}</strong> {text.intro}
              </p>
              {text.lines.length > 0 && (
                <ul>
                  {text.lines.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </figcaption>
      </figure>
      {span && (
        <details class="chart-table" onToggle={(e) => setTableOpen((e.currentTarget as HTMLDetailsElement).open)}>
          <summary>{t('chart.table.show')}</summary>
          {/* Rendered when opened: up to 365 rows are not worth building for nobody. */}
          {tableOpen && <NumbersTable people={ordered} showHealth={showHealth} trend={trend} from={span.from} to={span.to} />}
        </details>
      )}
    </div>
  );
}
