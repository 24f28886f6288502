import { describe, expect, it } from 'vitest';
import { compareBytes, concatBytes, equalBytes, fromUtf8, isWellFormedString, randomBytes, u32be, utf8 } from './bytes.ts';
import { expectCryptoError, hex } from './test-utils.ts';

describe('bytes', () => {
  it('encodes and decodes UTF-8, strictly', () => {
    expect(hex(utf8('é€😀'))).toBe('c3a9e282acf09f9880');
    expect(fromUtf8(utf8('é€😀'))).toBe('é€😀');
    // A leading byte-order mark is kept, not stripped (decoding must be exact).
    expect(fromUtf8(Uint8Array.of(0xef, 0xbb, 0xbf, 0x41))).toBe('\uFEFFA');
    expectCryptoError(() => fromUtf8(Uint8Array.of(0xc3)), 'invalid-input');
    expectCryptoError(() => fromUtf8(Uint8Array.of(0xff)), 'invalid-input');
  });

  it('detects lone surrogates', () => {
    expect(isWellFormedString('a😀b')).toBe(true);
    expect(isWellFormedString('a\uD83Db')).toBe(false);
    expect(isWellFormedString('\uDE00')).toBe(false);
  });

  it('concatenates', () => {
    expect(hex(concatBytes(Uint8Array.of(1), new Uint8Array(0), Uint8Array.of(2, 3)))).toBe('010203');
    expect(concatBytes().length).toBe(0);
  });

  it('compares in constant time, by value', () => {
    expect(equalBytes(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 3))).toBe(true);
    expect(equalBytes(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 4))).toBe(false);
    expect(equalBytes(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2))).toBe(false);
    expect(equalBytes(new Uint8Array(0), new Uint8Array(0))).toBe(true);
  });

  it('orders bytes lexicographically', () => {
    expect(compareBytes(Uint8Array.of(1), Uint8Array.of(2))).toBeLessThan(0);
    expect(compareBytes(Uint8Array.of(1, 0), Uint8Array.of(1))).toBeGreaterThan(0);
    expect(compareBytes(Uint8Array.of(7), Uint8Array.of(7))).toBe(0);
  });

  it('writes big-endian u32 and refuses out-of-range values', () => {
    expect(hex(u32be(0))).toBe('00000000');
    expect(hex(u32be(0x01020304))).toBe('01020304');
    expect(hex(u32be(0xffffffff))).toBe('ffffffff');
    for (const bad of [-1, 2 ** 32, 1.5, Number.NaN]) expectCryptoError(() => u32be(bad), 'invalid-input');
  });

  it('draws random bytes of the requested length', () => {
    expect(randomBytes(24).length).toBe(24);
    expect(equalBytes(randomBytes(32), randomBytes(32))).toBe(false);
  });
});
