/**
 * Calendar days for check-ins. A day is a 'YYYY-MM-DD' string in some IANA zone; the charts and
 * insights bucket every check-in (mine and my partners') by the VIEWER's zone, so someone who
 * flies across zones, or lives through a DST change, gets exactly one entry per day and no
 * check-in counted twice. Pure; no date library: Intl.DateTimeFormat does the zone arithmetic.
 */
import { calendarDay } from '../../platform/calendar.ts';
import type { Checkin } from './checkin.ts';

/** One calendar day of a series: the last check-in of that day, or null (gaps are gaps, not zeros). */
export interface DailyPoint {
  day: string;
  checkin: Checkin | null;
}

/** Far beyond the 365-day chart; only bounds runaway ranges. */
const MAX_SERIES_DAYS = 3660;
export const CHART_RANGES = [7, 30, 90, 365] as const;
export type ChartRange = (typeof CHART_RANGES)[number];

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a valid 'YYYY-MM-DD', or null. */
export function dayNumber(day: string): number | null {
  const m = DAY_RE.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(2000, mo - 1, d));
  date.setUTCFullYear(y);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return Math.round(date.getTime() / MS_PER_DAY);
}

export function isDay(value: unknown): value is string {
  return typeof value === 'string' && dayNumber(value) !== null;
}

function fromDayNumber(n: number): string {
  const date = new Date(n * MS_PER_DAY);
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

function requireDay(day: string): number {
  const n = dayNumber(day);
  if (n === null) throw new RangeError(`not a calendar day: ${day}`);
  return n;
}

/** `day` moved by `n` calendar days (negative goes back). */
export function addDays(day: string, n: number): string {
  return fromDayNumber(requireDay(day) + n);
}

/** Whole calendar days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return requireDay(b) - requireDay(a);
}

/** Every day from `from` to `to`, inclusive; empty when `from` is after `to`. */
export function daysInRange(from: string, to: string): string[] {
  const a = requireDay(from);
  const b = requireDay(to);
  if (b - a + 1 > MAX_SERIES_DAYS) throw new RangeError(`range longer than ${MAX_SERIES_DAYS} days`);
  const out: string[] = [];
  for (let n = a; n <= b; n++) out.push(fromDayNumber(n));
  return out;
}

/** The last `days` calendar days ending with `today` (so 7 is today and the 6 days before). */
export function rangeFor(days: ChartRange, today: string): { from: string; to: string } {
  return { from: addDays(today, -(days - 1)), to: addDays(today, 0) };
}

/**
 * One entry per calendar day in [from, to] in the viewer's zone `tz`, in order: the LAST
 * check-in of that day by `at` (ties: the later in the input), or null. Check-ins outside the
 * range are ignored; each check-in lands on exactly one day.
 */
export function dailySeries(checkins: readonly Checkin[], opts: { tz: string; from: string; to: string }): DailyPoint[] {
  const days = daysInRange(opts.from, opts.to);
  if (days.length === 0) return [];
  const from = days[0]!;
  const to = days[days.length - 1]!;
  const last = new Map<string, Checkin>();
  for (const c of checkins) {
    const day = calendarDay(c.at, opts.tz);
    if (day < from || day > to) continue;
    const prev = last.get(day);
    if (!prev || c.at >= prev.at) last.set(day, c);
  }
  return days.map((day) => ({ day, checkin: last.get(day) ?? null }));
}
