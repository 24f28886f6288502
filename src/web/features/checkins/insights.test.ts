import { describe, expect, it } from 'vitest';
import type { Checkin } from './checkin.ts';
import { addDays, dailySeries, type DailyPoint } from './days.ts';
import { computeInsights, median, slope } from './insights.ts';

const TODAY = '2024-06-30';
type Row = null | [emotional: number, physical: number, energy?: number];

/** A daily series whose last row is `today`. */
function series(rows: Row[], today = TODAY): DailyPoint[] {
  return rows.map((r, i) => {
    const day = addDays(today, i - rows.length + 1);
    if (!r) return { day, checkin: null };
    const checkin: Checkin = { v: 1, at: Date.parse(`${day}T12:00:00Z`), tz: 'UTC', emotional: r[0], physical: r[1] };
    if (r[2] !== undefined) checkin.energy = r[2];
    return { day, checkin };
  });
}
const flat = (n: number, e = 5, p = 5): Row[] => Array.from({ length: n }, () => [e, p]);
const ids = (mine: DailyPoint[], partner?: DailyPoint[], today = TODAY): string[] =>
  computeInsights(partner ? { mine, partner, today } : { mine, today }).map((i) => i.id);

describe('helpers', () => {
  it('slope and median', () => {
    expect(slope([0, 1, 2], [1, 2, 3])).toBe(1);
    expect(slope([3], [1])).toBeNull();
    expect(slope([2, 2], [1, 5])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('computeInsights: sensible with little data', () => {
  it('gives nothing for no data, a single check-in, or a steady series', () => {
    expect(computeInsights({ mine: [], today: TODAY })).toEqual([]);
    expect(ids(series([[1, 1, 0]]))).toEqual([]);
    expect(ids(series([[1, 1, 0]]), series([[9, 9]]))).toEqual([]);
    expect(ids(series(flat(60)), series(flat(60)))).toEqual([]);
  });

  it('refuses a today that is not a calendar day', () => {
    expect(() => computeInsights({ mine: [], today: '30/06/2024' })).toThrow(RangeError);
  });

  it('never returns anything that looks like a score', () => {
    const all = computeInsights({
      mine: series([...flat(30, 8, 8), ...Array.from({ length: 14 }, (): Row => [1, 1, 1])]),
      partner: series([...flat(30, 8, 8), ...Array.from({ length: 14 }, (): Row => [2, 2])]),
      today: TODAY,
    });
    expect(all.length).toBeGreaterThan(0);
    for (const i of all) {
      expect(Object.keys(i.facts).join(' ')).not.toMatch(/score|grade|rating|health/i);
      expect(['gentle', 'care']).toContain(i.kind);
    }
  });
});

describe('physical-rising-emotional-flat and the reverse', () => {
  const rising = (n: number, from: number, step: number): number[] => Array.from({ length: n }, (_, i) => Math.min(10, Math.round(from + step * i)));

  it('fires when physical rises clearly and emotional stays flat', () => {
    const phys = rising(14, 2, 0.5);
    const rows: Row[] = phys.map((p) => [5, p]);
    const found = computeInsights({ mine: series(rows), today: TODAY });
    expect(found.map((i) => i.id)).toEqual(['physical-rising-emotional-flat']);
    const [insight] = found;
    expect(insight!.kind).toBe('gentle');
    expect(insight!.suggestion).toBe('emotional-closeness');
    expect(insight!.facts.readings).toBe(14);
    expect(insight!.facts.emotionalSlope).toBe(0);
    expect(insight!.facts.physicalSlope as number).toBeGreaterThan(0.4);
  });

  it('fires when emotional falls while physical rises, on sparse but spread data', () => {
    const rows: Row[] = Array.from({ length: 14 }, (_, i): Row => (i % 3 === 0 ? [8 - Math.floor(i / 3), 2 + i / 2] : null));
    expect(rows.filter(Boolean)).toHaveLength(5);
    expect(ids(series(rows))).toContain('physical-rising-emotional-flat');
  });

  it('fires the reverse: emotional rising, physical flat (no suggestion needed)', () => {
    const rows: Row[] = rising(14, 2, 0.5).map((e) => [e, 4]);
    const found = computeInsights({ mine: series(rows), today: TODAY });
    expect(found.map((i) => i.id)).toEqual(['emotional-rising-physical-flat']);
    expect(found[0]!.facts.emotionalChange as number).toBeGreaterThan(5);
  });

  it('does not fire when both rise, or the rise is slight', () => {
    expect(ids(series(rising(14, 2, 0.5).map((v): Row => [v, v])))).toEqual([]);
    expect(ids(series(rising(14, 4, 0.1).map((p): Row => [5, p])))).toEqual([]);
  });

  it('does not fire from 4 readings, nor from 2 points across a long gap', () => {
    const four: Row[] = [...Array<Row>(10).fill(null), [5, 1], [5, 4], [5, 7], [5, 10]];
    expect(ids(series(four))).toEqual([]);
    const gap: Row[] = [[5, 1], ...Array<Row>(12).fill(null), [5, 10]];
    expect(ids(series(gap))).toEqual([]);
  });

  it('does not fire when five readings bunch into a few days', () => {
    const bunched: Row[] = [...Array<Row>(9).fill(null), [5, 1], [5, 3], [5, 5], [5, 7], [5, 9]];
    expect(ids(series(bunched))).toEqual([]);
  });

  it('looks only at the last 14 days (an old rise does not count)', () => {
    const rows: Row[] = [...rising(14, 0, 0.7).map((p): Row => [5, p]), ...flat(14, 5, 9)];
    expect(ids(series(rows))).toEqual([]);
  });
});

describe('low-energy-week', () => {
  it('fires for an average of 3 or less over 4+ readings in the last week', () => {
    const rows: Row[] = [...flat(7), [5, 5, 2], null, [5, 5, 3], [5, 5, 4], null, [5, 5, 2], null];
    const found = computeInsights({ mine: series(rows), today: TODAY });
    expect(found).toEqual([
      { id: 'low-energy-week', kind: 'gentle', facts: { windowDays: 7, readings: 4, averageEnergy: 2.8 }, suggestion: 'low-energy-closeness' },
    ]);
  });

  it('does not fire with 3 readings, a higher average, or when energy is not recorded', () => {
    expect(ids(series([null, [5, 5, 1], null, [5, 5, 1], null, [5, 5, 1], null]))).toEqual([]);
    expect(ids(series([[5, 5, 3], [5, 5, 4], [5, 5, 3], [5, 5, 4]]))).toEqual([]);
    expect(ids(series(flat(7)))).toEqual([]);
  });

  it('ignores low energy from before the last week', () => {
    expect(ids(series([[5, 5, 1], [5, 5, 1], [5, 5, 1], [5, 5, 1], ...flat(7)]))).toEqual([]);
  });
});

describe('persistent-low', () => {
  const low: Row = [2, 3];
  it('fires (care, pointing to help) when both lines are low on 80%+ of two weeks', () => {
    const rows: Row[] = [low, low, null, low, low, [6, 2], low, low, null, low, low, low, null, low];
    const found = computeInsights({ mine: series(rows), today: TODAY });
    expect(found[0]).toEqual({
      id: 'persistent-low',
      kind: 'care',
      facts: { windowDays: 14, readings: 11, lowReadings: 10, lowAtMost: 3 },
      suggestion: 'help',
    });
  });

  it('comes first, before gentle insights', () => {
    const rows: Row[] = Array.from({ length: 14 }, (): Row => [1, 1, 1]);
    expect(ids(series(rows))).toEqual(['persistent-low', 'low-energy-week']);
  });

  it('does not fire with fewer than 8 readings', () => {
    const rows: Row[] = [low, null, low, null, low, null, low, null, low, null, low, null, low, null];
    expect(ids(series(rows))).toEqual([]);
  });

  it('does not fire below 80% low, or when only one line is low', () => {
    const mixed: Row[] = [low, low, [6, 6], low, low, [6, 6], low, low, low, low, [6, 6], low, low, low];
    expect(ids(series(mixed))).toEqual([]); // 11 of 14 = 79%
    expect(ids(series(flat(14, 2, 7)))).toEqual([]);
  });

  it('does not fire for one hard week at the end of an otherwise quiet fortnight', () => {
    expect(ids(series([...Array<Row>(6).fill(null), ...Array<Row>(8).fill(low)]))).toEqual([]);
  });
});

describe('shared-dip', () => {
  const usual = (n: number, e: number, p = 5): Row[] => flat(n, e, p);

  it('fires when both are 2+ below their own usual on 3 recent days', () => {
    const mine = series([...usual(30, 7), [7, 5], [5, 5], [4, 5], [5, 5], [6, 5]]);
    const partner = series([...usual(30, 5), [5, 5], [3, 5], [2, 5], [3, 5], [5, 5]]);
    const found = computeInsights({ mine, partner, today: TODAY });
    expect(found).toEqual([
      {
        id: 'shared-dip',
        kind: 'gentle',
        facts: { line: 'emotional', windowDays: 5, days: 3, myUsual: 7, partnerUsual: 5, myRecent: 4.7, partnerRecent: 2.7 },
      },
    ]);
  });

  it('fires on the physical line too', () => {
    const mine = series([...usual(30, 5, 8), [5, 5], [5, 5], [5, 6], [5, 8], [5, 8]]);
    const partner = series([...usual(30, 5, 6), [5, 3], [5, 4], [5, 2], [5, 6], [5, 6]]);
    const found = computeInsights({ mine, partner, today: TODAY });
    expect(found.map((i) => [i.id, i.facts.line])).toEqual([['shared-dip', 'physical']]);
  });

  it('does not fire when only one partner dips, or on only 2 days', () => {
    const dipping: Row[] = [...usual(30, 7), [4, 5], [4, 5], [4, 5], [4, 5], [4, 5]];
    expect(ids(series(dipping), series(usual(35, 7)))).toEqual([]);
    const twoDays: Row[] = [...usual(30, 7), [7, 5], [7, 5], [7, 5], [4, 5], [4, 5]];
    expect(ids(series(twoDays), series(twoDays))).toEqual([]);
  });

  it('does not fire when the dips are on different days', () => {
    const a: Row[] = [...usual(30, 7), [4, 5], null, [4, 5], null, [4, 5]];
    const b: Row[] = [...usual(30, 7), null, [4, 5], null, [4, 5], null];
    expect(ids(series(a), series(b))).toEqual([]);
  });

  it('needs a usual: no baseline, no dip', () => {
    const recent: Row[] = [...Array<Row>(30).fill(null), [1, 1], [1, 1], [1, 1], [1, 1], [1, 1]];
    expect(ids(series(recent), series(recent))).toEqual([]);
  });

  it('is skipped when the partner does not share', () => {
    const mine = series([...usual(30, 7), [4, 5], [4, 5], [4, 5], [4, 5], [4, 5]]);
    expect(ids(mine)).toEqual([]);
    expect(ids(mine, [])).toEqual([]);
  });

  it('compares calendar days in the viewer zone, even when the partner checks in from another zone', () => {
    // The partner lives in Tokyo and checks in at 21:00 there (12:00 UTC); the viewer is in New York.
    const tokyoEvening = (day: string, e: number): Checkin => ({ v: 1, at: Date.parse(`${day}T12:00:00Z`), tz: 'Asia/Tokyo', emotional: e, physical: 5 });
    const nyEvening = (day: string, e: number): Checkin => ({ v: 1, at: Date.parse(`${addDays(day, 1)}T01:00:00Z`), tz: 'America/New_York', emotional: e, physical: 5 });
    const days = Array.from({ length: 35 }, (_, i) => addDays(TODAY, i - 34));
    const mineCk = days.map((d, i) => nyEvening(d, i >= 30 ? 4 : 7));
    const partnerCk = days.map((d, i) => tokyoEvening(d, i >= 30 ? 2 : 5));
    const range = { from: days[0]!, to: TODAY };
    const mine = dailySeries(mineCk, { tz: 'America/New_York', ...range });
    const partner = dailySeries(partnerCk, { tz: 'America/New_York', ...range });
    expect(partner.every((p) => p.checkin !== null)).toBe(true);
    expect(computeInsights({ mine, partner, today: TODAY }).map((i) => i.id)).toEqual(['shared-dip']);
  });

  it('uses the last check-in of a day with several', () => {
    const at = (day: string, h: number): number => Date.parse(`${day}T${String(h).padStart(2, '0')}:00:00Z`);
    const days = Array.from({ length: 35 }, (_, i) => addDays(TODAY, i - 34));
    const many = (usualE: number, lastE: number): Checkin[] =>
      days.flatMap((d, i) => [
        { v: 1 as const, at: at(d, 20), tz: 'UTC', emotional: i >= 30 ? lastE : usualE, physical: 5 },
        { v: 1 as const, at: at(d, 8), tz: 'UTC', emotional: i >= 30 ? usualE : 0, physical: 5 }, // earlier, ignored
      ]);
    const range = { tz: 'UTC', from: days[0]!, to: TODAY };
    expect(ids(dailySeries(many(7, 4), range), dailySeries(many(6, 3), range))).toEqual(['shared-dip']);
    // If the earlier check-ins counted, the usual would be 0 and nothing could dip.
    expect(ids(dailySeries(many(7, 7), range), dailySeries(many(6, 6), range))).toEqual([]);
  });
});

describe('drifting-apart', () => {
  it('fires when the gap between emotional lines grows over three weeks', () => {
    const mine: Row[] = Array.from({ length: 21 }, () => [7, 5]);
    const partner: Row[] = Array.from({ length: 21 }, (_, i): Row => [Math.max(0, 7 - Math.round(i / 4)), 5]);
    const found = computeInsights({ mine: series(mine), partner: series(partner), today: TODAY });
    expect(found.map((i) => i.id)).toEqual(['drifting-apart']);
    expect(found[0]!.facts.days).toBe(21);
    expect(found[0]!.facts.gapNow as number).toBeGreaterThanOrEqual(3);
    expect(found[0]!.facts.gapBefore as number).toBeLessThan(found[0]!.facts.gapNow as number);
    expect(found[0]!.suggestion).toBe('emotional-closeness');
  });

  it('does not fire when both lines fall together, or the gap stays small', () => {
    const falling = (i: number): number => Math.max(0, 8 - Math.round(i / 3));
    const together = series(Array.from({ length: 21 }, (_, i): Row => [falling(i), 5]));
    // Falling together is a shared dip, not drifting apart.
    expect(ids(together, together)).not.toContain('drifting-apart');
    const small: Row[] = Array.from({ length: 21 }, (_, i): Row => [i < 10 ? 6 : 5, 5]);
    expect(ids(series(flat(21, 7)), series(small))).toEqual([]);
  });

  it('does not fire without enough shared days (partner checks in on other days)', () => {
    const mine: Row[] = Array.from({ length: 21 }, (_, i): Row => (i % 2 === 0 ? [8, 5] : null));
    const partner: Row[] = Array.from({ length: 21 }, (_, i): Row => (i % 2 === 1 ? [Math.max(0, 8 - i), 5] : null));
    expect(ids(series(mine), series(partner))).toEqual([]);
  });

  it('is skipped when the partner does not share', () => {
    expect(ids(series(flat(21, 9)))).toEqual([]);
  });
});
