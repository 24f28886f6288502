import { ed25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import vectors from '../../tests/fixtures/crypto/ed25519.json' with { type: 'json' };
import { concatBytes, utf8 } from './bytes.ts';
import { sign, signingPublicKey, skipBaseTable, verify } from './sign.ts';
import { expectCryptoError, forEveryFlip, hex, unhex } from './test-utils.ts';

describe('Ed25519 known answers (RFC 8032 section 7.1)', () => {
  it.each(vectors.cases)('$name', (v) => {
    const sk = unhex(v.secretKeyHex);
    const msg = unhex(v.messageHex);
    expect(hex(signingPublicKey(sk))).toBe(v.publicKeyHex);
    expect(hex(sign(sk, msg))).toBe(v.signatureHex);
    expect(verify(unhex(v.publicKeyHex), msg, unhex(v.signatureHex))).toBe(true);
  });
});

describe('without the base-point table (the browser, skipBaseTable)', () => {
  it.each(vectors.cases)('$name: the same keys and signatures', (v) => {
    skipBaseTable();
    try {
      const sk = unhex(v.secretKeyHex);
      const msg = unhex(v.messageHex);
      expect(hex(signingPublicKey(sk))).toBe(v.publicKeyHex);
      expect(hex(sign(sk, msg))).toBe(v.signatureHex);
      expect(verify(unhex(v.publicKeyHex), msg, unhex(v.signatureHex))).toBe(true);
    } finally {
      ed25519.Point.BASE.precompute(); // the library's default, for the tests after
    }
  });
});

describe('sign / verify', () => {
  const { secretKey, publicKey } = ed25519.keygen();
  const msg = utf8('we both agreed');

  it('round-trips', () => {
    expect(verify(publicKey, msg, sign(secretKey, msg))).toBe(true);
  });

  it('rejects any modified signature or message, and another key', () => {
    const sig = sign(secretKey, msg);
    forEveryFlip(sig, (t) => expect(verify(publicKey, msg, t)).toBe(false));
    forEveryFlip(msg, (t) => expect(verify(publicKey, t, sig)).toBe(false));
    expect(verify(ed25519.keygen().publicKey, msg, sig)).toBe(false);
    expect(verify(publicKey, concatBytes(msg, Uint8Array.of(0)), sig)).toBe(false);
  });

  it('never throws on malformed input, just says no', () => {
    const sig = sign(secretKey, msg);
    expect(verify(new Uint8Array(31), msg, sig)).toBe(false);
    expect(verify(publicKey, msg, sig.subarray(0, 63))).toBe(false);
    expect(verify(new Uint8Array(32).fill(0xff), msg, sig)).toBe(false);
  });

  it('rejects a non-canonical S (S + L): signatures are not malleable', () => {
    const sig = sign(secretKey, msg);
    // L = 2^252 + 27742317777372353535851937790883648493 (RFC 8032 section 5.1), little-endian.
    const L = 2n ** 252n + 27742317777372353535851937790883648493n;
    let s = 0n;
    for (let i = 31; i >= 0; i--) s = (s << 8n) | BigInt(sig[32 + i]!);
    const s2 = s + L;
    const mal = sig.slice();
    for (let i = 0; i < 32; i++) mal[32 + i] = Number((s2 >> BigInt(8 * i)) & 0xffn);
    expect(s2 < 2n ** 256n).toBe(true);
    expect(verify(publicKey, msg, mal)).toBe(false);
  });

  it('refuses a signing key of the wrong length', () => {
    expectCryptoError(() => sign(new Uint8Array(64), msg), 'invalid-key');
  });
});
