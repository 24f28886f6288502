/** Time zone names and wall-clock fields, checked with Intl (no library: the kinds load with the app). */

const known = new Map<string, boolean>();

/** Whether `tz` is an IANA zone name this runtime knows ("Europe/Berlin", "UTC"); offsets are refused. */
export function isTimeZone(tz: unknown): tz is string {
  if (typeof tz !== 'string' || tz.length === 0 || tz.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(tz)) return false;
  let ok = known.get(tz);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      ok = true;
    } catch {
      ok = false;
    }
    if (known.size < 1000) known.set(tz, ok);
  }
  return ok;
}

export const HHMM_RE = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
export const DAY_RE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
