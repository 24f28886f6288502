import { describe, expect, it } from 'vitest';
import { clockIn, comingSlots, instantOf, rhythmRule, rruleValue } from './time.ts';

const weekly = { every: 'week', weekday: 6, time: '19:00', tz: 'Europe/Berlin', start: '2026-03-01', minutes: 120 } as const;
const utc = (iso: string) => Date.parse(iso);

describe('slot times', () => {
  it('keeps 19:00 in Berlin across the spring DST change (the instant moves by an hour in UTC)', () => {
    const slots = comingSlots(weekly, utc('2026-03-20T00:00:00Z'), 3);
    // 21 March is still winter time (UTC+1); 28 March too; 4 April is summer time (UTC+2).
    expect(slots.map((s) => new Date(s.start).toISOString())).toEqual(['2026-03-21T18:00:00.000Z', '2026-03-28T18:00:00.000Z', '2026-04-04T17:00:00.000Z']);
    expect(slots.every((s) => clockIn(s.start, 'Europe/Berlin') === '19:00')).toBe(true);
    expect(slots[0]!.end - slots[0]!.start).toBe(120 * 60_000);
  });

  it('shows each member their own local time: the Berlin date is 14:00 in New York, and 13:00 for the week when only Europe changed clocks', () => {
    const slots = comingSlots(weekly, utc('2026-03-01T00:00:00Z'), 5);
    // New York moves on 8 March, Berlin on 29 March: for three weeks the gap is five hours, not six.
    expect(slots.map((s) => clockIn(s.start, 'America/New_York'))).toEqual(['13:00', '14:00', '14:00', '14:00', '13:00']);
    expect(slots.map((s) => clockIn(s.start, 'Europe/Berlin'))).toEqual(['19:00', '19:00', '19:00', '19:00', '19:00']);
    expect(clockIn(slots[4]!.start, 'Asia/Tokyo')).toBe('02:00');
  });

  it('a time skipped by the DST change moves forward; the autumn repeated hour is taken once', () => {
    const night = { every: 'day', weekday: 1, time: '02:30', tz: 'Europe/Berlin', start: '2026-03-28', minutes: 30 } as const;
    const slots = comingSlots(night, utc('2026-03-27T12:00:00Z'), 3);
    expect(slots.map((s) => clockIn(s.start, 'Europe/Berlin'))).toEqual(['02:30', '03:30', '02:30']);
    const autumn = comingSlots({ ...night, start: '2026-10-24' }, utc('2026-10-24T12:00:00Z'), 3);
    expect(autumn).toHaveLength(3);
    expect(new Set(autumn.map((s) => s.start)).size).toBe(3);
  });

  it('a slot that passed is gone; one under way still shows', () => {
    const now = utc('2026-03-21T18:30:00Z'); // half an hour into the 21 March date
    expect(new Date(comingSlots(weekly, now, 1)[0]!.start).toISOString()).toBe('2026-03-21T18:00:00.000Z');
    const later = utc('2026-03-21T20:00:00Z'); // it ended
    expect(new Date(comingSlots(weekly, later, 1)[0]!.start).toISOString()).toBe('2026-03-28T18:00:00.000Z');
  });

  it('every other week counts from the start day; weekdays skip the weekend; monthly is the first such weekday', () => {
    const fortnight = comingSlots({ ...weekly, every: 'two-weeks', start: '2026-03-07' }, utc('2026-03-01T00:00:00Z'), 3);
    expect(fortnight.map((s) => new Date(s.start).toISOString().slice(0, 10))).toEqual(['2026-03-07', '2026-03-21', '2026-04-04']);
    const weekdays = comingSlots({ ...weekly, every: 'weekday', time: '08:00' }, utc('2026-03-06T12:00:00Z'), 3);
    expect(weekdays.map((s) => new Date(s.start).toISOString().slice(0, 10))).toEqual(['2026-03-09', '2026-03-10', '2026-03-11']);
    const monthly = comingSlots({ ...weekly, every: 'month', time: '10:00' }, utc('2026-03-10T00:00:00Z'), 2);
    expect(monthly.map((s) => new Date(s.start).toISOString().slice(0, 10))).toEqual(['2026-04-04', '2026-05-02']);
  });

  it('the recurrence rule as a calendar file writes it', () => {
    expect(rruleValue(weekly)).toBe('FREQ=WEEKLY;BYDAY=SA;WKST=MO');
    expect(rruleValue({ ...weekly, every: 'two-weeks' })).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=SA;WKST=MO');
    expect(rruleValue({ ...weekly, every: 'month' })).toBe('FREQ=MONTHLY;BYDAY=+1SA;WKST=MO');
    expect(rhythmRule(weekly).options.byweekday).toEqual([5]);
  });

  it('a date and time typed in a zone mean one instant', () => {
    expect(new Date(instantOf('2026-07-04', '19:00', 'America/New_York')).toISOString()).toBe('2026-07-04T23:00:00.000Z');
  });
});
