import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { RhythmDoc } from './kinds.ts';
import { icsFileName, planIcs, rhythmIcs } from './ics.ts';

const now = Date.parse('2026-03-01T09:00:00Z');
const rhythm: RhythmDoc = { id: 'r', kind: 'weekly', every: 'week', weekday: 6, time: '19:00', tz: 'Europe/Berlin', minutes: 120, start: '2026-03-01', by: 'u' };

function lines(text: string): string[] {
  return text.split('\r\n');
}

describe('calendar files built on the device', () => {
  it('a plan: one event in UTC with a display alarm, valid RFC 5545 lines (CRLF, 75 octets at most)', () => {
    const text = planIcs(
      { uid: 'p1@innermost', title: 'Date night in', description: 'Bring: candles', start: Date.parse('2026-03-07T18:00:00Z'), minutes: 90, alarmMinutes: 30, alarmText: 'Soon' },
      now,
    );
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    for (const line of lines(text)) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(lines(text)).toEqual(expect.arrayContaining(['DTSTART:20260307T180000Z', 'DTEND:20260307T193000Z', 'DTSTAMP:20260301T090000Z', 'UID:p1@innermost', 'TRIGGER:-PT30M', 'ACTION:DISPLAY']));

    const comp = new ICAL.Component(ICAL.parse(text));
    const event = new ICAL.Event(comp.getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Date night in');
    expect(event.description).toBe('Bring: candles');
    expect(event.startDate.toJSDate().getTime()).toBe(Date.parse('2026-03-07T18:00:00Z'));
    expect(comp.getFirstSubcomponent('vevent')!.getFirstSubcomponent('valarm')!.getFirstPropertyValue('action')).toBe('DISPLAY');
  });

  it('a cancelled plan says so, with a higher sequence, so the calendar updates the same event', () => {
    const text = planIcs({ uid: 'p1@innermost', title: 'x', start: now + 86_400_000, minutes: 30, alarmMinutes: 15, alarmText: 'Soon', cancelled: true, sequence: 3 }, now);
    expect(lines(text)).toEqual(expect.arrayContaining(['STATUS:CANCELLED', 'SEQUENCE:3']));
  });

  it('a rhythm: a recurring event at 19:00 in Berlin with its zone, staying at 19:00 after the DST change', () => {
    const text = rhythmIcs(rhythm, { uid: 'r1@innermost', title: 'Our weekly date', alarmMinutes: 60, alarmText: 'Soon' }, now);
    expect(lines(text)).toEqual(expect.arrayContaining(['DTSTART;TZID=Europe/Berlin:20260307T190000', 'RRULE:FREQ=WEEKLY;BYDAY=SA;WKST=MO', 'TZID:Europe/Berlin', 'TRIGGER:-PT1H']));
    const comp = new ICAL.Component(ICAL.parse(text));
    // ical.js reads the zone from the file itself.
    const zone = new ICAL.Timezone(comp.getFirstSubcomponent('vtimezone')!);
    ICAL.TimezoneService.register(zone, 'Europe/Berlin');
    const event = new ICAL.Event(comp.getFirstSubcomponent('vevent')!);
    const it = event.iterator();
    const starts = [it.next()!, it.next()!, it.next()!, it.next()!, it.next()!].map((t) => t.toJSDate().toISOString());
    ICAL.TimezoneService.remove('Europe/Berlin');
    expect(starts).toEqual(['2026-03-07T18:00:00.000Z', '2026-03-14T18:00:00.000Z', '2026-03-21T18:00:00.000Z', '2026-03-28T18:00:00.000Z', '2026-04-04T17:00:00.000Z']);
  });

  it('file names are safe', () => {
    expect(icsFileName('Date night: in / out!')).toBe('date-night-in-out.ics');
    expect(icsFileName('…')).toBe('plan.ics');
  });
});
