/**
 * A VTIMEZONE block for a calendar file (RFC 5545 3.6.5), from luxon's view of the zone: every
 * offset change in the years the rhythm spans, each as its own STANDARD or DAYLIGHT part. A
 * recurring plan keeps its wall-clock time in its zone (TZID), and the file carries what that zone
 * means, so a calendar app needs nothing from outside. Found by stepping day by day and halving
 * to the minute: no hand-written DST rules.
 */
import { DateTime } from 'luxon';

interface Change {
  at: number;
  from: number;
  to: number;
}

const DAY = 86_400_000;

function offsetAt(at: number, tz: string): number {
  return DateTime.fromMillis(at, { zone: tz }).offset;
}

/** Offset changes of `tz` between two instants (minute precision). */
export function offsetChanges(tz: string, from: number, until: number): Change[] {
  const out: Change[] = [];
  let prev = offsetAt(from, tz);
  for (let t = from + DAY; t <= until; t += DAY) {
    const now = offsetAt(t, tz);
    if (now === prev) continue;
    let lo = t - DAY;
    let hi = t;
    while (hi - lo > 60_000) {
      const mid = Math.floor((lo + hi) / 2 / 60_000) * 60_000;
      if (offsetAt(mid, tz) === prev) lo = mid;
      else hi = mid;
    }
    out.push({ at: hi, from: prev, to: now });
    prev = now;
  }
  return out;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** Local wall time just before the change, in the offset it had then (DTSTART of a zone part). */
function localStart(at: number, offsetBefore: number): string {
  return DateTime.fromMillis(at + offsetBefore * 60_000, { zone: 'UTC' }).toFormat("yyyyLLdd'T'HHmmss");
}

/** The VTIMEZONE text for `tz` over [from, from + years). */
export function vtimezone(tz: string, from: number, years = 5): string {
  const start = DateTime.fromMillis(from, { zone: tz }).startOf('year').toMillis();
  const until = DateTime.fromMillis(start, { zone: tz }).plus({ years }).toMillis();
  const changes = offsetChanges(tz, start, until);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${tz}`];
  if (changes.length === 0) {
    const offset = formatOffset(offsetAt(start, tz));
    lines.push('BEGIN:STANDARD', `DTSTART:${localStart(start, offsetAt(start, tz))}`, `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`, 'END:STANDARD');
  }
  // The part in force before the first change, so every time from the start is covered.
  else {
    const first = changes[0]!;
    const o = formatOffset(first.from);
    const part = first.from > first.to ? 'DAYLIGHT' : 'STANDARD';
    lines.push(`BEGIN:${part}`, `DTSTART:${localStart(start, first.from)}`, `TZOFFSETFROM:${o}`, `TZOFFSETTO:${o}`, `END:${part}`);
  }
  for (const c of changes) {
    // Moving to a larger offset is daylight saving time; back to the smaller one is standard time.
    const part = c.to > c.from ? 'DAYLIGHT' : 'STANDARD';
    lines.push(`BEGIN:${part}`, `DTSTART:${localStart(c.at, c.from)}`, `TZOFFSETFROM:${formatOffset(c.from)}`, `TZOFFSETTO:${formatOffset(c.to)}`, `END:${part}`);
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
