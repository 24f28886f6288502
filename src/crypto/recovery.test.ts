import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8 } from './bytes.ts';
import {
  CROCKFORD_ALPHABET,
  deriveRecoveryKeys,
  formatRecoveryCode,
  generateRecoveryCode,
  normalizeRecoveryCode,
  parseRecoveryCode,
} from './recovery.ts';
import { expectCryptoError, hex, unhex } from './test-utils.ts';

const FORMAT_RE = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}-[0-9A-HJKMNP-TV-Z]{2}$/;

describe('recovery code text form', () => {
  it('has the documented shape and no ambiguous characters', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateRecoveryCode();
      expect(code).toMatch(FORMAT_RE);
      expect(code).not.toMatch(/[ILOU]/);
      expect(formatRecoveryCode(parseRecoveryCode(code))).toBe(code);
    }
    expect(CROCKFORD_ALPHABET).toBe('0123456789ABCDEFGHJKMNPQRSTVWXYZ');
  });

  it('encodes known values bit-exactly (MSB first, 2 zero bits at the end)', () => {
    expect(formatRecoveryCode(new Uint8Array(16))).toBe('0000-0000-0000-0000-0000-0000-00');
    // 128 one-bits: 25 symbols of 31 ('Z'), then 3 one-bits + 2 zero bits = 0b11100 = 28 ('W').
    expect(formatRecoveryCode(new Uint8Array(16).fill(0xff))).toBe('ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZW');
    // 0x08 = 00001 000...: first symbol is 1.
    const b = new Uint8Array(16);
    b[0] = 0x08;
    expect(formatRecoveryCode(b)).toBe('1000-0000-0000-0000-0000-0000-00');
    // The last bit of the last byte is the 3rd-from-last bit of the last symbol: 0b00100 = 4.
    const c = new Uint8Array(16);
    c[15] = 0x01;
    expect(formatRecoveryCode(c)).toBe('0000-0000-0000-0000-0000-0000-04');
    expect(hex(parseRecoveryCode('0000-0000-0000-0000-0000-0000-04'))).toBe('00000000000000000000000000000001');
  });

  it('round-trips every 16-byte value (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        const text = formatRecoveryCode(bytes);
        expect(text).toMatch(FORMAT_RE);
        expect(hex(parseRecoveryCode(text))).toBe(hex(bytes));
        expect(normalizeRecoveryCode(text.toLowerCase().replaceAll('-', ' '))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('is forgiving about case, spacing, dashes and the Crockford look-alikes', () => {
    const code = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-00';
    const bytes = parseRecoveryCode(code);
    expect(hex(parseRecoveryCode('abcd efgh jkmn pqrs tvwx yz01 00'))).toBe(hex(bytes));
    expect(hex(parseRecoveryCode('  abcdefghjkmnpqrstvwxyz0100\n'))).toBe(hex(bytes));
    expect(hex(parseRecoveryCode('ABCD–EFGH—JKMN-PQRS-TVWX-YZ01-00'))).toBe(hex(bytes));
    // O -> 0, I and L -> 1.
    expect(normalizeRecoveryCode('ABCD-EFGH-JKMN-PQRS-TVWX-YZOI-OO')).toBe(code);
    expect(normalizeRecoveryCode('abcd-efgh-jkmn-pqrs-tvwx-yzol-oo')).toBe(code);
  });

  it.each([
    ['empty', ''],
    ['too short', '0000-0000-0000-0000-0000-0000-0'],
    ['too long', '0000-0000-0000-0000-0000-0000-000'],
    ['U is not in the alphabet', '0000-0000-0000-0000-0000-0000-U0'],
    ['punctuation', '0000-0000-0000-0000-0000-0000-0!'],
    ['non-ASCII look-alike', '0000-0000-0000-0000-0000-0000-0\u0131'],
    ['non-zero trailing bits', '0000-0000-0000-0000-0000-0000-01'],
    ['non-zero trailing bits (Z)', '0000-0000-0000-0000-0000-0000-0Z'],
  ])('rejects %s', (_name, input) => {
    expectCryptoError(() => parseRecoveryCode(input), 'recovery-code-malformed');
    expectCryptoError(() => normalizeRecoveryCode(input), 'recovery-code-malformed');
  });

  it('refuses to format anything but 16 bytes', () => {
    expectCryptoError(() => formatRecoveryCode(new Uint8Array(15)), 'recovery-code-malformed');
  });
});

describe('deriveRecoveryKeys', () => {
  const code = unhex('000102030405060708090a0b0c0d0e0f');

  it('is HKDF-SHA256(code, salt = normalised email) with two distinct infos', () => {
    const { recoveryKey, recoveryAuth } = deriveRecoveryKeys(code, '  Ann@Example.COM ');
    const salt = utf8('ann@example.com');
    expect(hex(recoveryKey)).toBe(hex(hkdf(sha256, code, salt, utf8('innermost/recovery/key/v1'), 32)));
    expect(hex(recoveryAuth)).toBe(hex(hkdf(sha256, code, salt, utf8('innermost/recovery/auth/v1'), 32)));
    expect(hex(recoveryKey)).not.toBe(hex(recoveryAuth));
  });

  it('is a fixed function (regression vector, never change once released)', () => {
    const { recoveryKey, recoveryAuth } = deriveRecoveryKeys(code, 'ann@example.com');
    expect(hex(recoveryKey)).toBe(REGRESSION.recoveryKeyHex);
    expect(hex(recoveryAuth)).toBe(REGRESSION.recoveryAuthHex);
  });

  it('depends on the email and the code', () => {
    const a = deriveRecoveryKeys(code, 'ann@example.com');
    const b = deriveRecoveryKeys(code, 'bob@example.com');
    const c = deriveRecoveryKeys(unhex('000102030405060708090a0b0c0d0e0e'), 'ann@example.com');
    expect(hex(a.recoveryKey)).not.toBe(hex(b.recoveryKey));
    expect(hex(a.recoveryKey)).not.toBe(hex(c.recoveryKey));
    expect(hex(a.recoveryAuth)).not.toBe(hex(b.recoveryAuth));
  });

  it('refuses codes that are not 16 bytes and empty emails', () => {
    expectCryptoError(() => deriveRecoveryKeys(new Uint8Array(15), 'a@b'), 'recovery-code-malformed');
    expectCryptoError(() => deriveRecoveryKeys(code, '   '), 'invalid-input');
  });
});

const REGRESSION = {
  recoveryKeyHex: 'a39090bd15a57c33322f99ba97820ddd26e119c9c3830af116eb90d63339a3fe',
  recoveryAuthHex: 'cb65bf0a091f2b6b5b34d8290a4d8dbf2aac69ed529daa34750db0512015f874',
};
