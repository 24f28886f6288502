import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_CHARS, assessPassword, passwordLength, personalWords } from './password-guidance.ts';
import { guessScore } from './password-strength.ts';

const assess = (password: string, email?: string) =>
  assessPassword(password, { ...(email ? { email } : {}), guessScore: guessScore(password, personalWords(email)) });

describe('assessPassword (with zxcvbn)', () => {
  it.each(['password1', 'Password1!', 'iloveyou2024', 'qwertyuiop', '123123123123', 'passwordpassword', 'letmein!!'])(
    'calls %j easy to guess, never fair',
    (p) => {
      const a = assess(p);
      expect(a.level).toBe('easy-to-guess');
      expect(a.easyToGuess).toBe(true);
      expect(a.meetsMinimum).toBe(true);
    },
  );

  it('calls a passphrase of a few words strong, and a short one too short', () => {
    expect(assess('kettle orchard quiet morning').level).toBe('strong');
    expect(assess('correct horse battery staple').level).toBe('strong');
    expect(assess('my dog Pixel snores at dawn').level).toBe('strong');
    expect(assess('abc').level).toBe('too-short');
    expect(assess('').level).toBe('empty');
    expect(assess('').easyToGuess).toBe(false);
  });

  it('grades in between by how hard it is to guess', () => {
    const scores = ['Tr7!kq2z', 'river stone ok', 'kettle orchard quiet'].map((p) => assess(p).score);
    for (const s of scores) expect(s).toBeGreaterThanOrEqual(3); // fair or better
    expect(assess('kettle orchard quiet morning').score).toBe(5);
  });

  it('knows the email: a password built on it is at most fair, and zxcvbn counts it as known', () => {
    const a = assess('jordan.mills-gardens-1987', 'jordan.mills@example.org');
    expect(a.containsEmail).toBe(true);
    expect(['easy-to-guess', 'fair']).toContain(a.level);
    expect(guessScore('jordanmills', personalWords('jordan.mills@example.org'))).toBeLessThanOrEqual(1);
    expect(assess('kettle orchard quiet morning', 'jordan@example.org').containsEmail).toBe(false);
  });

  it('counts characters, not bytes, and normalises first', () => {
    expect(passwordLength('ééé')).toBe(3);
    expect(passwordLength('e\u0301')).toBe(1);
    expect(passwordLength('🙂🙂')).toBe(2);
    expect(assess('🙂'.repeat(MIN_PASSWORD_CHARS)).meetsMinimum).toBe(true);
  });

  it('lists the personal words of an email', () => {
    expect(personalWords('Jordan.Mills@Example.org')).toEqual(['jordan.mills@example.org', 'jordan.mills', 'jordan', 'mills']);
    expect(personalWords(undefined)).toEqual([]);
  });
});
