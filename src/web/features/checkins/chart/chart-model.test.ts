import { describe, expect, it } from 'vitest';
import type { Checkin } from '../checkin.ts';
import { addDays, daysInRange, rangeFor, type DailyPoint } from '../days.ts';
import {
  chartData,
  dayToUtcNoon,
  describeLine,
  describePerson,
  DIRECTION_MIN_READINGS,
  directionOf,
  formatDay,
  formatSeconds,
  rangeOf,
  scalePointOf,
  scaleWord,
  summarizeLine,
  summarizePeople,
  tableData,
  type ChartPerson,
} from './chart-model.ts';

const TODAY = '2026-11-21';

function checkin(emotional: number, physical: number, extra: Partial<Checkin> = {}): Checkin {
  return { v: 1, at: 0, tz: 'UTC', emotional, physical, ...extra };
}

/** A series over the last `days` days; `values[i]` is the check-in on day i (oldest first), or null. */
function series(days: number, values: (Checkin | null)[] = []): DailyPoint[] {
  const { from, to } = rangeFor(days as 7, TODAY);
  return daysInRange(from, to).map((day, i) => ({ day, checkin: values[i] ?? null }));
}

function person(id: string, isMe: boolean, points: DailyPoint[], name = isMe ? 'You' : 'Sam'): ChartPerson {
  return { id, name, isMe, points };
}

describe('days on the x axis', () => {
  it('puts each day at 12:00 UTC, in seconds, whatever the zone', () => {
    expect(dayToUtcNoon('1970-01-01')).toBe(43_200);
    expect(dayToUtcNoon('2026-11-21')).toBe(Date.UTC(2026, 10, 21, 12) / 1000);
    expect(dayToUtcNoon('2026-03-29') - dayToUtcNoon('2026-03-28')).toBe(86_400); // a DST night in Europe
    expect(() => dayToUtcNoon('2026-02-30')).toThrow(RangeError);
  });

  it('formats days in UTC so no zone moves them', () => {
    expect(formatDay('2026-01-01', 'short')).toBe('Jan 1');
    expect(formatDay('2026-12-31', 'long')).toBe('December 31, 2026');
    expect(formatDay('2026-11-21', 'table')).toBe('Sat, Nov 21, 2026');
    expect(formatSeconds(dayToUtcNoon('2026-02-01'), 'month')).toBe('Feb');
  });
});

describe('summarizeLine', () => {
  it('describes an empty range without inventing values', () => {
    const s = summarizeLine(series(30), 'emotional');
    expect(s).toEqual({ line: 'emotional', total: 30, readings: 0, latest: null, average: null, direction: 'unclear', change: null });
  });

  it('counts a single check-in and sees no direction in it', () => {
    const values: (Checkin | null)[] = Array(30).fill(null);
    values[10] = checkin(6, 3);
    const s = summarizeLine(series(30, values), 'physical');
    expect(s.readings).toBe(1);
    expect(s.latest).toEqual({ day: addDays(TODAY, -19), value: 3 });
    expect(s.average).toBe(3);
    expect(s.direction).toBe('unclear');
  });

  it('treats gaps as gaps, not zeros', () => {
    // 7 7 _ _ 7 _ 7: with zeros this would average 4 and look like it falls and rises.
    const s = summarizeLine(series(7, [checkin(7, 7), checkin(7, 7), null, null, checkin(7, 7), null, checkin(7, 7)]), 'emotional');
    expect(s.readings).toBe(4);
    expect(s.average).toBe(7);
    expect(s.latest?.day).toBe(addDays(TODAY, -0));
  });

  it('leaves out a health scale on days it was not noted', () => {
    const s = summarizeLine(series(7, [checkin(5, 5, { energy: 2 }), checkin(5, 5), checkin(5, 5, { energy: 4 })]), 'energy');
    expect(s.readings).toBe(2);
    expect(s.average).toBe(3);
    expect(s.latest).toEqual({ day: addDays(TODAY, -4), value: 4 });
  });

  it('rounds the average to one decimal', () => {
    const s = summarizeLine(series(7, [checkin(1, 0), checkin(2, 0), checkin(2, 0)]), 'emotional');
    expect(s.average).toBe(1.7);
  });
});

