import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { expand, extract, hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import hkdfVectors from '../../tests/fixtures/crypto/hkdf-sha256.json' with { type: 'json' };
import x25519Vectors from '../../tests/fixtures/crypto/x25519.json' with { type: 'json' };
import { concatBytes, randomBytes, utf8 } from './bytes.ts';
import { encodeContext, LABELS } from './context.ts';
import { openSealed, SEALED_OVERHEAD_BYTES, sealTo } from './seal.ts';
import { sign } from './sign.ts';
import { expectCryptoError, forEveryFlip, hex, unhex } from './test-utils.ts';

describe('HKDF-SHA256 known answers (RFC 5869 appendix A, test cases 1-3)', () => {
  it.each(hkdfVectors.cases)('$name', (v) => {
    const ikm = unhex(v.ikmHex);
    const salt = unhex(v.saltHex);
    const info = unhex(v.infoHex);
    const prk = extract(sha256, ikm, salt);
    expect(hex(prk)).toBe(v.prkHex);
    expect(hex(expand(sha256, prk, info, v.length))).toBe(v.okmHex);
    expect(hex(hkdf(sha256, ikm, salt, info, v.length))).toBe(v.okmHex);
  });
});

describe('X25519 known answers (RFC 7748)', () => {
  it.each(x25519Vectors.scalarMult.cases)('section 5.2: X25519($scalarHex, $uHex)', (v) => {
    expect(hex(x25519.getSharedSecret(unhex(v.scalarHex), unhex(v.uHex)))).toBe(v.outputHex);
  });

  it('section 5.2: iterated 1 and 1,000 times from the base point', () => {
    let k = new Uint8Array(32);
    k[0] = 9;
    let u = k.slice();
    for (let i = 1; i <= 1000; i++) {
      const next = x25519.getSharedSecret(k, u);
      u = k;
      k = next;
      if (i === 1) expect(hex(k)).toBe(x25519Vectors.iterated.after1Hex);
    }
    expect(hex(k)).toBe(x25519Vectors.iterated.after1000Hex);
  });

  it('section 6.1: Diffie-Hellman between Alice and Bob', () => {
    const v = x25519Vectors.diffieHellman;
    expect(hex(x25519.getPublicKey(unhex(v.alicePrivateHex)))).toBe(v.alicePublicHex);
    expect(hex(x25519.getPublicKey(unhex(v.bobPrivateHex)))).toBe(v.bobPublicHex);
    expect(hex(x25519.getSharedSecret(unhex(v.alicePrivateHex), unhex(v.bobPublicHex)))).toBe(v.sharedHex);
    expect(hex(x25519.getSharedSecret(unhex(v.bobPrivateHex), unhex(v.alicePublicHex)))).toBe(v.sharedHex);
  });
});

/** Points of small order on Curve25519 (u-coordinates), whose X25519 output is all zero. */
const LOW_ORDER_POINTS = [
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0100000000000000000000000000000000000000000000000000000000000000',
  'e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800',
  '5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
];

describe('sealed box', () => {
  const recipient = x25519.keygen();
  const sender = ed25519.keygen();
  const context = encodeContext('innermost/test-seal/v1', ['space', 1]);
  const payload = randomBytes(32);
  const seal = () => sealTo({ payload, recipientPublicKey: recipient.publicKey, senderSigningKey: sender.secretKey, context });
  const open = (sealed: Uint8Array, overrides: Partial<Parameters<typeof openSealed>[0]> = {}) =>
    openSealed({ sealed, recipientSecretKey: recipient.secretKey, senderVerifyKey: sender.publicKey, context, ...overrides });

  it('round-trips with the documented layout', () => {
    const sealed = seal();
    expect(SEALED_OVERHEAD_BYTES).toBe(137);
    expect(sealed.length).toBe(payload.length + SEALED_OVERHEAD_BYTES);
    expect(sealed[0]).toBe(0x01);
    expect(hex(open(sealed))).toBe(hex(payload));
    const empty = sealTo({ payload: new Uint8Array(0), recipientPublicKey: recipient.publicKey, senderSigningKey: sender.secretKey, context });
    expect(open(empty).length).toBe(0);
  });

  it('is exactly the documented construction (independent re-implementation opens it)', () => {
    const sealed = seal();
    const ephPub = sealed.subarray(1, 33);
    const nonce = sealed.subarray(33, 57);
    const ct = sealed.subarray(57, sealed.length - 64);
    const shared = x25519.getSharedSecret(recipient.secretKey, ephPub);
    const key = hkdf(sha256, shared, concatBytes(ephPub, recipient.publicKey), context, 32);
    const ad = encodeContext('innermost/sealed-box/v1', [Uint8Array.of(1), ephPub, recipient.publicKey, context]);
    expect(hex(xchacha20poly1305(key, nonce, ad).decrypt(ct))).toBe(hex(payload));
    const signed = encodeContext('innermost/sealed-box/signature/v1', [sealed.subarray(0, sealed.length - 64), recipient.publicKey, context]);
    expect(ed25519.verify(sealed.subarray(sealed.length - 64), signed, sender.publicKey)).toBe(true);
  });

  it('fails on every single-byte modification (signature checked first)', () => {
    const sealed = seal();
    const n = forEveryFlip(sealed, (tampered, i) => {
      expectCryptoError(() => open(tampered), i === 0 ? 'unsupported-version' : 'bad-signature');
    });
    expect(n).toBe(sealed.length * 2);
  });

  it('fails for another sender key, recipient, or context', () => {
    const sealed = seal();
    expectCryptoError(() => open(sealed, { senderVerifyKey: ed25519.keygen().publicKey }), 'bad-signature');
    expectCryptoError(() => open(sealed, { recipientSecretKey: x25519.keygen().secretKey }), 'bad-signature');
    expectCryptoError(() => open(sealed, { context: encodeContext('innermost/test-seal/v1', ['space', 2]) }), 'bad-signature');
    expectCryptoError(() => open(sealed.subarray(0, SEALED_OVERHEAD_BYTES - 1)), 'decrypt-failed');
    expectCryptoError(() => open(new Uint8Array(0)), 'decrypt-failed');
  });

  it('opens with the recipient public key given, and not with another one', () => {
    const sealed = seal();
    expect(hex(open(sealed, { recipientPublicKey: recipient.publicKey }))).toBe(hex(payload));
    expectCryptoError(() => open(sealed, { recipientPublicKey: x25519.keygen().publicKey }), 'bad-signature');
    expectCryptoError(() => open(sealed, { recipientPublicKey: recipient.publicKey.subarray(1) }), 'invalid-key');
  });

  it('a correctly signed box that does not decrypt is decrypt-failed', () => {
    // A sender who signs garbage (or seals with the wrong key) passes the signature check only.
    const prefix = concatBytes(Uint8Array.of(1), x25519.keygen().publicKey, randomBytes(24), randomBytes(48));
    const sig = sign(sender.secretKey, encodeContext(LABELS.sealedBoxSignature, [prefix, recipient.publicKey, context]));
    expectCryptoError(() => open(concatBytes(prefix, sig)), 'decrypt-failed');
  });

  it.each(LOW_ORDER_POINTS)('refuses to seal to the low-order point %s', (point) => {
    expectCryptoError(
      () => sealTo({ payload, recipientPublicKey: unhex(point), senderSigningKey: sender.secretKey, context }),
      'invalid-key',
    );
  });

  it.each(LOW_ORDER_POINTS)('refuses a signed box whose ephemeral key is the low-order point %s', (point) => {
    const prefix = concatBytes(Uint8Array.of(1), unhex(point), randomBytes(24), randomBytes(48));
    const sig = sign(sender.secretKey, encodeContext(LABELS.sealedBoxSignature, [prefix, recipient.publicKey, context]));
    expectCryptoError(() => open(concatBytes(prefix, sig)), 'decrypt-failed');
  });

  it('uses a fresh ephemeral key and nonce every time', () => {
    const a = seal();
    const b = seal();
    expect(hex(a.subarray(1, 33))).not.toBe(hex(b.subarray(1, 33)));
    expect(hex(a.subarray(33, 57))).not.toBe(hex(b.subarray(33, 57)));
  });

  it('refuses keys of the wrong length', () => {
    expectCryptoError(() => sealTo({ payload, recipientPublicKey: new Uint8Array(31), senderSigningKey: sender.secretKey, context }), 'invalid-key');
    expectCryptoError(() => sealTo({ payload, recipientPublicKey: recipient.publicKey, senderSigningKey: new Uint8Array(64), context }), 'invalid-key');
    expectCryptoError(() => open(seal(), { recipientSecretKey: new Uint8Array(16) }), 'invalid-key');
  });

  it('binds the payload it signs (utf8 payloads too)', () => {
    const msg = utf8('a key for you');
    const sealed = sealTo({ payload: msg, recipientPublicKey: recipient.publicKey, senderSigningKey: sender.secretKey, context });
    expect(new TextDecoder().decode(open(sealed))).toBe('a key for you');
  });
});
