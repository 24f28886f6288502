import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromB64, toB64 } from './base64.ts';

describe('base64url', () => {
  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(fromB64(toB64(bytes))).toEqual(bytes);
      }),
    );
  });

  it('matches the RFC 4648 test vectors (url alphabet, no padding)', () => {
    const enc = (s: string) => toB64(new TextEncoder().encode(s));
    expect(enc('')).toBe('');
    expect(enc('f')).toBe('Zg');
    expect(enc('fo')).toBe('Zm8');
    expect(enc('foo')).toBe('Zm9v');
    expect(enc('foobar')).toBe('Zm9vYmFy');
    expect(toB64(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
  });

  it('rejects padding, foreign characters, impossible lengths and non-canonical bits', () => {
    expect(() => fromB64('Zg==')).toThrow();
    expect(() => fromB64('Zm9v+')).toThrow();
    expect(() => fromB64('Z')).toThrow();
    expect(() => fromB64('Zh')).toThrow(); // 'h' leaves non-zero trailing bits
  });
});