describe('direction', () => {
  const days = [0, 1, 2, 3, 4, 5, 6];

  it('needs enough readings', () => {
    expect(DIRECTION_MIN_READINGS).toBe(5);
    expect(directionOf([0, 1, 2, 3], [1, 4, 7, 10]).direction).toBe('unclear');
    expect(directionOf([0, 1, 2, 3, 4], [1, 3, 5, 7, 9]).direction).toBe('rising');
  });

  it('is rising or falling from one whole point of change over the span, steady below', () => {
    // Exactly one point over six days.
    expect(directionOf(days, days.map((d) => 5 + d / 6))).toEqual({ direction: 'rising', change: 1 });
    expect(directionOf(days, days.map((d) => 5 - d / 6))).toEqual({ direction: 'falling', change: -1 });
    // Just under one point: steady.
    expect(directionOf(days, days.map((d) => 5 + (0.9 * d) / 6)).direction).toBe('steady');
    expect(directionOf(days, days.map((d) => 5 - (0.9 * d) / 6)).direction).toBe('steady');
    expect(directionOf(days, [5, 5, 5, 5, 5, 5, 5])).toEqual({ direction: 'steady', change: 0 });
  });

  it('does not read day-to-day wobble as a direction', () => {
    expect(directionOf(days, [4, 6, 4, 6, 4, 6, 5]).direction).toBe('steady');
  });

  it('means the same change on a long range as on a short one', () => {
    // One point over a year is rising; a tenth of a point per day over a week is not.
    const year = Array.from({ length: 12 }, (_, i) => i * 33);
    expect(directionOf(year, year.map((d) => 4 + (1.5 * d) / 363)).direction).toBe('rising');
    expect(directionOf([0, 1, 2, 3, 6], [5, 5.1, 5.2, 5.3, 5.6]).direction).toBe('steady');
  });

  it('uses the real days between readings, not their order', () => {
    // Five readings: four early ones at 8, one low at the end after a long gap.
    const s = summarizeLine(series(30, [checkin(8, 8), checkin(8, 8), checkin(8, 8), checkin(8, 8), ...Array(25).fill(null), checkin(2, 8)]), 'emotional');
    expect(s.direction).toBe('falling');
    expect(s.change).toBeLessThan(-1);
  });
});

describe('scale words', () => {
  it('takes the nearest labelled point', () => {
    expect([0, 2, 3, 5, 7, 8, 10].map(scalePointOf)).toEqual(['low', 'low', 'mid', 'mid', 'mid', 'high', 'high']);
    expect(scaleWord('emotional', 9)).toBe('very close');
    expect(scaleWord('pain', 0)).toBe('none');
  });
});

describe('the text summary', () => {
  it('says what each line shows, kindly and plainly', () => {
    const values = [checkin(3, 2), checkin(4, 2), checkin(5, 2), checkin(6, 2), checkin(7, 2), null, checkin(8, 2)];
    const [me] = summarizePeople([person('me', true, series(7, values))], false);
    const text = describePerson(me!);
    expect(text.heading).toBe('You');
    expect(text.intro).toBe('6 of 7 days had a check-in. The lines go on across 1 day without a check-in, drawn lighter and dotted.');
    expect(text.lines).toEqual([
      'Emotional closeness: most recently 8 out of 10 (very close), on Nov 21. Average 5.5. Rising over these days.',
      'Physical closeness: most recently 2 out of 10 (far apart), on Nov 21. Average 2. Steady over these days.',
    ]);
  });

  it('says when there are too few check-ins for a direction, and skips the average of one', () => {
    const s = summarizeLine(series(7, [null, null, checkin(5, 5)]), 'emotional');
    expect(describeLine(s, 1)).toBe('Emotional closeness: most recently 5 out of 10 (somewhat close), on Nov 17. Not enough check-ins yet to see a direction.');
  });

  it('mentions how often an optional scale was noted, and when it never was', () => {
    const points = series(7, [checkin(5, 5, { stress: 8 }), checkin(5, 5)]);
    const [me] = summarizePeople([person('me', true, points)], true);
    const text = describePerson(me!);
    expect(text.lines).toHaveLength(5);
    expect(text.lines[2]).toBe('Energy: not noted in these days.');
    expect(text.lines[4]).toBe('Stress: noted on 1 of 7 days; most recently 8 out of 10 (very stressed), on Nov 15. Not enough check-ins yet to see a direction.');
  });

  it('speaks of a partner with no data without blame', () => {
    const summaries = summarizePeople([person('p1', false, series(30)), person('me', true, series(30, [checkin(5, 5)]))], true);
    expect(summaries.map((s) => s.id)).toEqual(['me', 'p1']); // me first
    expect(summaries[1]!.lines.map((l) => l.line)).toEqual(['emotional', 'physical']); // never a partner's health
    const text = describePerson(summaries[1]!);
    expect(text.intro).toBe('No check-ins shared by Sam in these days.');
    expect(text.lines).toEqual([]);
    expect(describePerson(summarizePeople([person('me', true, series(7))], false)[0]!).intro).toBe('No check-ins from you in these days.');
  });
});

