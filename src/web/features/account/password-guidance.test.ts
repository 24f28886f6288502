import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from './common-passwords.ts';
import { MIN_PASSWORD_CHARS, assessPassword, isCommonPassword, passwordLength } from './password-guidance.ts';

describe('common password list', () => {
  it('holds about 200 distinct lower-case entries', () => {
    expect(COMMON_PASSWORDS.length).toBeGreaterThanOrEqual(200);
    expect(new Set(COMMON_PASSWORDS).size).toBe(COMMON_PASSWORDS.length);
    for (const p of COMMON_PASSWORDS) expect(p).toBe(p.toLowerCase());
  });
});

describe('isCommonPassword', () => {
  it.each(['password', 'PASSWORD', '123456', 'iloveyou', 'qwerty123', ' letmein '])('flags %j', (p) => {
    expect(isCommonPassword(p)).toBe(true);
  });

  it.each(['Password1!', '!!monkey', 'iloveyou2024', 'Sunshine!!', 'passwordpassword', '123123123123'])(
    'flags %j (a common one with things stuck on)',
    (p) => {
      expect(isCommonPassword(p)).toBe(true);
    },
  );

  it.each(['', 'kettle orchard quiet morning', 'correct horse battery staple', 'my dog Pixel snores', 'pass'.slice(0, 2)])(
    'does not flag %j',
    (p) => {
      expect(isCommonPassword(p)).toBe(false);
    },
  );
});

describe('assessPassword', () => {
  it('grades by length', () => {
    expect(assessPassword('').level).toBe('empty');
    expect(assessPassword('abc').level).toBe('too-short');
    expect(assessPassword('Tr7!kq2z').level).toBe('fair');
    expect(assessPassword('river stone ok').level).toBe('good');
    expect(assessPassword('kettle orchard quiet').level).toBe('strong');
    expect(assessPassword('kettle orchard quiet morning').level).toBe('very-strong');
  });

  it('requires the minimum length and nothing else', () => {
    expect(MIN_PASSWORD_CHARS).toBe(8);
    expect(assessPassword('abcdefg').meetsMinimum).toBe(false);
    expect(assessPassword('abcdefgh').meetsMinimum).toBe(true);
    // No composition rules: all lower-case letters and spaces is fine.
    expect(assessPassword('blue kettle sings').meetsMinimum).toBe(true);
  });

  it('counts characters, not bytes or UTF-16 units', () => {
    expect(passwordLength('💛💛💛💛')).toBe(4);
    expect(passwordLength('café')).toBe(4);
    expect(assessPassword('🌙🌿🫖🕯️🌊🐚🍵🎐').meetsMinimum).toBe(true);
  });

  it('warns about common passwords without blocking them', () => {
    const a = assessPassword('password1234');
    expect(a.isCommon).toBe(true);
    expect(a.meetsMinimum).toBe(true);
    expect(a.level).toBe('fair');
  });

  it('does not call a long but trivial password strong', () => {
    expect(assessPassword('passwordpassword').level).toBe('fair');
    expect(assessPassword('aaaaaaaaaaaaaaaaaaaaaaaaaaa').level).toBe('fair');
  });

  it('notices the email address inside the password', () => {
    const a = assessPassword('robin.holt-garden-path', { email: 'Robin.Holt@example.org' });
    expect(a.containsEmail).toBe(true);
    expect(a.level).toBe('fair');
    expect(assessPassword('garden path at dusk', { email: 'robin@example.org' }).containsEmail).toBe(false);
  });

  it('scores from 0 to 5', () => {
    expect(assessPassword('').score).toBe(0);
    expect(assessPassword('kettle orchard quiet morning').score).toBe(5);
  });
});
