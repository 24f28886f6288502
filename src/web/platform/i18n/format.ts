/** Names, dates and relative times, formatted in the catalogs' language (Intl, so they follow the locale). */
import { formatter, LOCALE } from './locale.ts';
import { t } from '../messages.ts';

/** "Sam", "Sam and Kit", "Sam, Kit and Ash" (Intl.ListFormat, so it follows the locale). */
export function listNames(names: string[]): string {
  return new Intl.ListFormat(LOCALE, { style: 'long', type: 'conjunction' }).format(names);
}

const dateTime = formatter(
  () => new Intl.DateTimeFormat(LOCALE, { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' }),
);
const dateOnly = formatter(() => new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric' }));

export function formatDateTime(epochMs: number): string {
  return dateTime().format(epochMs);
}

export function formatDate(epochMs: number): string {
  return dateOnly().format(epochMs);
}

const relative = formatter(() => new Intl.RelativeTimeFormat(LOCALE, { numeric: 'auto' }));
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** "just now", "5 minutes ago", "yesterday", "in 2 days": for last-seen times and expiries. */
export function formatRelative(epochMs: number, now: number = Date.now()): string {
  const diff = epochMs - now;
  const abs = Math.abs(diff);
  if (abs < MINUTE_MS) return t('time.justNow');
  if (abs < HOUR_MS) return relative().format(Math.round(diff / MINUTE_MS), 'minute');
  if (abs < DAY_MS) return relative().format(Math.round(diff / HOUR_MS), 'hour');
  return relative().format(Math.round(diff / DAY_MS), 'day');
}
