import { describe, expect, it } from 'vitest';
import { safetyCodeDigits, safetyCodeGroups } from './safety-code-format.ts';

describe('safety code layout', () => {
  it('lays 60 digits out in 12 groups of 5, whatever spacing it came with', () => {
    const digits = '0123456789'.repeat(6);
    expect(safetyCodeGroups(digits)).toHaveLength(12);
    expect(safetyCodeGroups(digits)[0]).toBe('01234');
    expect(safetyCodeGroups('01234 56789\n01234')).toEqual(['01234', '56789', '01234']);
    expect(safetyCodeDigits('01234 56789')).toBe('0123456789');
  });
});
