import { describe, expect, it } from 'vitest';
import { codeGroups, lastTwoGroups, matchesLastTwoGroups, normalizeCode } from './recovery-code-format.ts';

describe('recovery code format', () => {
  it('splits on spaces or dashes, or in fours when there are none', () => {
    expect(codeGroups('ABCD-EFGH-JKLM')).toEqual(['ABCD', 'EFGH', 'JKLM']);
    expect(codeGroups(' abcd efgh  jklm ')).toEqual(['abcd', 'efgh', 'jklm']);
    expect(codeGroups('ABCDEFGHJK')).toEqual(['ABCD', 'EFGH', 'JK']);
    expect(codeGroups('')).toEqual([]);
  });

  it('normalizes spacing, dashes and case', () => {
    expect(normalizeCode(' ab-cd  ef ')).toBe('ABCDEF');
  });

  it('checks the last two groups however they are typed', () => {
    const code = 'K7QD-2MXP-9RTA-HW4C-Z8NE-3VBY';
    expect(lastTwoGroups(code)).toBe('Z8NE 3VBY');
    expect(matchesLastTwoGroups(code, 'Z8NE 3VBY')).toBe(true);
    expect(matchesLastTwoGroups(code, 'z8ne-3vby')).toBe(true);
    expect(matchesLastTwoGroups(code, 'z8ne3vby')).toBe(true);
    expect(matchesLastTwoGroups(code, '3VBY')).toBe(false);
    expect(matchesLastTwoGroups(code, 'HW4C Z8NE')).toBe(false);
    expect(matchesLastTwoGroups('', '')).toBe(false);
  });

  it('matches the vault format (4,4,4,4,4,4,2) and Crockford look-alikes', () => {
    const code = '0123-4567-89AB-CDEF-GHJK-MN01-PQ';
    expect(lastTwoGroups(code)).toBe('MN01 PQ');
    expect(matchesLastTwoGroups(code, 'mnoi pq')).toBe(true);
    expect(matchesLastTwoGroups(code, 'MN0L\u2013PQ')).toBe(true);
  });
});
