/**
 * Sealing a payload (usually a key) to one member: an ECIES-style box, signed by the sender.
 *
 *   eph            = fresh X25519 key pair (RFC 7748 section 6.1), used once
 *   shared         = X25519(eph.secret, recipientPub); all-zero output rejected (RFC 7748
 *                    section 6.1: a low-order public key forces it, and then the "secret" is
 *                    known to everybody)
 *   key            = HKDF-SHA256(ikm = shared, salt = ephPub || recipientPub, info = context, 32)
 *                    (RFC 5869; both public keys in the salt bind the key to this exact exchange,
 *                    the caller's context binds it to its purpose)
 *   ct             = XChaCha20-Poly1305(key, random 24-byte nonce, ad, payload)
 *                    ad = encodeContext('innermost/sealed-box/v1', [0x01, ephPub, recipientPub, context])
 *   signature      = Ed25519(senderSigningKey,
 *                      encodeContext('innermost/sealed-box/signature/v1', [prefix, recipientPub, context]))
 *                    where prefix = every byte of the box before the signature.
 *
 * Format (never change once released):
 *   [0x01 version][32 ephemeral X25519 public key][24 nonce][ciphertext][16 tag][64 signature]
 *
 * Why signed: an anonymous sealed box proves nothing about who made it; the server could seal a
 * key of its own choosing to a member. The signature over the whole box (and the context and
 * the recipient key) proves that the named sender made exactly this box for this recipient and
 * purpose. The signature is checked before any decryption is attempted.
 */
import { x25519 } from '@noble/curves/ed25519.js';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { assertKeyLength, concatBytes, isAllZero, randomBytes } from './bytes.ts';
import { encodeContext, LABELS } from './context.ts';
import { CryptoError } from './errors.ts';
import { SIGNATURE_BYTES, sign, verify } from './sign.ts';

/** Never change once released. */
export const SEALED_VERSION = 0x01;
export const X25519_KEY_BYTES = 32;
const NONCE_BYTES = 24;
const TAG_BYTES = 16;
/** 1 + 32 + 24 + 16 + 64 = 137 bytes on top of the payload. */
export const SEALED_OVERHEAD_BYTES = 1 + X25519_KEY_BYTES + NONCE_BYTES + TAG_BYTES + SIGNATURE_BYTES;

/** X25519 that refuses low-order points: noble throws on them; we also refuse an all-zero result. */
function sharedSecret(secretKey: Uint8Array, publicKey: Uint8Array): Uint8Array | null {
  try {
    const s = x25519.getSharedSecret(secretKey, publicKey);
    return isAllZero(s) ? null : s;
  } catch {
    return null;
  }
}

function boxKey(shared: Uint8Array, ephPub: Uint8Array, recipientPub: Uint8Array, context: Uint8Array): Uint8Array {
  return hkdf(sha256, shared, concatBytes(ephPub, recipientPub), context, 32);
}

function boxAd(ephPub: Uint8Array, recipientPub: Uint8Array, context: Uint8Array): Uint8Array {
  return encodeContext(LABELS.sealedBoxAd, [Uint8Array.of(SEALED_VERSION), ephPub, recipientPub, context]);
}

function signedMessage(prefix: Uint8Array, recipientPub: Uint8Array, context: Uint8Array): Uint8Array {
  return encodeContext(LABELS.sealedBoxSignature, [prefix, recipientPub, context]);
}

export function sealTo({
  payload,
  recipientPublicKey,
  senderSigningKey,
  context,
}: {
  payload: Uint8Array;
  recipientPublicKey: Uint8Array;
  senderSigningKey: Uint8Array;
  context: Uint8Array;
}): Uint8Array {
  assertKeyLength(recipientPublicKey, X25519_KEY_BYTES, 'recipient public key');
  assertKeyLength(senderSigningKey, 32, 'signing key');
  const eph = x25519.keygen();
  try {
    const shared = sharedSecret(eph.secretKey, recipientPublicKey);
    if (shared === null) throw new CryptoError('invalid-key', 'recipient public key is a low-order point');
    const key = boxKey(shared, eph.publicKey, recipientPublicKey, context);
    shared.fill(0);
    const nonce = randomBytes(NONCE_BYTES);
    const ct = xchacha20poly1305(key, nonce, boxAd(eph.publicKey, recipientPublicKey, context)).encrypt(payload);
    key.fill(0);
    const prefix = concatBytes(Uint8Array.of(SEALED_VERSION), eph.publicKey, nonce, ct);
    const signature = sign(senderSigningKey, signedMessage(prefix, recipientPublicKey, context));
    return concatBytes(prefix, signature);
  } finally {
    eph.secretKey.fill(0);
  }
}

/**
 * Verifies the sender's signature first (CryptoError('bad-signature')), then decrypts
 * (CryptoError('decrypt-failed')). An unknown version byte is 'unsupported-version'.
 * `recipientPublicKey`: the secret key's public half where the caller already holds it (an
 * Identity derives it once); otherwise it is derived here, a base-point multiplication that is a
 * few milliseconds of a phone's start per space key. One that does not belong to the secret key
 * only makes the box fail to open (it is bound into the signature and the key).
 */
export function openSealed({
  sealed,
  recipientSecretKey,
  recipientPublicKey,
  senderVerifyKey,
  context,
}: {
  sealed: Uint8Array;
  recipientSecretKey: Uint8Array;
  recipientPublicKey?: Uint8Array;
  senderVerifyKey: Uint8Array;
  context: Uint8Array;
}): Uint8Array {
  assertKeyLength(recipientSecretKey, X25519_KEY_BYTES, 'recipient secret key');
  if (sealed.length === 0) throw new CryptoError('decrypt-failed');
  if (sealed[0] !== SEALED_VERSION) throw new CryptoError('unsupported-version');
  if (sealed.length < SEALED_OVERHEAD_BYTES) throw new CryptoError('decrypt-failed');
  if (recipientPublicKey) assertKeyLength(recipientPublicKey, X25519_KEY_BYTES, 'recipient public key');
  const recipientPub = recipientPublicKey ?? x25519.getPublicKey(recipientSecretKey);
  const split = sealed.length - SIGNATURE_BYTES;
  const prefix = sealed.subarray(0, split);
  const signature = sealed.subarray(split);
  if (!verify(senderVerifyKey, signedMessage(prefix, recipientPub, context), signature)) {
    throw new CryptoError('bad-signature');
  }
  const ephPub = prefix.subarray(1, 1 + X25519_KEY_BYTES);
  const nonce = prefix.subarray(1 + X25519_KEY_BYTES, 1 + X25519_KEY_BYTES + NONCE_BYTES);
  const ct = prefix.subarray(1 + X25519_KEY_BYTES + NONCE_BYTES);
  const shared = sharedSecret(recipientSecretKey, ephPub);
  if (shared === null) throw new CryptoError('decrypt-failed');
  const key = boxKey(shared, ephPub, recipientPub, context);
  shared.fill(0);
  try {
    return xchacha20poly1305(key, nonce, boxAd(ephPub, recipientPub, context)).decrypt(ct);
  } catch {
    throw new CryptoError('decrypt-failed');
  } finally {
    key.fill(0);
  }
}
