import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readingOrder } from './reading-order.ts';

describe('readingOrder', () => {
  it('goes item by item, each participant in turn, rotating who starts', () => {
    const order = readingOrder(['i1', 'i2', 'i3', 'i4'], ['A', 'B', 'C']);
    expect(order.map((s) => `${s.itemId}:${s.userId}`)).toEqual([
      'i1:A', 'i1:B', 'i1:C',
      'i2:B', 'i2:C', 'i2:A',
      'i3:C', 'i3:A', 'i3:B',
      'i4:A', 'i4:B', 'i4:C',
    ]);
  });

  it('alternates for two people', () => {
    expect(readingOrder(['x', 'y'], ['A', 'B']).map((s) => s.userId)).toEqual(['A', 'B', 'B', 'A']);
  });

  it('is empty without items or people, and ignores duplicate people', () => {
    expect(readingOrder([], ['A'])).toEqual([]);
    expect(readingOrder(['x'], [])).toEqual([]);
    expect(readingOrder(['x'], ['A', 'A', 'B']).map((s) => s.userId)).toEqual(['A', 'B']);
  });

  it('gives every (item, person) pair exactly once, with fair starts (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 12 }), (items, people) => {
        const itemIds = Array.from({ length: items }, (_, i) => `i${i}`);
        const ids = Array.from({ length: people }, (_, i) => `p${i}`);
        const order = readingOrder(itemIds, ids);
        expect(order.length).toBe(items * people);
        expect(new Set(order.map((s) => `${s.itemId}/${s.userId}`)).size).toBe(items * people);
        const starts = new Map<string, number>();
        for (let i = 0; i < items; i++) {
          const first = order[i * people]!;
          expect(first.itemId).toBe(itemIds[i]);
          starts.set(first.userId, (starts.get(first.userId) ?? 0) + 1);
        }
        const counts = [...starts.values()];
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
