import { messages, type MessageKey } from './messages.ts';

export type { MessageKey } from './messages.ts';
export { messages } from './messages.ts';

/** The language of the catalog; dates and numbers are formatted in it too, so sentences read as one. */
export const LOCALE = 'en';

export type Params = Record<string, string | number>;

/** Looks a message up and fills `{name}` placeholders. Unknown placeholders are left as written. */
export function t(key: MessageKey, params?: Params): string {
  const text: string = messages[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(messages, key);
}

const plurals = new Intl.PluralRules(LOCALE);

/** `base.one` / `base.other` by count (the count is available as `{count}`). */
export function tn(base: 'sync.pending' | 'join.members', count: number, params?: Params): string {
  const form = plurals.select(count) === 'one' ? 'one' : 'other';
  return t(`${base}.${form}`, { count, ...params });
}

/** "Sam", "Sam and Kit", "Sam, Kit and Ash" (Intl.ListFormat, so it follows the locale). */
export function listNames(names: string[]): string {
  return new Intl.ListFormat(LOCALE, { style: 'long', type: 'conjunction' }).format(names);
}

const dateTime = new Intl.DateTimeFormat(LOCALE, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: 'numeric',
  minute: '2-digit',
});
const dateOnly = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric' });

export function formatDateTime(epochMs: number): string {
  return dateTime.format(epochMs);
}

export function formatDate(epochMs: number): string {
  return dateOnly.format(epochMs);
}

const relative = new Intl.RelativeTimeFormat(LOCALE, { numeric: 'auto' });
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** "just now", "5 minutes ago", "yesterday", "in 2 days": for last-seen times and expiries. */
export function formatRelative(epochMs: number, now: number = Date.now()): string {
  const diff = epochMs - now;
  const abs = Math.abs(diff);
  if (abs < MINUTE_MS) return t('time.justNow');
  if (abs < HOUR_MS) return relative.format(Math.round(diff / MINUTE_MS), 'minute');
  if (abs < DAY_MS) return relative.format(Math.round(diff / HOUR_MS), 'hour');
  return relative.format(Math.round(diff / DAY_MS), 'day');
}
