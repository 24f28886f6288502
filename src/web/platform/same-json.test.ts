import { describe, expect, it } from 'vitest';
import { sameJson } from './same-json.ts';

describe('sameJson', () => {
  it('compares plain values and top-level Maps by their contents', () => {
    expect(sameJson([{ a: 1 }], [{ a: 1 }])).toBe(true);
    expect(sameJson([{ a: 1 }], [{ a: 2 }])).toBe(false);
    expect(sameJson(new Map([['x', 1]]), new Map([['x', 1]]))).toBe(true);
    expect(sameJson(new Map([['x', 1]]), new Map([['x', 2]]))).toBe(false);
  });
});
