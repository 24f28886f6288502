/**
 * Wall-clock times in a device's own time zone -> instants: when quiet hours end, when the next
 * daily reminder is due. luxon does the zone arithmetic (Intl alone can format an instant in a
 * zone but not turn a local time back into an instant without guessing offsets around DST).
 *
 * DST: a local time that does not exist (02:30 on a spring-forward night) moves forward past the
 * gap (to 03:30), as luxon does; a local time that happens twice (01:30 on a fall-back night) is
 * one of its two occurrences, and the next reminder after either is the following day's. Either
 * way a reminder comes once that day, and quiet hours end at most an hour off on the two nights
 * a year a clock changes.
 */
import { DateTime } from 'luxon';

export interface QuietHours {
  start: string;
  end: string;
}

/** True when the IANA name is one this runtime (Intl) knows. */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone || timeZone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return DateTime.now().setZone(timeZone).isValid;
  } catch {
    return false;
  }
}

function parseClock(text: string): { hour: number; minute: number } {
  const [hour, minute] = text.split(':').map(Number);
  return { hour: hour!, minute: minute! };
}

/** `day` (any time that day, in the zone) at the local time hh:mm, as epoch ms. */
function atLocal(day: DateTime, clock: { hour: number; minute: number }): number {
  return day.set({ hour: clock.hour, minute: clock.minute, second: 0, millisecond: 0 }).toMillis();
}

/**
 * When the quiet hours that `now` falls in end, or null when `now` is outside them (or there are
 * none). Quiet hours are [start, end) in local time; start > end crosses midnight; start == end
 * means none.
 */
export function quietHoursEnd(quiet: QuietHours | null, timeZone: string, now: number): number | null {
  if (!quiet || quiet.start === quiet.end) return null;
  const local = DateTime.fromMillis(now, { zone: timeZone });
  const start = parseClock(quiet.start);
  const end = parseClock(quiet.end);
  const minute = local.hour * 60 + local.minute;
  const startMinute = start.hour * 60 + start.minute;
  const endMinute = end.hour * 60 + end.minute;
  let endsAt: number;
  if (startMinute < endMinute) {
    if (minute < startMinute || minute >= endMinute) return null;
    endsAt = atLocal(local, end);
  } else if (minute >= startMinute) {
    // Late evening of a night that crosses midnight: quiet until tomorrow's end.
    endsAt = atLocal(local.plus({ days: 1 }), end);
  } else if (minute < endMinute) {
    endsAt = atLocal(local, end);
  } else {
    return null;
  }
  // A DST change inside the window can place the computed end at or before now; never hold back in time.
  return endsAt > now ? endsAt : null;
}

/**
 * The next instant after `after` whose local time in `timeZone` is `at` (HH:MM): today's if the
 * local clock has not reached it yet, else tomorrow's. Deciding the day by the local clock (not
 * by "the next instant that reads HH:MM") keeps it once a day on a fall-back night, when HH:MM
 * may happen twice.
 */
export function nextDailyAt(at: string, timeZone: string, after: number): number {
  const clock = parseClock(at);
  const local = DateTime.fromMillis(after, { zone: timeZone });
  const today = local.hour * 60 + local.minute < clock.hour * 60 + clock.minute;
  const day = today ? local : local.plus({ days: 1 });
  const candidate = atLocal(day, clock);
  // A gap can move today's time to or before now (02:30 read as 03:30 at 03:10): then tomorrow.
  return candidate > after ? candidate : atLocal(day.plus({ days: 1 }), clock);
}
