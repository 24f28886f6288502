import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Checkin } from './checkin.ts';
import { addDays, dailySeries, daysBetween, daysInRange, isDay, rangeFor } from './days.ts';
import { calendarDay } from '../../platform/calendar.ts';

const H = 3_600_000;
const ck = (at: number, emotional = 5, physical = 5, tz = 'UTC'): Checkin => ({ v: 1, at, tz, emotional, physical });

describe('calendarDay', () => {
  it('is the day in the given zone', () => {
    const at = Date.UTC(2024, 0, 1, 2, 30); // 02:30 UTC on 1 January
    expect(calendarDay(at, 'UTC')).toBe('2024-01-01');
    expect(calendarDay(at, 'America/New_York')).toBe('2023-12-31');
    expect(calendarDay(at, 'Asia/Tokyo')).toBe('2024-01-01');
    expect(calendarDay(Date.UTC(2024, 0, 1, 20), 'Asia/Tokyo')).toBe('2024-01-02');
  });

  it('follows DST in Berlin (spring forward 31 March, fall back 27 October 2024)', () => {
    expect(calendarDay(Date.UTC(2024, 2, 30, 23, 30), 'Europe/Berlin')).toBe('2024-03-31'); // 00:30 CET
    expect(calendarDay(Date.UTC(2024, 2, 31, 21, 30), 'Europe/Berlin')).toBe('2024-03-31'); // 23:30 CEST
    expect(calendarDay(Date.UTC(2024, 2, 31, 22, 30), 'Europe/Berlin')).toBe('2024-04-01'); // 00:30 CEST
    expect(calendarDay(Date.UTC(2024, 9, 26, 22, 30), 'Europe/Berlin')).toBe('2024-10-27'); // 00:30 CEST
    expect(calendarDay(Date.UTC(2024, 9, 27, 22, 30), 'Europe/Berlin')).toBe('2024-10-27'); // 23:30 CET
  });

  it('follows DST in New York (10 March and 3 November 2024)', () => {
    expect(calendarDay(Date.UTC(2024, 2, 10, 4, 30), 'America/New_York')).toBe('2024-03-09'); // 23:30 EST
    expect(calendarDay(Date.UTC(2024, 2, 10, 5, 30), 'America/New_York')).toBe('2024-03-10'); // 00:30 EST
    expect(calendarDay(Date.UTC(2024, 2, 11, 3, 30), 'America/New_York')).toBe('2024-03-10'); // 23:30 EDT
    expect(calendarDay(Date.UTC(2024, 10, 3, 4, 30), 'America/New_York')).toBe('2024-11-03'); // 00:30 EDT
    expect(calendarDay(Date.UTC(2024, 10, 4, 4, 30), 'America/New_York')).toBe('2024-11-03'); // 23:30 EST (25-hour day)
  });
});

describe('day arithmetic', () => {
  it('adds days across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysInRange('2024-03-30', '2024-04-01')).toEqual(['2024-03-30', '2024-03-31', '2024-04-01']);
    expect(daysInRange('2024-04-02', '2024-04-01')).toEqual([]);
  });

  it('validates days', () => {
    expect(isDay('2024-02-29')).toBe(true);
    for (const bad of ['2023-02-29', '2024-13-01', '2024-1-01', '20240101', '', 'today']) expect(isDay(bad)).toBe(false);
    expect(() => addDays('2024-02-30', 1)).toThrow(RangeError);
    expect(() => daysInRange('2000-01-01', '2024-01-01')).toThrow(RangeError);
  });

  it('rangeFor covers exactly the last N days ending today', () => {
    expect(rangeFor(7, '2024-03-05')).toEqual({ from: '2024-02-28', to: '2024-03-05' });
    for (const n of [7, 30, 90, 365] as const) {
      const { from, to } = rangeFor(n, '2024-06-15');
      expect(to).toBe('2024-06-15');
      expect(daysInRange(from, to)).toHaveLength(n);
    }
  });
});

