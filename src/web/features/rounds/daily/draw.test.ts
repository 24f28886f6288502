import { describe, expect, it } from 'vitest';
import { LIBRARY } from '../../../../../content/library.ts';
import { getExercise } from '../../../../../content/catalog.ts';
import { isUuid } from '../../../../shared/ids.ts';
import type { Deck } from '../../../../shared/library.ts';
import { dayIndex, isDay } from './day.ts';
import { DAILY_DEPTHS, dailyPool, dailyRoundId, drawQuestion, type DailyDepth } from './draw.ts';

const SPACE = '0190a0b0-c0d0-7e0f-8a1b-2c3d4e5f6a7b';
const OTHER = '0190a0b0-c0d0-7e0f-8a1b-2c3d4e5f6a7c';
const decks = LIBRARY.decks;

/** The calendar day `n` days after 2026-01-01. */
function dayAfter(n: number): string {
  return new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
}

function depthOfQuestion(exerciseId: string): string | undefined {
  for (const deck of decks) for (const q of deck.questions) if (`${deck.id}-${q.id}` === exerciseId) return q.depth;
  return undefined;
}

describe('days', () => {
  it('counts calendar days from 2026-01-01, across years and leap days', () => {
    expect(dayIndex('2026-01-01')).toBe(0);
    expect(dayIndex('2026-03-01')).toBe(59);
    expect(dayIndex('2025-12-31')).toBe(-1);
    expect(dayIndex('2028-03-01') - dayIndex('2028-02-28')).toBe(2);
  });

  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(isDay('2026-02-28')).toBe(true);
    for (const bad of ['2026-02-30', '2026-13-01', '2026-1-01', '26-01-01', '2026-01-01T00:00', '', 20260101, null]) expect(isDay(bad)).toBe(false);
    expect(() => dayIndex('2026-02-30')).toThrow(RangeError);
  });
});

describe('the draw', () => {
  it('is the same for everyone: the same space, depth and day give the same question', () => {
    const day = '2026-05-17';
    const first = drawQuestion(decks, SPACE, 'light', day);
    // A fresh copy of the decks, in another order: the pool is sorted, so file order plays no part.
    const shuffled = structuredClone([...decks].reverse()) as Deck[];
    expect(drawQuestion(shuffled, SPACE, 'light', day)).toEqual(first);
    expect(first && getExercise(first.exerciseId)?.items[0]?.prompt).toBeTruthy();
  });

  it('differs between spaces (each space has its own order)', () => {
    const days = Array.from({ length: 20 }, (_, i) => dayAfter(i));
    const mine = days.map((d) => drawQuestion(decks, SPACE, 'light', d)?.exerciseId);
    const theirs = days.map((d) => drawQuestion(decks, OTHER, 'light', d)?.exerciseId);
    expect(mine).not.toEqual(theirs);
  });

  it('never repeats a question until the whole pool has been asked, and not on the day a cycle turns over', () => {
    for (const depth of DAILY_DEPTHS) {
      const size = dailyPool(decks, depth).length;
      for (const cycle of [-1, 0, 1, 2]) {
        const seen = new Set<string>();
        for (let i = 0; i < size; i++) seen.add(drawQuestion(decks, SPACE, depth, dayAfter(cycle * size + i))!.exerciseId);
        expect(seen.size).toBe(size);
      }
      const lastOfFirst = drawQuestion(decks, SPACE, depth, dayAfter(size - 1))!.exerciseId;
      expect(drawQuestion(decks, SPACE, depth, dayAfter(size))!.exerciseId).not.toBe(lastOfFirst);
    }
  });

  it('never includes the deepest questions unless chosen; each depth includes the lighter ones', () => {
    const depthsIn = (depth: DailyDepth) => new Set(dailyPool(decks, depth).map((q) => depthOfQuestion(q.exerciseId)));
    expect(depthsIn('light')).toEqual(new Set(['light']));
    expect(depthsIn('deeper')).toEqual(new Set(['light', 'deeper']));
    expect(depthsIn('deepest')).toEqual(new Set(['light', 'deeper', 'deepest']));
    const year = Array.from({ length: 400 }, (_, i) => dayAfter(i));
    for (const depth of ['light', 'deeper'] as const) {
      for (const d of year) expect(depthOfQuestion(drawQuestion(decks, SPACE, depth, d)!.exerciseId)).not.toBe('deepest');
    }
  });

  it('draws nothing from an empty library', () => {
    expect(drawQuestion([], SPACE, 'light', '2026-01-01')).toBeNull();
  });
});

describe('the round of a day', () => {
  it('has one id per space and day, the same on every device, a valid UUID', () => {
    const id = dailyRoundId(SPACE, '2026-05-17');
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('8');
    expect(dailyRoundId(SPACE, '2026-05-17')).toBe(id);
    expect(dailyRoundId(SPACE, '2026-05-18')).not.toBe(id);
    expect(dailyRoundId(OTHER, '2026-05-17')).not.toBe(id);
  });
});
