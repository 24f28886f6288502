/**
 * The symmetric envelope: XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha-03, built on the
 * ChaCha20-Poly1305 AEAD of RFC 8439) with a fresh random 24-byte nonce per message.
 *
 * Why XChaCha20: its 192-bit nonce can be drawn at random for every message without a
 * practical collision risk (the birthday bound is about 2^96 messages per key), so no nonce
 * counter has to be kept in sync across devices; with a 96-bit nonce random nonces would be
 * unsafe after roughly 2^32 messages under one key.
 *
 * Format (never change once released):
 *   [0x01 version][24-byte nonce][ciphertext][16-byte Poly1305 tag]
 * The AEAD associated data is [0x01 version] || ad, so the version byte is authenticated too
 * and the caller's `ad` (always an encodeContext output) binds the ciphertext to its context.
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { assertKeyLength, concatBytes, randomBytes, readU32be, u32be } from './bytes.ts';
import { CryptoError } from './errors.ts';

/** Never change once released. */
export const ENVELOPE_VERSION = 0x01;
/** XChaCha20 nonce length (draft-irtf-cfrg-xchacha-03 section 2). Never change once released. */
export const NONCE_BYTES = 24;
/** Poly1305 tag length (RFC 8439 section 2.5). Never change once released. */
export const TAG_BYTES = 16;
export const KEY_BYTES = 32;
/** 1 version byte + 24 nonce + 16 tag. */
export const ENVELOPE_OVERHEAD_BYTES = 1 + NONCE_BYTES + TAG_BYTES;
/** Padding bucket: sizes leak only to this granularity. Never change once released. */
export const PAD_BUCKET_BYTES = 256;
/** Length prefix inside a padded plaintext. */
export const PAD_LENGTH_BYTES = 4;

function envelopeAd(ad: Uint8Array): Uint8Array {
  return concatBytes(Uint8Array.of(ENVELOPE_VERSION), ad);
}

export function encryptEnvelope(key: Uint8Array, plaintext: Uint8Array, ad: Uint8Array): Uint8Array {
  assertKeyLength(key, KEY_BYTES);
  const nonce = randomBytes(NONCE_BYTES);
  const sealed = xchacha20poly1305(key, nonce, envelopeAd(ad)).encrypt(plaintext);
  return concatBytes(Uint8Array.of(ENVELOPE_VERSION), nonce, sealed);
}

/**
 * Opens an envelope. Any failure (wrong key, wrong context, any modified byte) is the same
 * CryptoError('decrypt-failed'); only an unknown version byte is reported as
 * 'unsupported-version', so that old clients can tell users to update.
 */
export function decryptEnvelope(key: Uint8Array, envelope: Uint8Array, ad: Uint8Array): Uint8Array {
  assertKeyLength(key, KEY_BYTES);
  if (envelope.length === 0) throw new CryptoError('decrypt-failed');
  if (envelope[0] !== ENVELOPE_VERSION) throw new CryptoError('unsupported-version');
  if (envelope.length < ENVELOPE_OVERHEAD_BYTES) throw new CryptoError('decrypt-failed');
  const nonce = envelope.subarray(1, 1 + NONCE_BYTES);
  const sealed = envelope.subarray(1 + NONCE_BYTES);
  try {
    return xchacha20poly1305(key, nonce, envelopeAd(ad)).decrypt(sealed);
  } catch {
    throw new CryptoError('decrypt-failed');
  }
}

/** Size of the padded form of `length` plaintext bytes. */
export function paddedLength(length: number, bucket: number = PAD_BUCKET_BYTES): number {
  assertBucket(bucket);
  const needed = PAD_LENGTH_BYTES + length;
  return Math.max(bucket, Math.ceil(needed / bucket) * bucket);
}

function assertBucket(bucket: number): void {
  if (!Number.isSafeInteger(bucket) || bucket < 1) {
    throw new CryptoError('invalid-input', 'bucket must be a positive integer');
  }
}

/**
 * Pads to a multiple of `bucket` bytes so ciphertext sizes reveal only a size class, not the
 * exact length of what someone wrote. Format: [u32 length][plaintext][zero fill].
 */
export function padBucket(plaintext: Uint8Array, bucket: number = PAD_BUCKET_BYTES): Uint8Array {
  const out = new Uint8Array(paddedLength(plaintext.length, bucket));
  out.set(u32be(plaintext.length), 0);
  out.set(plaintext, PAD_LENGTH_BYTES);
  return out;
}

/**
 * Strict inverse of padBucket: the total size must be exactly the canonical padded size for the
 * stated length and every fill byte must be zero, so each plaintext has exactly one padded form.
 */
export function unpadBucket(padded: Uint8Array, bucket: number = PAD_BUCKET_BYTES): Uint8Array {
  assertBucket(bucket);
  if (padded.length < PAD_LENGTH_BYTES) throw new CryptoError('padding-invalid');
  const length = readU32be(padded, 0);
  if (length > padded.length - PAD_LENGTH_BYTES || padded.length !== paddedLength(length, bucket)) {
    throw new CryptoError('padding-invalid');
  }
  let fill = 0;
  for (let i = PAD_LENGTH_BYTES + length; i < padded.length; i++) fill |= padded[i]!;
  if (fill !== 0) throw new CryptoError('padding-invalid');
  return padded.slice(PAD_LENGTH_BYTES, PAD_LENGTH_BYTES + length);
}
