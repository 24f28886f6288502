import { describe, expect, it } from 'vitest';
import type { Checkin } from './checkin.ts';
import { calendarDay } from '../../platform/calendar.ts';
import { partnersToday } from './partner-today.ts';

const inZone = (tz: string) => (at: number) => calendarDay(at, tz);

function at(iso: string, emotional: number, note?: string): Checkin {
  return { v: 1, at: Date.parse(iso), tz: 'UTC', emotional, physical: 5, ...(note !== undefined && { note }) };
}

describe('partnersToday', () => {
  const sam = { userId: 'u-sam', name: 'Sam', checkins: [at('2026-11-20T20:00:00Z', 3), at('2026-11-21T08:00:00Z', 6), at('2026-11-21T19:00:00Z', 7, 'a walk')] };
  const kit = { userId: 'u-kit', name: 'Kit', checkins: [at('2026-11-19T10:00:00Z', 4)] };

  it('shows each partner who checked in today, with their last check-in of the day', () => {
    expect(partnersToday([kit, sam], '2026-11-21', inZone('UTC'))).toEqual([{ userId: 'u-sam', name: 'Sam', checkin: sam.checkins[2] }]);
  });

  it('uses my calendar day: an evening in New York is the next morning in Berlin', () => {
    const late = { ...kit, checkins: [at('2026-11-21T02:00:00Z', 8)] }; // Nov 20, 21:00 in New York
    expect(partnersToday([late], '2026-11-21', inZone('Europe/Berlin'))).toHaveLength(1);
    expect(partnersToday([late], '2026-11-21', inZone('America/New_York'))).toEqual([]);
  });

  it('shows nobody when no partner shares or none checked in today', () => {
    expect(partnersToday([], '2026-11-21', inZone('UTC'))).toEqual([]);
    expect(partnersToday([kit], '2026-11-21', inZone('UTC'))).toEqual([]);
  });
});
