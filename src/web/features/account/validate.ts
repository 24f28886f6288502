/** Checks made before anything is sent; they return catalog keys, the screens show the words. */
import { type MessageKey } from './messages.ts';
import { isPinShape } from '../../../crypto/pin-shape.ts';
import { MIN_PASSWORD_CHARS, passwordLength } from './password-guidance.ts';

/** The same shape the server accepts (src/shared/api.ts `Email`). */
const EMAIL_RE = /^[^\s@]+@[^\s@]+$/;

export function checkEmail(email: string): MessageKey | null {
  const value = email.trim();
  if (!value) return 'form.emailMissing';
  if (!EMAIL_RE.test(value)) return 'form.emailInvalid';
  return null;
}

export function checkPasswordPresent(password: string): MessageKey | null {
  return password.length === 0 ? 'form.passwordMissing' : null;
}

export function checkNewPassword(password: string, confirm: string): { password: MessageKey | null; confirm: MessageKey | null } {
  const tooShort = passwordLength(password) < MIN_PASSWORD_CHARS;
  return {
    password: password.length === 0 ? 'form.passwordMissing' : tooShort ? 'form.passwordTooShort' : null,
    confirm: !tooShort && confirm !== password ? 'form.passwordMismatch' : null,
  };
}

export function checkPin(pin: string): MessageKey | null {
  return isPinShape(pin) ? null : 'form.pinShape';
}

export function checkNewPin(pin: string, confirm: string): { pin: MessageKey | null; confirm: MessageKey | null } {
  const shape = checkPin(pin);
  return { pin: shape, confirm: !shape && confirm !== pin ? 'form.pinMismatch' : null };
}
