/**
 * Calendar files built on the device (RFC 5545, with ical-generator), so the server never learns
 * what a plan is. A one-off plan is one event in UTC; a rhythm is a recurring event in the zone
 * it was set in (TZID, with the zone's VTIMEZONE written here) and its RRULE, so it stays at the
 * same wall-clock time across DST. Each event carries a display alarm. Loaded on the tap that
 * downloads the file (ical-generator and luxon come with it).
 */
import ical, { ICalAlarmType, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { RhythmDoc } from './kinds.ts';
import { comingSlots, rruleValue } from './time.ts';
import { vtimezone } from './vtimezone.ts';

export interface CalendarEvent {
  /** Stable per plan or rhythm, so importing again updates rather than duplicates. */
  uid: string;
  title: string;
  /** What to bring or prepare, and the idea's words. */
  description?: string;
  start: number;
  minutes: number;
  /** Minutes before the start for the alarm. */
  alarmMinutes: number;
  alarmText: string;
  cancelled?: boolean;
  /** How many times it has changed: calendars keep the newest. */
  sequence?: number;
}

const PRODUCT = { company: 'Innermost', product: 'Plans', language: 'EN' } as const;

function calendar() {
  return ical({ prodId: PRODUCT });
}

/** A one-off plan, in UTC (every calendar shows it in its own zone). */
export function planIcs(event: CalendarEvent, now: number = Date.now()): string {
  const cal = calendar();
  const ev = cal.createEvent({
    id: event.uid,
    sequence: event.sequence ?? 0,
    stamp: new Date(now),
    start: new Date(event.start),
    end: new Date(event.start + event.minutes * 60_000),
    summary: event.title,
    ...(event.description ? { description: event.description } : {}),
    ...(event.cancelled ? { status: ICalEventStatus.CANCELLED } : {}),
  });
  ev.createAlarm({ type: ICalAlarmType.display, trigger: event.alarmMinutes * 60, description: event.alarmText });
  return cal.toString();
}

/** A rhythm as a recurring event from its next slot on, at its wall-clock time in its zone. */
export function rhythmIcs(rhythm: RhythmDoc, event: Omit<CalendarEvent, 'start' | 'minutes'>, now: number = Date.now()): string {
  const [first] = comingSlots(rhythm, now, 1);
  if (!first) throw new RangeError('no coming slot');
  const start = DateTime.fromMillis(first.start, { zone: rhythm.tz });
  const cal = calendar();
  const ev = cal.createEvent({
    id: event.uid,
    sequence: event.sequence ?? 0,
    stamp: new Date(now),
    start,
    end: start.plus({ minutes: rhythm.minutes }),
    timezone: rhythm.tz,
    repeating: `RRULE:${rruleValue(rhythm)}`,
    summary: event.title,
    ...(event.description ? { description: event.description } : {}),
  });
  ev.createAlarm({ type: ICalAlarmType.display, trigger: event.alarmMinutes * 60, description: event.alarmText });
  // The zone's definition, before the event (ical-generator's own calendar zone would write DTSTAMP in local time).
  const text = cal.toString();
  const at = text.indexOf('BEGIN:VEVENT');
  return `${text.slice(0, at)}${vtimezone(rhythm.tz, first.start)}\r\n${text.slice(at)}`;
}

/** A safe file name from a title ("date-night-in.ics"). */
export function icsFileName(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 40);
  return `${base || 'plan'}.ics`;
}
