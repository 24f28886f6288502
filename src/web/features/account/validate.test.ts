import { describe, expect, it } from 'vitest';
import { checkEmail, checkNewPassword, checkNewPin, checkPasswordPresent, checkPin } from './validate.ts';

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

  it('takes a PIN of 4 to 12 digits only, and a matching repeat', () => {
    expect(checkPin('123')).toBe('form.pinShape');
    expect(checkPin('1234')).toBeNull();
    expect(checkPin('123456789012')).toBeNull();
    expect(checkPin('1234567890123')).toBe('form.pinShape');
    expect(checkPin('12a4')).toBe('form.pinShape');
    expect(checkPin('١٢٣٤')).toBe('form.pinShape'); // other scripts' digits would derive another secret
    expect(checkNewPin('2468', '2469')).toEqual({ pin: null, confirm: 'form.pinMismatch' });
    expect(checkNewPin('24', '24')).toEqual({ pin: 'form.pinShape', confirm: null });
    expect(checkNewPin('2468', '2468')).toEqual({ pin: null, confirm: null });
  });
});
