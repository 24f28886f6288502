import { describe, expect, it } from 'vitest';
import { cryptoAvailable } from './secure-context.ts';

describe('cryptoAvailable', () => {
  it('is false where the browser hides crypto.subtle (plain HTTP at a LAN address)', () => {
    expect(cryptoAvailable({ isSecureContext: false, crypto: {} })).toBe(false);
    expect(cryptoAvailable({ isSecureContext: false, crypto: { subtle: {} } })).toBe(false);
    expect(cryptoAvailable({ isSecureContext: true, crypto: {} })).toBe(false);
  });

  it('is true in a secure context with the crypto API (https, localhost, Node)', () => {
    expect(cryptoAvailable({ isSecureContext: true, crypto: { subtle: {} } })).toBe(true);
    expect(cryptoAvailable()).toBe(true);
  });
});
