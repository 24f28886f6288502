/**
 * What the closeness chart, its text summary and its data table show, worked out from people's
 * daily series (days.ts). Pure: no DOM, no uPlot, so it is tested on its own and runs in the
 * benchmark without a screen.
 *
 * Gaps are gaps: a day without a check-in is `null` all the way to the canvas, never a zero; the
 * canvas carries the line on across it in a lighter dotted stretch (continuity.ts), and the words
 * say so. Nothing here scores a relationship: each person's lines are described
 * on their own, in their own words (the scale labels), and the direction is only ever "rising",
 * "steady" or "falling" over the days shown.
 */
import { SCALE_LABELS, scaleLabelKey, type Scale, type ScalePoint } from '../checkin.ts';
import { dayNumber, type DailyPoint } from '../days.ts';
import { slope, TREND_MIN_READINGS } from '../insights.ts';
import { has, t } from '../messages.ts';
import { formatter, LOCALE } from '../../../platform/i18n/locale.ts';
import { bridgedDays, weeklyAverages, WEEKLY_DAYS } from './continuity.ts';

/** One person on the chart. All people cover the SAME days, oldest first. */
export interface ChartPerson {
  id: string;
  name: string;
  isMe: boolean;
  points: readonly DailyPoint[];
  /** The days just before `points` (oldest first; up to 6 are used), for the weekly averages only. */
  before?: readonly DailyPoint[];
}

/** What the chart shows beyond the readings. */
export interface ChartOptions {
  /** Add each person's 7-day average of emotional and physical closeness. */
  trend?: boolean;
  /** Ring my readings of this day (today, just after a check-in). */
  emphasize?: string | undefined;
}

const CLOSENESS_LINES = ['emotional', 'physical'] as const satisfies readonly Scale[];
/** Health scales: only ever MY own (partners share closeness scores only). */
export const HEALTH_LINES = ['energy', 'pain', 'stress'] as const satisfies readonly Scale[];

export type Direction = 'rising' | 'steady' | 'falling' | 'unclear';

/**
 * Readings a direction needs: the same minimum as the insights' trends (insights.ts), so the
 * chart never sees a direction in fewer check-ins than the insights would.
 */
export const DIRECTION_MIN_READINGS = TREND_MIN_READINGS;
/**
 * The least-squares line must move at least this many points between the first and last reading
 * to be "rising" or "falling": one whole step is the smallest change a person can mark on a 0-10
 * scale; less is day-to-day wobble. (For 0-10 rating scales the smallest change people feel as
 * meaningful is about 1 to 2 points: Farrar et al. 2001, Pain 94(2):149-158.) Measured as a
 * change over the span, not a slope per day, so it means the same on the 7- and 365-day charts.
 */
const DIRECTION_MIN_CHANGE = 1;

/** The seconds in a day: uPlot's x values are seconds. */
const DAY_SECONDS = 86_400;

export interface LineSummary {
  line: Scale;
  /** Days in the range. */
  total: number;
  /** Days with a value on this line. */
  readings: number;
  latest: { day: string; value: number } | null;
  /** Mean of the readings, to one decimal; null without readings. */
  average: number | null;
  direction: Direction;
  /** Points the least-squares line moves from the first to the last reading; null when unclear. */
  change: number | null;
}

export interface PersonSummary {
  id: string;
  name: string;
  isMe: boolean;
  /** Days in the range. */
  total: number;
  /** Days with any check-in. */
  checkinDays: number;
  /** Days without a check-in between two with one: the lines cross them, dotted. */
  bridgedDays: number;
  lines: LineSummary[];
}

/** Me first, then partners in the order given: the chart, the text and the table read alike. */
export function orderPeople<P extends { isMe: boolean }>(people: readonly P[]): P[] {
  return [...people.filter((p) => p.isMe), ...people.filter((p) => !p.isMe)];
}

