/**
 * Calendar days as the daily question counts them: 'YYYY-MM-DD' strings, checked by hand and with
 * no runtime imports, so the round header's parser (answers.ts) can use them.
 */
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const ORIGIN = Date.UTC(2026, 0, 1);

/** Whether `value` is a real calendar date written 'YYYY-MM-DD'. */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DAY_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(Date.UTC(y, mo - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === mo - 1 && at.getUTCDate() === d;
}

/** Days from 2026-01-01 (negative before it), counted on the calendar, so time zones and DST play no part. */
export function dayIndex(day: string): number {
  if (!isDay(day)) throw new RangeError(`not a calendar day: ${day}`);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - ORIGIN) / DAY_MS);
}
