import { describe, expect, it } from 'vitest';
import { messages } from './messages.ts';
import { formatRelative, listNames, t, tn } from './t.ts';

describe('message catalog', () => {
  it('has no empty message and no stray whitespace', () => {
    for (const [key, text] of Object.entries(messages)) {
      expect(text.trim(), key).toBe(text);
      expect(text.length, key).toBeGreaterThan(0);
    }
  });

  it('uses only well-formed {placeholders}', () => {
    for (const [key, text] of Object.entries(messages)) {
      const braces = text.replace(/\{\w+\}/g, '');
      expect(braces, key).not.toMatch(/[{}]/);
    }
  });
});

describe('t', () => {
  it('fills placeholders and leaves unknown ones as written', () => {
    expect(t('leave.title', { space: 'Us' })).toBe('Leave Us?');
    expect(t('leave.title')).toBe('Leave {space}?');
    expect(t('live.memberJoined', { name: 'Alex' })).toBe('Alex joined {space}');
  });

  it('does not interpret $ patterns in values', () => {
    expect(t('leave.title', { space: '$& $1' })).toBe('Leave $& $1?');
  });

  it('picks plural forms', () => {
    expect(tn('join.members', 1)).toBe('One member so far.');
    expect(tn('join.members', 3)).toBe('3 members so far.');
  });

  it('lists names', () => {
    expect(listNames(['Sam'])).toBe('Sam');
    expect(listNames(['Sam', 'Kit'])).toBe('Sam and Kit');
    expect(listNames(['Sam', 'Kit', 'Ash'])).toBe('Sam, Kit, and Ash');
  });

  it('formats relative times', () => {
    const now = 1_700_000_000_000;
    expect(formatRelative(now - 10_000, now)).toBe('just now');
    expect(formatRelative(now - 5 * 60_000, now)).toBe('5 minutes ago');
    expect(formatRelative(now + 48 * 3_600_000, now)).toBe('in 2 days');
  });
});
