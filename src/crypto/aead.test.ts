import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import vector from '../../tests/fixtures/crypto/xchacha20poly1305.json' with { type: 'json' };
import {
  decryptEnvelope,
  ENVELOPE_OVERHEAD_BYTES,
  encryptEnvelope,
  padBucket,
  paddedLength,
  unpadBucket,
} from './aead.ts';
import { concatBytes, randomBytes, u32be, utf8 } from './bytes.ts';
import { encodeContext } from './context.ts';
import { expectCryptoError, forEveryFlip, hex, unhex } from './test-utils.ts';

describe('XChaCha20-Poly1305 known answer (draft-irtf-cfrg-xchacha-03 A.3.1)', () => {
  it('matches the draft vector through the library we use', () => {
    const cipher = xchacha20poly1305(unhex(vector.keyHex), unhex(vector.nonceHex), unhex(vector.aadHex));
    const sealed = cipher.encrypt(utf8(vector.plaintext));
    expect(hex(sealed)).toBe(vector.ciphertextHex + vector.tagHex);
    const opened = xchacha20poly1305(unhex(vector.keyHex), unhex(vector.nonceHex), unhex(vector.aadHex)).decrypt(
      unhex(vector.ciphertextHex + vector.tagHex),
    );
    expect(new TextDecoder().decode(opened)).toBe(vector.plaintext);
  });

  it('our envelope is exactly [0x01][nonce][draft ciphertext and tag] with AD = 0x01 || ad', () => {
    // Reconstruct an envelope by hand from the draft vector: if the layout ever changes, this fails.
    const ad = unhex(vector.aadHex);
    const sealed = xchacha20poly1305(unhex(vector.keyHex), unhex(vector.nonceHex), concatBytes(Uint8Array.of(1), ad)).encrypt(
      utf8(vector.plaintext),
    );
    const envelope = concatBytes(Uint8Array.of(1), unhex(vector.nonceHex), sealed);
    expect(new TextDecoder().decode(decryptEnvelope(unhex(vector.keyHex), envelope, ad))).toBe(vector.plaintext);
  });
});

