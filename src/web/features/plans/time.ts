/**
 * When a rhythm's slots fall: the rule (rrule, RFC 5545 recurrence) is kept in wall-clock time of
 * the zone the rhythm was set in, and each occurrence becomes an instant with luxon, so "Saturday
 * at 19:00 in Berlin" stays 19:00 in Berlin across a DST change, and each member's device shows
 * that instant in its own zone. Loaded only by the plans screens (rrule and luxon are not small).
 *
 * rrule's own time zone support depends on the runtime's Date; its documented way is "floating"
 * dates: Date objects whose UTC fields are the wall-clock fields. That is what happens here.
 */
import { DateTime } from 'luxon';
import { RRule, type Options, type Weekday } from 'rrule';
import type { Every, RhythmDoc } from './kinds.ts';

type RhythmTime = Pick<RhythmDoc, 'every' | 'weekday' | 'time' | 'tz' | 'start' | 'minutes'>;

const WEEKDAYS: readonly Weekday[] = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];

/** The wall-clock fields of an instant in `tz`, as a floating Date (its UTC fields). */
function floating(at: number, tz: string): Date {
  const d = DateTime.fromMillis(at, { zone: tz });
  return new Date(Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute, d.second));
}

/** The instant a floating Date means in `tz`. A time skipped by a DST change moves forward (luxon's rule). */
function instant(f: Date, tz: string): number {
  return DateTime.fromObject(
    { year: f.getUTCFullYear(), month: f.getUTCMonth() + 1, day: f.getUTCDate(), hour: f.getUTCHours(), minute: f.getUTCMinutes() },
    { zone: tz },
  ).toMillis();
}

function ruleParts(every: Every, weekday: number): Partial<Options> {
  const day = WEEKDAYS[weekday - 1]!;
  switch (every) {
    case 'day':
      return { freq: RRule.DAILY };
    case 'weekday':
      return { freq: RRule.WEEKLY, byweekday: WEEKDAYS.slice(0, 5) };
    case 'week':
      return { freq: RRule.WEEKLY, byweekday: [day] };
    case 'two-weeks':
      return { freq: RRule.WEEKLY, interval: 2, byweekday: [day] };
    case 'month':
      // The first such weekday of each month ("the first Saturday").
      return { freq: RRule.MONTHLY, byweekday: [day.nth(1)] };
  }
}

/** The rule in wall-clock time: DTSTART is the start day at the rhythm's time. */
export function rhythmRule(r: RhythmTime): RRule {
  const [y, m, d] = r.start.split('-').map(Number) as [number, number, number];
  const [hh, mm] = r.time.split(':').map(Number) as [number, number];
  return new RRule({ ...ruleParts(r.every, r.weekday), dtstart: new Date(Date.UTC(y, m - 1, d, hh, mm)), wkst: RRule.MO });
}

/** The RRULE line's value for a calendar file ("FREQ=WEEKLY;INTERVAL=2;BYDAY=SA"). */
export function rruleValue(r: RhythmTime): string {
  const line = RRule.optionsToString({ ...ruleParts(r.every, r.weekday), wkst: RRule.MO });
  return line.replace(/^RRULE:/, '');
}

export interface Slot {
  /** The instant it starts, epoch ms. */
  start: number;
  end: number;
}

/**
 * The next `count` slots of a rhythm that have not ended by `now` (a slot under way still shows;
 * one that passed is simply gone), looking at most `days` ahead.
 */
export function comingSlots(r: RhythmTime, now: number, count = 3, days = r.every === 'month' ? 100 : 45): Slot[] {
  const rule = rhythmRule(r);
  // Start a day early in wall-clock terms, so a slot under way is found; then keep what has not ended.
  const from = floating(now - 86_400_000, r.tz);
  const until = floating(now + days * 86_400_000, r.tz);
  const out: Slot[] = [];
  for (const f of rule.between(from, until, true)) {
    const start = instant(f, r.tz);
    const end = start + r.minutes * 60_000;
    if (end <= now) continue;
    out.push({ start, end });
    if (out.length === count) break;
  }
  return out;
}

/** The 'YYYY-MM-DD' of an instant in a zone. */
export function dayIn(at: number, tz: string): string {
  return DateTime.fromMillis(at, { zone: tz }).toISODate()!;
}

/** The ISO weekday (1 Monday to 7) of an instant in a zone. */
export function weekdayIn(at: number, tz: string): number {
  return DateTime.fromMillis(at, { zone: tz }).weekday;
}

/** 'HH:MM' of an instant in a zone. */
export function clockIn(at: number, tz: string): string {
  return DateTime.fromMillis(at, { zone: tz }).toFormat('HH:mm');
}

/** The instant of a wall-clock day and time in a zone (what a date and a time field mean). */
export function instantOf(day: string, time: string, tz: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return DateTime.fromObject({ year: y, month: m, day: d, hour: hh, minute: mm }, { zone: tz }).toMillis();
}
