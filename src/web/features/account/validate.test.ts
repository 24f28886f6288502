import { describe, expect, it } from 'vitest';
import { checkEmail, checkNewPassword, checkPasswordPresent } from './validate.ts';

describe('form checks', () => {
  it('checks email presence and shape like the server does', () => {
    expect(checkEmail('')).toBe('form.emailMissing');
    expect(checkEmail('   ')).toBe('form.emailMissing');
    expect(checkEmail('robin')).toBe('form.emailInvalid');
    expect(checkEmail(' robin@example.org ')).toBeNull();
  });

  it('asks for a password', () => {
    expect(checkPasswordPresent('')).toBe('form.passwordMissing');
    expect(checkPasswordPresent(' ')).toBeNull();
  });

  it('asks for 8 characters and a matching confirmation, nothing more', () => {
    expect(checkNewPassword('', '')).toEqual({ password: 'form.passwordMissing', confirm: null });
    expect(checkNewPassword('short', 'short')).toEqual({ password: 'form.passwordTooShort', confirm: null });
    expect(checkNewPassword('long enough', 'long enougj')).toEqual({ password: null, confirm: 'form.passwordMismatch' });
    expect(checkNewPassword('password', 'password')).toEqual({ password: null, confirm: null });
  });
});
