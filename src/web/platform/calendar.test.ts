import { afterEach, describe, expect, it } from 'vitest';
import { calendarDay, deviceTimeZone, localDay } from './calendar.ts';

const original = process.env.TZ;
afterEach(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

describe('localDay', () => {
  it('is the day calendarDay gives in the device zone, across zones and DST changes', () => {
    // Around a spring-forward and a fall-back in Europe and America, midnight, and the date line.
    const instants = [
      Date.UTC(2024, 2, 31, 0, 30),
      Date.UTC(2024, 2, 31, 1, 30),
      Date.UTC(2024, 9, 27, 0, 59),
      Date.UTC(2024, 10, 3, 6, 30),
      Date.UTC(2024, 0, 1, 0, 0),
      Date.UTC(2023, 11, 31, 23, 59),
      Date.UTC(2024, 1, 29, 12, 0),
    ];
    for (const zone of ['UTC', 'Europe/Berlin', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kolkata']) {
      process.env.TZ = zone;
      const device = deviceTimeZone();
      for (const at of instants) {
        expect(localDay(at), `${zone} ${new Date(at).toISOString()}`).toBe(calendarDay(at, device));
        expect(localDay(at)).toBe(calendarDay(at, zone));
      }
    }
  });

  it('differs from the UTC day where the zone says so', () => {
    process.env.TZ = 'Pacific/Kiritimati'; // UTC+14
    expect(localDay(Date.UTC(2024, 0, 1, 12, 0))).toBe('2024-01-02');
  });
});