describe('chartData', () => {
  it('aligns people by day and keeps gaps as null', () => {
    const mine = series(7, [checkin(5, 4, { energy: 3, pain: 2, stress: 1 }), null, checkin(6, 5)]);
    const theirs = series(7, [null, checkin(7, 8)]);
    const data = chartData([person('p1', false, theirs), person('me', true, mine)], true);
    expect(data.days).toEqual(daysInRange(addDays(TODAY, -6), TODAY));
    expect(data.xs[0]).toBe(dayToUtcNoon(addDays(TODAY, -6)));
    expect(data.series.map((s) => `${s.personId}:${s.line}:${s.personIndex}`)).toEqual([
      'me:emotional:0',
      'me:physical:0',
      'me:energy:0',
      'me:pain:0',
      'me:stress:0',
      'p1:emotional:1',
      'p1:physical:1',
    ]);
    expect(data.series[0]!.values).toEqual([5, null, 6, null, null, null, null]);
    expect(data.series[2]!.values).toEqual([3, null, null, null, null, null, null]);
    expect(data.series[6]!.values).toEqual([null, 8, null, null, null, null, null]);
  });

  it('has no health lines unless asked, and copes with no people', () => {
    const data = chartData([person('me', true, series(7, [checkin(1, 1, { energy: 1 })]))], false);
    expect(data.series.map((s) => s.line)).toEqual(['emotional', 'physical']);
    expect(chartData([], true)).toEqual({ days: [], xs: [], series: [], emphasis: [] });
    expect(rangeOf([])).toBeNull();
  });

  it('numbers partners for colours and shapes in the order given', () => {
    const data = chartData([person('me', true, series(7)), person('a', false, series(7), 'Ash'), person('k', false, series(7), 'Kit')], false);
    expect(data.series.map((s) => s.personIndex)).toEqual([0, 0, 1, 1, 2, 2]);
  });
});

describe('days without a check-in', () => {
  it('counts only the days between two check-ins as bridged, never the days before the first or after the last', () => {
    const values = [null, checkin(3, 3), null, null, checkin(4, 4), checkin(5, 5), null];
    const [me] = summarizePeople([person('me', true, series(7, values))], false);
    expect(me!.bridgedDays).toBe(2);
    expect(describePerson(me!).intro).toBe('3 of 7 days had a check-in. The lines go on across 2 days without a check-in, drawn lighter and dotted.');
  });

  it('says nothing about bridges when every day between has a check-in', () => {
    const [me] = summarizePeople([person('me', true, series(7, [null, checkin(3, 3), checkin(4, 4)]))], false);
    expect(me!.bridgedDays).toBe(0);
    expect(describePerson(me!).intro).toBe('2 of 7 days had a check-in.');
  });

  it('keeps the gap days null in the chart data: the dotted stretch is drawn, never a value', () => {
    const data = chartData([person('me', true, series(7, [checkin(3, 3), null, checkin(4, 4)]))], false);
    expect(data.series[0]!.values.slice(0, 3)).toEqual([3, null, 4]);
  });
});

