/**
 * Calendar days in a time zone: a day is a 'YYYY-MM-DD' string in some IANA zone. No date library:
 * Intl.DateTimeFormat does the zone arithmetic, so a DST change or a flight never counts a day twice.
 */

/** The IANA zone this device is in now: check-ins remember it, and the viewer's days use it. */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * The calendar day of `at` in this device's own zone, from Date's local fields: the same day
 * calendarDay(at, deviceTimeZone()) gives, without Intl. Today asks this on every visit, and on
 * a phone the first Intl formatter with a time zone costs tens of milliseconds to build.
 */
export function localDay(at: number = Date.now()): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(d.getFullYear()).padStart(4, '0')}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Cached: building a formatter costs far more than using one (365 days x 2 people per chart). */
function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Local date and time parts of `at` in `tz`: 'YYYY-MM-DD' and 'HH:MM'. Throws RangeError on an unknown zone. */
export function localParts(at: number, tz: string): { day: string; time: string } {
  const parts = formatterFor(tz).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  const year = get('year').padStart(4, '0');
  return { day: `${year}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** The calendar day ('YYYY-MM-DD') of instant `at` in zone `tz`. */
export function calendarDay(at: number, tz: string): string {
  return localParts(at, tz).day;
}
