import { describe, expect, it } from 'vitest';
import { bridgedDays, gapBridges, weeklyAverages, WEEKLY_MIN_READINGS } from './continuity.ts';

describe('gapBridges', () => {
  it('bridges each gap between two readings, and nothing else', () => {
    expect(gapBridges([5, null, null, 7, 6, null, 4])).toEqual([
      { from: 0, to: 3 },
      { from: 4, to: 6 },
    ]);
    expect(bridgedDays([5, null, null, 7, 6, null, 4])).toBe(3);
  });

  it('draws no bridge before the first reading or after the last', () => {
    expect(gapBridges([null, null, 3, 4, null])).toEqual([]);
    expect(bridgedDays([null, null, 3, 4, null])).toBe(0);
  });

  it('has nothing to bridge with no reading, one reading, or readings every day', () => {
    expect(gapBridges([])).toEqual([]);
    expect(gapBridges([null, null])).toEqual([]);
    expect(gapBridges([null, 2, null])).toEqual([]);
    expect(gapBridges([1, 2, 3])).toEqual([]);
  });

  it('treats a 0 as a reading, never as a gap', () => {
    expect(gapBridges([0, null, 0])).toEqual([{ from: 0, to: 2 }]);
    expect(gapBridges([0, 0])).toEqual([]);
  });
});

describe('weeklyAverages', () => {
  it('averages the 7 days ending on each day once the week has enough readings', () => {
    // Readings on days 0, 1 and 3: the average appears on day 3, the third reading.
    const out = weeklyAverages([4, 6, null, 8, null, null, null, null, null, null]);
    expect(out.slice(0, 4)).toEqual([null, null, null, 6]);
    // Days 4 to 6 still hold all three in their week.
    expect(out.slice(4, 7)).toEqual([6, 6, 6]);
    // Day 7's week (1 to 7) has lost day 0: two readings are too few.
    expect(out[7]).toBeNull();
    expect(out).toHaveLength(10);
  });

  it('ignores gaps instead of counting them as zeros', () => {
    expect(weeklyAverages([10, null, 10, null, 10])).toEqual([null, null, null, null, 10]);
  });

  it('uses the days before the range, so its first days have a whole week behind them', () => {
    // Only the 6 days just before count: 3 to 8, then 5 (38 / 7).
    expect(weeklyAverages([5], [1, 2, 3, 4, 5, 6, 7, 8])).toEqual([5.4]);
    expect(weeklyAverages([null], [2, 4, 6])).toEqual([4]);
  });

  it('rounds to one decimal', () => {
    expect(weeklyAverages([1, 2, 2])).toEqual([null, null, 1.7]);
  });

  it('needs the documented number of readings', () => {
    const few = Array.from({ length: WEEKLY_MIN_READINGS - 1 }, () => 5);
    expect(weeklyAverages(few).every((v) => v === null)).toBe(true);
    expect(weeklyAverages([...few, 5]).at(-1)).toBe(5);
  });
});
