import { describe, expect, it } from 'vitest';
import type { Checkin } from './checkin.ts';
import { addDays, daysInRange, type DailyPoint } from './days.ts';
import { CHANGE_MIN_POINTS, compareFortnights, describeChange, FORTNIGHT_MIN_READINGS } from './change-summary.ts';

const TODAY = '2026-11-21';

function checkin(emotional: number, physical: number): Checkin {
  return { v: 1, at: 0, tz: 'UTC', emotional, physical };
}

/** 28 days ending today; `earlier` and `recent` map a day offset in their fortnight (0 = its first day) to a check-in. */
function fortnights(earlier: Record<number, Checkin>, recent: Record<number, Checkin>): DailyPoint[] {
  return daysInRange(addDays(TODAY, -27), TODAY).map((day, i) => ({ day, checkin: (i < 14 ? earlier[i] : recent[i - 14]) ?? null }));
}

/** Four check-ins spread over a fortnight, all with the same values. */
function four(emotional: number, physical: number): Record<number, Checkin> {
  return { 0: checkin(emotional, physical), 4: checkin(emotional, physical), 8: checkin(emotional, physical), 12: checkin(emotional, physical) };
}

describe('compareFortnights', () => {
  it('says emotional rose and physical stayed about the same, in one sentence, with the numbers', () => {
    const c = compareFortnights(fortnights(four(4, 5), four(6, 5)), TODAY);
    expect(c).toMatchObject({ kind: 'compared', earlierReadings: 4, recentReadings: 4, emotional: { before: 4, recent: 6, change: 'rose' }, physical: { change: 'same' } });
    expect(describeChange(c)).toEqual({
      sentence: 'Over the last two weeks your emotional closeness rose; physical closeness stayed about the same.',
      numbers: 'Your averages, the two weeks before and the last two weeks: emotional 4 and 6, physical 5 and 5 (out of 10).',
    });
  });

  it('says both together when they moved alike', () => {
    expect(describeChange(compareFortnights(fortnights(four(3, 2), four(6, 5)), TODAY)).sentence).toBe(
      'Over the last two weeks, both your emotional and your physical closeness rose.',
    );
    expect(describeChange(compareFortnights(fortnights(four(7, 7), four(5, 4)), TODAY)).sentence).toBe(
      'Over the last two weeks, both your emotional and your physical closeness fell.',
    );
    expect(describeChange(compareFortnights(fortnights(four(5, 5), four(5, 5)), TODAY)).sentence).toBe(
      'Over the last two weeks, your emotional and your physical closeness stayed about the same as the two weeks before.',
    );
  });

  it('needs a whole point of change: less is the usual ups and downs', () => {
    // 5, 5, 5, 6 averages 5.25: a quarter point is no change.
    const recent = { ...four(5, 5), 12: checkin(6, 6) };
    expect(compareFortnights(fortnights(four(5, 5), recent), TODAY)).toMatchObject({ emotional: { change: 'same', recent: 5.3 } });
    // Exactly one point, either way.
    expect(CHANGE_MIN_POINTS).toBe(1);
    expect(compareFortnights(fortnights(four(5, 5), four(6, 4)), TODAY)).toMatchObject({ emotional: { change: 'rose' }, physical: { change: 'fell' } });
  });

  it('averages readings only: days without a check-in are left out, not zeros', () => {
    const sparse = compareFortnights(fortnights(four(8, 8), four(8, 8)), TODAY);
    expect(sparse).toMatchObject({ emotional: { before: 8, recent: 8, change: 'same' } });
  });

  it('counts today in the last two weeks and the 14 days before in the earlier fortnight', () => {
    const earlier = four(2, 2);
    const recent = { 1: checkin(9, 9), 5: checkin(9, 9), 9: checkin(9, 9), 13: checkin(9, 9) }; // 13 is today
    const c = compareFortnights(fortnights(earlier, recent), TODAY);
    expect(c).toMatchObject({ kind: 'compared', emotional: { before: 2, recent: 9 } });
  });

  it('ignores days after today and days older than four weeks', () => {
    const points: DailyPoint[] = [
      { day: addDays(TODAY, -28), checkin: checkin(0, 0) },
      ...fortnights(four(5, 5), four(5, 5)),
      { day: addDays(TODAY, 1), checkin: checkin(10, 10) },
    ];
    expect(compareFortnights(points, TODAY)).toMatchObject({ emotional: { before: 5, recent: 5, change: 'same' } });
  });

  it('says nothing about a change with too few check-ins, and says so kindly', () => {
    const few = { 0: checkin(1, 1), 5: checkin(1, 1), 10: checkin(1, 1) };
    expect(FORTNIGHT_MIN_READINGS).toBe(4);
    const c = compareFortnights(fortnights(four(9, 9), few), TODAY);
    expect(c).toEqual({ kind: 'too-few', earlierReadings: 4, recentReadings: 3 });
    const text = describeChange(c);
    expect(text.numbers).toBeUndefined();
    expect(text.sentence).toMatch(/no hurry/);
    expect(text.sentence).not.toMatch(/fell|rose/);
  });

  it('says so kindly with no check-ins at all, or only recent ones', () => {
    expect(compareFortnights([], TODAY)).toEqual({ kind: 'too-few', earlierReadings: 0, recentReadings: 0 });
    expect(compareFortnights(fortnights({}, four(5, 5)), TODAY)).toEqual({ kind: 'too-few', earlierReadings: 0, recentReadings: 4 });
  });
});
