import { describe, expect, it } from 'vitest';
import { isValidTimeZone, nextDailyAt, quietHoursEnd } from './schedule.ts';

const utc = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().replace('.000', ''));

describe('quiet hours', () => {
  const night = { start: '22:00', end: '07:00' };

  it('cross midnight: held from start until the end, next morning or the same morning', () => {
    // Europe/Berlin in January is UTC+1.
    expect(iso(quietHoursEnd(night, 'Europe/Berlin', utc('2025-01-15T20:59:00Z')))).toBe(null); // 21:59
    expect(iso(quietHoursEnd(night, 'Europe/Berlin', utc('2025-01-15T21:00:00Z')))).toBe('2025-01-16T06:00:00Z'); // 22:00
    expect(iso(quietHoursEnd(night, 'Europe/Berlin', utc('2025-01-15T23:30:00Z')))).toBe('2025-01-16T06:00:00Z'); // 00:30
    expect(iso(quietHoursEnd(night, 'Europe/Berlin', utc('2025-01-16T05:59:00Z')))).toBe('2025-01-16T06:00:00Z'); // 06:59
    expect(iso(quietHoursEnd(night, 'Europe/Berlin', utc('2025-01-16T06:00:00Z')))).toBe(null); // 07:00: over
  });

  it('within one day, and none when start equals end or there are none', () => {
    const afternoon = { start: '13:00', end: '15:30' };
    expect(iso(quietHoursEnd(afternoon, 'America/New_York', utc('2025-01-15T18:00:00Z')))).toBe('2025-01-15T20:30:00Z'); // 13:00 EST
    expect(iso(quietHoursEnd(afternoon, 'America/New_York', utc('2025-01-15T17:59:00Z')))).toBe(null);
    expect(quietHoursEnd({ start: '09:00', end: '09:00' }, 'Europe/Berlin', utc('2025-01-15T08:00:00Z'))).toBe(null);
    expect(quietHoursEnd(null, 'Europe/Berlin', utc('2025-01-15T08:00:00Z'))).toBe(null);
  });

  it('are read in the device’s own zone: the same instant is quiet in one place, not in another', () => {
    const at = utc('2025-06-01T04:00:00Z'); // 06:00 in Berlin (CEST), 00:00 in New York (EDT)
    expect(iso(quietHoursEnd(night, 'Europe/Berlin', at))).toBe('2025-06-01T05:00:00Z');
    expect(iso(quietHoursEnd(night, 'America/New_York', at))).toBe('2025-06-01T11:00:00Z');
    expect(quietHoursEnd(night, 'Asia/Tokyo', at)).toBe(null); // 13:00
  });

  it('span the spring-forward night at the new offset (Berlin, 30 March 2025)', () => {
    // 23:00 CET on the 29th; the night is an hour shorter, 07:00 is CEST (UTC+2).
    expect(iso(quietHoursEnd(night, 'Europe/Berlin', utc('2025-03-29T22:00:00Z')))).toBe('2025-03-30T05:00:00Z');
  });

  it('span the fall-back nights at the old offset (Berlin 26 October, New York 2 November 2025)', () => {
    expect(iso(quietHoursEnd(night, 'Europe/Berlin', utc('2025-10-25T21:00:00Z')))).toBe('2025-10-26T06:00:00Z'); // 23:00 CEST -> 07:00 CET
    expect(iso(quietHoursEnd(night, 'America/New_York', utc('2025-11-02T03:00:00Z')))).toBe('2025-11-02T12:00:00Z'); // 23:00 EDT -> 07:00 EST
    // In the repeated hour (01:30 EST, the second 01:30 of the night) it is still quiet.
    expect(iso(quietHoursEnd(night, 'America/New_York', utc('2025-11-02T06:30:00Z')))).toBe('2025-11-02T12:00:00Z');
  });

  it('that end inside a spring-forward gap end when the clock has jumped (New York, 9 March 2025)', () => {
    // 00:00-02:30 quiet; 02:30 does not exist that night: it ends at 03:30 EDT (07:30Z).
    expect(iso(quietHoursEnd({ start: '00:00', end: '02:30' }, 'America/New_York', utc('2025-03-09T06:30:00Z')))).toBe('2025-03-09T07:30:00Z');
  });
});