describe('envelope', () => {
  const key = randomBytes(32);
  const ad = encodeContext('innermost/test/v1', ['a']);

  it('round-trips and has the documented size', () => {
    const pt = utf8('hello');
    const env = encryptEnvelope(key, pt, ad);
    expect(ENVELOPE_OVERHEAD_BYTES).toBe(41);
    expect(env.length).toBe(pt.length + ENVELOPE_OVERHEAD_BYTES);
    expect(env[0]).toBe(0x01);
    expect(hex(decryptEnvelope(key, env, ad))).toBe(hex(pt));
    expect(decryptEnvelope(key, encryptEnvelope(key, new Uint8Array(0), ad), ad).length).toBe(0);
  });

  it('round-trips any key, plaintext and associated data (property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ maxLength: 600 }),
        fc.uint8Array({ maxLength: 64 }),
        (k, pt, a) => {
          const env = encryptEnvelope(k, pt, a);
          expect(env.length).toBe(pt.length + ENVELOPE_OVERHEAD_BYTES);
          expect(hex(decryptEnvelope(k, env, a))).toBe(hex(pt));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('fails on every single-byte modification', () => {
    const env = encryptEnvelope(key, utf8('a secret worth protecting'), ad);
    const checked = forEveryFlip(env, (tampered, i) => {
      expectCryptoError(() => decryptEnvelope(key, tampered, ad), i === 0 ? 'unsupported-version' : 'decrypt-failed');
    });
    expect(checked).toBe(env.length * 2);
  });

  it('fails with another key, another context, or when truncated or extended', () => {
    const env = encryptEnvelope(key, utf8('x'), ad);
    expectCryptoError(() => decryptEnvelope(randomBytes(32), env, ad), 'decrypt-failed');
    expectCryptoError(() => decryptEnvelope(key, env, encodeContext('innermost/test/v1', ['b'])), 'decrypt-failed');
    expectCryptoError(() => decryptEnvelope(key, env, new Uint8Array(0)), 'decrypt-failed');
    for (let n = 0; n < env.length; n++) {
      expectCryptoError(() => decryptEnvelope(key, env.subarray(0, n), ad), 'decrypt-failed');
    }
    expectCryptoError(() => decryptEnvelope(key, concatBytes(env, Uint8Array.of(0)), ad), 'decrypt-failed');
  });

  it('reports an unknown version as unsupported-version', () => {
    const env = encryptEnvelope(key, utf8('x'), ad);
    env[0] = 0x02;
    expectCryptoError(() => decryptEnvelope(key, env, ad), 'unsupported-version');
  });

  it('refuses keys that are not 32 bytes', () => {
    expectCryptoError(() => encryptEnvelope(new Uint8Array(16), utf8('x'), ad), 'invalid-key');
    expectCryptoError(() => decryptEnvelope(new Uint8Array(33), new Uint8Array(41), ad), 'invalid-key');
  });

  it('never repeats a nonce in 10,000 envelopes', () => {
    const nonces = new Set<string>();
    const pt = new Uint8Array(0);
    for (let i = 0; i < 10_000; i++) nonces.add(hex(encryptEnvelope(key, pt, ad).subarray(1, 25)));
    expect(nonces.size).toBe(10_000);
  });

  it('encrypts the same plaintext differently every time', () => {
    const pt = utf8('same');
    expect(hex(encryptEnvelope(key, pt, ad))).not.toBe(hex(encryptEnvelope(key, pt, ad)));
  });
});

describe('bucket padding', () => {
  it('has the documented layout', () => {
    const padded = padBucket(utf8('hi'));
    expect(padded.length).toBe(256);
    expect(hex(padded.subarray(0, 6))).toBe('00000002' + '6869');
    expect(padded.subarray(6).every((b) => b === 0)).toBe(true);
  });

  it('uses 256-byte buckets, with the 4-byte length counted', () => {
    expect(padBucket(new Uint8Array(0)).length).toBe(256);
    expect(padBucket(new Uint8Array(252)).length).toBe(256);
    expect(padBucket(new Uint8Array(253)).length).toBe(512);
    expect(padBucket(new Uint8Array(508)).length).toBe(512);
    expect(padBucket(new Uint8Array(509)).length).toBe(768);
    expect(paddedLength(1000)).toBe(1024);
    expect(padBucket(new Uint8Array(10), 16).length).toBe(16);
  });

  it('round-trips and pads to a multiple of the bucket (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.integer({ min: 1, max: 1024 }), (pt, bucket) => {
        const padded = padBucket(pt, bucket);
        expect(padded.length % bucket).toBe(0);
        expect(padded.length).toBeGreaterThanOrEqual(pt.length + 4);
        expect(padded.length - (pt.length + 4)).toBeLessThan(bucket);
        expect(hex(unpadBucket(padded, bucket))).toBe(hex(pt));
      }),
      { numRuns: 500 },
    );
  });

  it('rejects a wrong length field, non-zero fill or a non-canonical size', () => {
    const padded = padBucket(utf8('hello'));
    const longer = padded.slice();
    longer.set(u32be(253), 0);
    expectCryptoError(() => unpadBucket(longer), 'padding-invalid');
    const huge = padded.slice();
    huge.set(u32be(0xffffffff), 0);
    expectCryptoError(() => unpadBucket(huge), 'padding-invalid');
    for (let i = 9; i < padded.length; i++) {
      const dirty = padded.slice();
      dirty[i] = 1;
      expectCryptoError(() => unpadBucket(dirty), 'padding-invalid');
    }
    // Two buckets where one suffices: not canonical.
    const oversized = new Uint8Array(512);
    oversized.set(padded);
    expectCryptoError(() => unpadBucket(oversized), 'padding-invalid');
    expectCryptoError(() => unpadBucket(padded.subarray(0, 255)), 'padding-invalid');
    expectCryptoError(() => unpadBucket(new Uint8Array(3)), 'padding-invalid');
    expectCryptoError(() => padBucket(utf8('x'), 0), 'invalid-input');
  });
});