describe('dailySeries', () => {
  it('keeps the last check-in of each day and leaves gaps as null', () => {
    const a = ck(Date.UTC(2024, 4, 1, 8), 3, 3);
    const b = ck(Date.UTC(2024, 4, 1, 21), 7, 6);
    const c = ck(Date.UTC(2024, 4, 3, 12), 4, 2);
    const series = dailySeries([b, c, a], { tz: 'UTC', from: '2024-05-01', to: '2024-05-04' });
    expect(series).toEqual([
      { day: '2024-05-01', checkin: b },
      { day: '2024-05-02', checkin: null },
      { day: '2024-05-03', checkin: c },
      { day: '2024-05-04', checkin: null },
    ]);
  });

  it('ignores check-ins outside the range and is empty for an empty range', () => {
    const series = dailySeries([ck(Date.UTC(2024, 3, 30, 12)), ck(Date.UTC(2024, 4, 2, 12))], { tz: 'UTC', from: '2024-05-01', to: '2024-05-01' });
    expect(series).toEqual([{ day: '2024-05-01', checkin: null }]);
    expect(dailySeries([ck(0)], { tz: 'UTC', from: '2024-05-02', to: '2024-05-01' })).toEqual([]);
  });

  it('buckets by the viewer zone: the same check-in is a different day for partners in other zones', () => {
    const late = ck(Date.UTC(2024, 4, 1, 23), 8, 8, 'UTC'); // 23:00 UTC = 19:00 New York, 08:00 next day Tokyo
    expect(dailySeries([late], { tz: 'America/New_York', from: '2024-05-01', to: '2024-05-02' }).map((p) => p.checkin !== null)).toEqual([true, false]);
    expect(dailySeries([late], { tz: 'Asia/Tokyo', from: '2024-05-01', to: '2024-05-02' }).map((p) => p.checkin !== null)).toEqual([false, true]);
  });

  it('a flight from Berlin to New York mid-series neither duplicates nor drops days for the traveller', () => {
    // 21:00 local every evening: 1-10 June in Berlin (19:00 UTC), 11-20 June in New York (01:00 UTC next day).
    const checkins: Checkin[] = [];
    for (let d = 1; d <= 10; d++) checkins.push(ck(Date.UTC(2024, 5, d, 19), d % 11, 5, 'Europe/Berlin'));
    for (let d = 11; d <= 20; d++) checkins.push(ck(Date.UTC(2024, 5, d + 1, 1), d % 11, 5, 'America/New_York'));
    const inNewYork = dailySeries(checkins, { tz: 'America/New_York', from: '2024-06-01', to: '2024-06-20' });
    expect(inNewYork).toHaveLength(20);
    expect(inNewYork.every((p) => p.checkin !== null)).toBe(true);
    expect(new Set(inNewYork.map((p) => p.checkin)).size).toBe(20); // each check-in once
    expect(inNewYork.map((p) => p.checkin!.emotional)).toEqual(Array.from({ length: 20 }, (_, i) => (i + 1) % 11));

    // Seen from Berlin (a partner there), New York evenings are the next Berlin morning: still
    // one entry per day and no check-in counted twice; 11 June is a gap, nothing is lost.
    const inBerlin = dailySeries(checkins, { tz: 'Europe/Berlin', from: '2024-06-01', to: '2024-06-21' });
    expect(inBerlin).toHaveLength(21);
    expect(inBerlin.find((p) => p.day === '2024-06-11')!.checkin).toBeNull();
    const shown = inBerlin.flatMap((p) => (p.checkin ? [p.checkin] : []));
    expect(shown).toHaveLength(20);
    expect(new Set(shown).size).toBe(20);
  });

  it('the flight back east (New York to Berlin) loses no check-in', () => {
    const checkins = [
      ck(Date.UTC(2024, 5, 2, 1), 1, 1, 'America/New_York'), // 1 June 21:00 New York
      ck(Date.UTC(2024, 5, 2, 19), 2, 2, 'Europe/Berlin'), // 2 June 21:00 Berlin (15:00 New York)
      ck(Date.UTC(2024, 5, 3, 19), 3, 3, 'Europe/Berlin'),
    ];
    const inBerlin = dailySeries(checkins, { tz: 'Europe/Berlin', from: '2024-06-01', to: '2024-06-03' });
    // 1 June New York evening is 03:00 on 2 June in Berlin: the later check-in that day wins.
    expect(inBerlin.map((p) => p.checkin?.emotional ?? null)).toEqual([null, 2, 3]);
  });

  it('one check-in per local evening through DST changes gives one entry per day (Berlin and New York)', () => {
    for (const [tz, from, to, startUtc] of [
      ['Europe/Berlin', '2024-03-28', '2024-04-03', Date.UTC(2024, 2, 28, 22, 30)], // 23:30 CET
      ['Europe/Berlin', '2024-10-24', '2024-10-30', Date.UTC(2024, 9, 24, 21, 30)], // 23:30 CEST
      ['America/New_York', '2024-03-07', '2024-03-13', Date.UTC(2024, 2, 8, 4, 30)], // 23:30 EST
      ['America/New_York', '2024-10-31', '2024-11-06', Date.UTC(2024, 10, 1, 3, 30)], // 23:30 EDT
    ] as const) {
      // 24 hours apart in UTC would drift across midnight at the change; step by local day instead.
      const checkins: Checkin[] = [];
      let at = startUtc;
      for (const day of daysInRange(from, to)) {
        // find the instant 23:30 local on `day` near `at`
        for (const shift of [0, -H, H]) {
          if (calendarDay(at + shift, tz) === day && calendarDay(at + shift + H, tz) !== day) {
            at += shift;
            break;
          }
        }
        checkins.push(ck(at, 5, 5, tz));
        at += 24 * H;
      }
      const series = dailySeries(checkins, { tz, from, to });
      expect(series).toHaveLength(7);
      expect(series.map((p) => p.checkin)).toEqual(checkins);
    }
  });

  it('returns one entry per day, each null or the last input of that day (property)', () => {
    const start = Date.UTC(2024, 0, 1);
    const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ t: fc.integer({ min: -3 * 86_400_000, max: 120 * 86_400_000 }), e: fc.integer({ min: 0, max: 10 }) }), { maxLength: 80 }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 40 }),
        (raw, tz, offset, length) => {
          const checkins = raw.map((r) => ck(start + r.t, r.e, 5));
          const from = addDays('2024-01-01', offset);
          const to = addDays(from, length);
          const series = dailySeries(checkins, { tz, from, to });
          expect(series.map((p) => p.day)).toEqual(daysInRange(from, to));
          expect(series).toHaveLength(length + 1);
          for (const p of series) {
            const sameDay = checkins.filter((c) => calendarDay(c.at, tz) === p.day);
            if (sameDay.length === 0) expect(p.checkin).toBeNull();
            else {
              expect(sameDay).toContain(p.checkin);
              expect(p.checkin!.at).toBe(Math.max(...sameDay.map((c) => c.at)));
            }
          }
        },
      ),
    );
  });
});