describe('daily reminder', () => {
  it('is today at the time if not yet reached, else tomorrow, in the device’s zone', () => {
    expect(iso(nextDailyAt('19:30', 'Europe/Berlin', utc('2025-01-15T18:00:00Z')))).toBe('2025-01-15T18:30:00Z');
    expect(iso(nextDailyAt('19:30', 'Europe/Berlin', utc('2025-01-15T18:30:00Z')))).toBe('2025-01-16T18:30:00Z');
    expect(iso(nextDailyAt('19:30', 'America/New_York', utc('2025-01-15T18:30:00Z')))).toBe('2025-01-16T00:30:00Z');
  });

  it('keeps its local time across the March switches (23 hours apart that day)', () => {
    const before = nextDailyAt('19:30', 'Europe/Berlin', utc('2025-03-29T12:00:00Z'));
    const after = nextDailyAt('19:30', 'Europe/Berlin', before);
    expect([iso(before), iso(after)]).toEqual(['2025-03-29T18:30:00Z', '2025-03-30T17:30:00Z']);
    const ny = nextDailyAt('08:00', 'America/New_York', utc('2025-03-08T12:00:00Z'));
    expect([iso(ny), iso(nextDailyAt('08:00', 'America/New_York', ny))]).toEqual(['2025-03-08T13:00:00Z', '2025-03-09T12:00:00Z']);
  });

  it('keeps its local time across the October and November switches (25 hours apart)', () => {
    const berlin = nextDailyAt('19:30', 'Europe/Berlin', utc('2025-10-25T12:00:00Z'));
    expect([iso(berlin), iso(nextDailyAt('19:30', 'Europe/Berlin', berlin))]).toEqual(['2025-10-25T17:30:00Z', '2025-10-26T18:30:00Z']);
    const ny = nextDailyAt('08:00', 'America/New_York', utc('2025-11-01T11:00:00Z'));
    expect([iso(ny), iso(nextDailyAt('08:00', 'America/New_York', ny))]).toEqual(['2025-11-01T12:00:00Z', '2025-11-02T13:00:00Z']);
  });

  it('at a time that does not exist that night comes once, after the jump (02:30, Berlin spring forward)', () => {
    const first = nextDailyAt('02:30', 'Europe/Berlin', utc('2025-03-29T01:30:00Z')); // right at 02:30 CET on the 29th
    expect(iso(first)).toBe('2025-03-30T01:30:00Z'); // 03:30 CEST on the 30th
    expect(iso(nextDailyAt('02:30', 'Europe/Berlin', first))).toBe('2025-03-31T00:30:00Z'); // 02:30 CEST on the 31st
  });

  it('at a time that happens twice comes once that day (01:30, New York fall back)', () => {
    const first = nextDailyAt('01:30', 'America/New_York', utc('2025-11-01T12:00:00Z'));
    // One of the two 01:30s of 2 November (05:30Z in EDT, 06:30Z in EST)...
    expect(['2025-11-02T05:30:00Z', '2025-11-02T06:30:00Z']).toContain(iso(first));
    // ...and from either of them, the next is the 3rd: never the other 01:30 an hour apart.
    expect(iso(nextDailyAt('01:30', 'America/New_York', utc('2025-11-02T05:30:00Z')))).toBe('2025-11-03T06:30:00Z');
    expect(iso(nextDailyAt('01:30', 'America/New_York', utc('2025-11-02T06:30:00Z')))).toBe('2025-11-03T06:30:00Z');
  });
});

describe('time zones', () => {
  it('accepts IANA names and refuses the rest', () => {
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'UTC']) expect(isValidTimeZone(zone)).toBe(true);
    for (const zone of ['', 'Mars/Olympus', 'Europe/Berlin; drop', 'x'.repeat(80)]) expect(isValidTimeZone(zone)).toBe(false);
  });
});