/** The lines drawn and described for a person: health only for me, and only when asked for. */
function linesFor(person: { isMe: boolean }, showHealth: boolean): Scale[] {
  return person.isMe && showHealth ? [...CLOSENESS_LINES, ...HEALTH_LINES] : [...CLOSENESS_LINES];
}

/** The value of `line` on a day, or null (no check-in that day, or that scale left out). */
function lineValue(point: DailyPoint, line: Scale): number | null {
  const v = point.checkin?.[line];
  return typeof v === 'number' ? v : null;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Least-squares direction of readings over day numbers; see DIRECTION_MIN_CHANGE. */
export function directionOf(days: readonly number[], values: readonly number[]): { direction: Direction; change: number | null } {
  if (days.length < DIRECTION_MIN_READINGS) return { direction: 'unclear', change: null };
  const s = slope(days, values);
  if (s === null) return { direction: 'unclear', change: null };
  const change = s * (days[days.length - 1]! - days[0]!);
  // Rounded first, so 0.9999 from floating point does not flip a whole point of change.
  const rounded = Math.round(change * 1000) / 1000;
  const direction: Direction = rounded >= DIRECTION_MIN_CHANGE ? 'rising' : rounded <= -DIRECTION_MIN_CHANGE ? 'falling' : 'steady';
  return { direction, change: round1(change) };
}

export function summarizeLine(points: readonly DailyPoint[], line: Scale): LineSummary {
  const days: number[] = [];
  const values: number[] = [];
  let latest: LineSummary['latest'] = null;
  for (const p of points) {
    const v = lineValue(p, line);
    const n = dayNumber(p.day);
    if (v === null || n === null) continue;
    days.push(n);
    values.push(v);
    latest = { day: p.day, value: v };
  }
  const average = values.length > 0 ? round1(values.reduce((a, b) => a + b, 0) / values.length) : null;
  return { line, total: points.length, readings: values.length, latest, average, ...directionOf(days, values) };
}

function summarizePerson(person: ChartPerson, showHealth: boolean): PersonSummary {
  return {
    id: person.id,
    name: person.name,
    isMe: person.isMe,
    total: person.points.length,
    checkinDays: person.points.filter((p) => p.checkin !== null).length,
    bridgedDays: bridgedDays(person.points.map((p) => (p.checkin ? 1 : null))),
    lines: linesFor(person, showHealth).map((line) => summarizeLine(person.points, line)),
  };
}

export function summarizePeople(people: readonly ChartPerson[], showHealth: boolean): PersonSummary[] {
  return orderPeople(people).map((p) => summarizePerson(p, showHealth));
}

// ---- words -----------------------------------------------------------------------------------

/** The nearest labelled point of a scale (0, 5 or 10) for a value: 0-2 low, 3-7 middle, 8-10 high. */
export function scalePointOf(value: number): ScalePoint {
  return value <= 2 ? 'low' : value >= 8 ? 'high' : 'mid';
}

/** The words for a value, from the catalog when it has them, else the English defaults. */
export function scaleWord(line: Scale, value: number): string {
  const point = scalePointOf(value);
  const key = scaleLabelKey(line, point);
  return has(key) ? t(key) : SCALE_LABELS[line][point];
}

function lineName(line: Scale): string {
  return t(`chart.line.${line}`);
}

const number1 = formatter(() => new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 }));
// Days are calendar days, not instants: formatted at UTC noon in UTC, so no zone moves them.
const DAY_OPTIONS = {
  short: { day: 'numeric', month: 'short' },
  long: { day: 'numeric', month: 'long', year: 'numeric' },
  table: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
  month: { month: 'short' },
  monthYear: { month: 'short', year: 'numeric' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
const DAY_FORMATS = Object.fromEntries(
  Object.entries(DAY_OPTIONS).map(([style, options]) => [style, formatter(() => new Intl.DateTimeFormat(LOCALE, { ...options, timeZone: 'UTC' }))]),
) as Record<keyof typeof DAY_OPTIONS, () => Intl.DateTimeFormat>;

/** A 'YYYY-MM-DD' day as seconds since the epoch at 12:00 UTC (the middle of the day in every zone's reading of it). */
export function dayToUtcNoon(day: string): number {
  const n = dayNumber(day);
  if (n === null) throw new RangeError(`not a calendar day: ${day}`);
  return n * DAY_SECONDS + DAY_SECONDS / 2;
}

export type DayStyle = keyof typeof DAY_OPTIONS;

/** A day for people: 'short' "Nov 14", 'long' "November 14, 2026", 'table' "Sat, Nov 14, 2026", 'month' "Nov", 'monthYear' "Nov 2026". */
export function formatDay(day: string, style: DayStyle): string {
  return DAY_FORMATS[style]().format(dayToUtcNoon(day) * 1000);
}

/** The same, from uPlot's x value (seconds at UTC noon). */
export function formatSeconds(seconds: number, style: DayStyle): string {
  return DAY_FORMATS[style]().format(seconds * 1000);
}

/** "Emotional closeness: most recently 7 out of 10 (somewhat close), on Nov 14. Average 6.2. Rising over these days." */
export function describeLine(s: LineSummary, checkinDays: number): string {
  const parts: string[] = [];
  if (!s.latest) {
    parts.push(t('chart.summary.notNoted'));
  } else {
    // Health scales are optional in a check-in: say how often this one was noted when it differs.
    if (s.readings !== checkinDays) parts.push(t('chart.summary.noted', { count: s.readings, total: s.total }));
    parts.push(
      t('chart.summary.latest', {
        value: s.latest.value,
        word: scaleWord(s.line, s.latest.value),
        date: formatDay(s.latest.day, 'short'),
      }),
    );
    if (s.readings > 1 && s.average !== null) parts.push(t('chart.summary.average', { average: number1().format(s.average) }));
    parts.push(t(`chart.summary.${s.direction}`));
  }
  return t('chart.summary.line', { line: lineName(s.line), details: parts.join(' ') });
}

export interface PersonText {
  /** The person's name (the screen names me "You"). */
  heading: string;
  /** "12 of 30 days had a check-in." or the kind sentence for no check-ins at all. */
  intro: string;
  /** One sentence per line; empty when there are no check-ins. */
  lines: string[];
}

export function describePerson(s: PersonSummary): PersonText {
  if (s.checkinDays === 0) {
    return {
      heading: s.name,
      intro: s.isMe ? t('chart.summary.noneMe') : t('chart.summary.nonePartner', { name: s.name }),
      lines: [],
    };
  }
  const days = t('chart.summary.days', { count: s.checkinDays, total: s.total });
  return {
    heading: s.name,
    intro: s.bridgedDays > 0 ? `${days} ${t('chart.summary.bridged', { count: s.bridgedDays })}` : days,
    lines: s.lines.map((l) => describeLine(l, s.checkinDays)),
  };
}

/** The first and last day shown, or null for an empty range. */
export function rangeOf(people: readonly ChartPerson[]): { from: string; to: string } | null {
  const days = allDays(people);
  return days.length === 0 ? null : { from: days[0]!, to: days[days.length - 1]! };
}

// ---- chart and table data --------------------------------------------------------------------

/** Every day any person covers, oldest first (the contract says they all cover the same days). */
function allDays(people: readonly ChartPerson[]): string[] {
  const set = new Set<string>();
  for (const p of people) for (const point of p.points) set.add(point.day);
  return [...set].filter((d) => dayNumber(d) !== null).sort();
}

export interface ChartSeries {
  personId: string;
  name: string;
  isMe: boolean;
  /** 0 for me, 1 for the first partner, 2 for the next...: picks colour and marker shape. */
  personIndex: number;
  line: Scale;
  /** A day's reading, or the 7-day average of the readings up to that day. */
  kind: 'reading' | 'weekly';
  /** One per day of ChartData.days; null is a gap. */
  values: (number | null)[];
}

export interface ChartData {
  days: string[];
  /** Seconds at UTC noon of each day (uPlot's x values). */
  xs: number[];
  series: ChartSeries[];
  /** Readings drawn larger, with a ring: `series` indexes ChartData.series, `index` the day. */
  emphasis: { series: number; index: number }[];
}

function byDay(points: readonly DailyPoint[]): Map<string, DailyPoint> {
  return new Map(points.map((p) => [p.day, p]));
}

/**
 * Series for the chart: each person's lines, aligned on the same days (by day, not by index), then
 * (with `trend`) their weekly averages of the two closeness lines.
 */
export function chartData(people: readonly ChartPerson[], showHealth: boolean, options: ChartOptions = {}): ChartData {
  const days = allDays(people);
  const series: ChartSeries[] = [];
  const emphasis: ChartData['emphasis'] = [];
  const emphasized = options.emphasize === undefined ? -1 : days.indexOf(options.emphasize);
  const ordered = orderPeople(people);
  let partnerIndex = 0;
  for (const person of ordered) {
    const personIndex = person.isMe ? 0 : ++partnerIndex;
    const points = byDay(person.points);
    const base = { personId: person.id, name: person.name, isMe: person.isMe, personIndex };
    for (const line of linesFor(person, showHealth)) {
      const values = days.map((d) => {
        const p = points.get(d);
        return p ? lineValue(p, line) : null;
      });
      if (person.isMe && emphasized >= 0 && values[emphasized] != null && isCloseness(line)) emphasis.push({ series: series.length, index: emphasized });
      series.push({ ...base, line, kind: 'reading', values });
    }
    if (!options.trend) continue;
    // The week before the first day, by day, so the first days have a whole week behind them.
    const before = days.length > 0 ? daysBefore(days[0]!, person.before ?? []) : [];
    for (const line of CLOSENESS_LINES) {
      const readings = series.find((s) => s.personId === person.id && s.line === line && s.kind === 'reading')!.values;
      series.push({ ...base, line, kind: 'weekly', values: weeklyAverages(readings, before.map((p) => (p ? lineValue(p, line) : null))) });
    }
  }
  return { days, xs: days.map(dayToUtcNoon), series, emphasis };
}

function isCloseness(line: Scale): boolean {
  return line === 'emotional' || line === 'physical';
}

/** The 6 days before `first`, oldest first, each with its point from `before` or null. */
function daysBefore(first: string, before: readonly DailyPoint[]): (DailyPoint | null)[] {
  const byNumber = new Map(before.map((p) => [dayNumber(p.day), p]));
  const start = dayNumber(first)!;
  const out: (DailyPoint | null)[] = [];
  for (let n = start - (WEEKLY_DAYS - 1); n < start; n++) out.push(byNumber.get(n) ?? null);
  return out;
}

export interface TableColumn {
  personId: string;
  line: Scale;
  /** "You: emotional closeness" */
  label: string;
}

export interface TableRow {
  day: string;
  cells: (number | null)[];
}

/**
 * The numbers behind the chart: one column per person and line, one row per day on which anyone
 * checked in (days without any check-in are left out), newest first.
 */
export function tableData(people: readonly ChartPerson[], showHealth: boolean, trend = false): { columns: TableColumn[]; rows: TableRow[] } {
  const { days, series } = chartData(people, showHealth, { trend });
  const columns = series.map((s) => ({
    personId: s.personId,
    line: s.line,
    label: t(s.kind === 'weekly' ? 'chart.table.weeklyColumn' : 'chart.table.column', { who: s.name, line: lineName(s.line) }),
  }));
  const rows: TableRow[] = [];
  for (let i = days.length - 1; i >= 0; i--) {
    const cells = series.map((s) => s.values[i] ?? null);
    // A row is a day someone checked in; an average alone makes no row.
    if (series.some((s, j) => s.kind === 'reading' && cells[j] !== null)) rows.push({ day: days[i]!, cells });
  }
  return { columns, rows };
}
