/** Times as people read them: in this device's zone, or in a member's own. Intl only. */
import { formatter, LOCALE } from '../../platform/i18n/locale.ts';
import { getIdea } from '../../../../content/ideas.ts';
import type { PlanDoc } from './kinds.ts';

const mine = formatter(() => new Intl.DateTimeFormat(LOCALE, { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' }));
const zoned = new Map<string, Intl.DateTimeFormat>();

/** "Sat 7 Mar, 19:00" in this device's zone. */
export function whenMine(at: number): string {
  return mine().format(at);
}

/** The same instant in another zone ("Sat 7 Mar, 13:00"). */
export function whenIn(at: number, tz: string): string {
  let f = zoned.get(tz);
  if (!f) zoned.set(tz, (f = new Intl.DateTimeFormat(LOCALE, { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', timeZone: tz })));
  return f.format(at);
}

const weekdayNames = formatter(() => new Intl.DateTimeFormat(LOCALE, { weekday: 'long', timeZone: 'UTC' }));
/** "Saturday" for ISO weekday 6 (5 January 1970 was a Monday). */
export function weekdayName(iso: number): string {
  return weekdayNames().format(Date.UTC(1970, 0, 4 + iso));
}

/** What a plan is called: its idea's title, or our own words. */
export function planTitle(plan: Pick<PlanDoc, 'idea' | 'title'>): string {
  return plan.title ?? (plan.idea ? getIdea(plan.idea)?.title : undefined) ?? '';
}

/** This device's local 'YYYY-MM-DD' and 'HH:MM' for an instant (form fields). */
export function localFields(at: number): { day: string; time: string } {
  const d = new Date(at);
  const p = (n: number) => String(n).padStart(2, '0');
  return { day: `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`, time: `${p(d.getHours())}:${p(d.getMinutes())}` };
}

/** The instant of a local day and time typed on this device (NaN when incomplete). */
export function fromLocalFields(day: string, time: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^\d{2}:\d{2}$/.test(time)) return Number.NaN;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(y, m - 1, d, hh, mm).getTime();
}