describe('the weekly trend', () => {
  it('adds each person’s 7-day averages of the two closeness lines, using the week before the range', () => {
    const before = daysInRange(addDays(TODAY, -12), addDays(TODAY, -7)).map((day, i) => ({ day, checkin: i >= 3 ? checkin(2, 6) : null }));
    const mine = series(7, [checkin(5, 6), null, null, null, null, null, checkin(8, 6)]);
    const data = chartData([{ ...person('me', true, mine), before }, person('p1', false, series(7))], false, { trend: true });
    expect(data.series.map((s) => `${s.personId}:${s.line}:${s.kind}`)).toEqual([
      'me:emotional:reading',
      'me:physical:reading',
      'me:emotional:weekly',
      'me:physical:weekly',
      'p1:emotional:reading',
      'p1:physical:reading',
      'p1:emotional:weekly',
      'p1:physical:weekly',
    ]);
    // The first day's week: three 2s just before the range and a 5 (11 / 4). As the 2s leave the
    // week one by one the average moves, then stops where a week holds fewer than three readings.
    expect(data.series[2]!.values).toEqual([2.8, 2.8, 2.8, 2.8, 3, null, null]);
    expect(data.series[3]!.values.slice(0, 3)).toEqual([6, 6, 6]);
    expect(data.series[6]!.values.every((v) => v === null)).toBe(true);
  });

  it('adds no averages unless asked', () => {
    const data = chartData([person('me', true, series(7, [checkin(5, 6)]))], false);
    expect(data.series.every((s) => s.kind === 'reading')).toBe(true);
  });

  it('puts the averages in the table beside the readings, without making rows of their own', () => {
    const before = daysInRange(addDays(TODAY, -12), addDays(TODAY, -7)).map((day) => ({ day, checkin: checkin(4, 4) }));
    const { columns, rows } = tableData([{ ...person('me', true, series(7, [checkin(6, 4)])), before }], false, true);
    expect(columns.map((c) => c.label)).toEqual([
      'You: Emotional closeness',
      'You: Physical closeness',
      'You: Emotional closeness, 7-day average',
      'You: Physical closeness, 7-day average',
    ]);
    expect(rows).toEqual([{ day: addDays(TODAY, -6), cells: [6, 4, 4.3, 4] }]);
  });
});

describe('today’s point', () => {
  it('rings my two closeness readings of the day asked for, never a partner’s or a health line', () => {
    const mine = series(7, [null, null, null, null, null, null, checkin(7, 5, { energy: 3 })]);
    const theirs = series(7, [null, null, null, null, null, null, checkin(6, 6)]);
    const data = chartData([person('me', true, mine), person('p1', false, theirs)], true, { emphasize: TODAY });
    expect(data.emphasis).toEqual([
      { series: 0, index: 6 },
      { series: 1, index: 6 },
    ]);
  });

  it('rings nothing on a day without my check-in', () => {
    expect(chartData([person('me', true, series(7, [checkin(7, 5)]))], false, { emphasize: TODAY }).emphasis).toEqual([]);
  });
});

describe('tableData', () => {
  it('has one row per day with any check-in, newest first, and a column per person and line', () => {
    const mine = series(7, [checkin(5, 4, { pain: 6 }), null, null, checkin(6, 5)]);
    const theirs = series(7, [null, null, checkin(7, 8), checkin(2, 3)]);
    const { columns, rows } = tableData([person('me', true, mine), person('p1', false, theirs)], true);
    expect(columns.map((c) => c.label)).toEqual([
      'You: Emotional closeness',
      'You: Physical closeness',
      'You: Energy',
      'You: Pain or fatigue',
      'You: Stress',
      'Sam: Emotional closeness',
      'Sam: Physical closeness',
    ]);
    expect(rows).toEqual([
      { day: addDays(TODAY, -3), cells: [6, 5, null, null, null, 2, 3] },
      { day: addDays(TODAY, -4), cells: [null, null, null, null, null, 7, 8] },
      { day: addDays(TODAY, -6), cells: [5, 4, null, 6, null, null, null] },
    ]);
  });

  it('is empty for an empty range', () => {
    expect(tableData([person('me', true, series(30))], false).rows).toEqual([]);
  });
});
