/**
 * What a PIN looks like, on its own so screens can check it without loading Argon2id (pin.ts).
 * Digits only: a phone shows its number pad, and the try limit, not the alphabet, is the defence.
 */
export const PIN_MIN_DIGITS = 4;
export const PIN_MAX_DIGITS = 12;

const PIN_RE = new RegExp(`^[0-9]{${PIN_MIN_DIGITS},${PIN_MAX_DIGITS}}$`);

export function isPinShape(pin: string): boolean {
  return PIN_RE.test(pin);
}
