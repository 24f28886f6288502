/** Ed25519 signatures (RFC 8032 section 5.1), via @noble/curves. */
import { ed25519 } from '@noble/curves/ed25519.js';
import { assertKeyLength } from './bytes.ts';

export const SIGNATURE_BYTES = 64;
export const SIGNING_KEY_BYTES = 32;

/** `secretKey` is the 32-byte RFC 8032 seed (what ed25519.keygen() returns as secretKey). */
export function sign(secretKey: Uint8Array, message: Uint8Array): Uint8Array {
  assertKeyLength(secretKey, SIGNING_KEY_BYTES, 'signing key');
  return ed25519.sign(message, secretKey);
}

/**
 * Strict RFC 8032 verification: `zip215: false` rejects non-canonical encodings of R, A and
 * S >= L (RFC 8032 section 5.1.7 step 1), so a valid signature cannot be mutated into a second
 * valid one. Never throws: malformed input is simply not a valid signature.
 */
export function verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== SIGNING_KEY_BYTES || signature.length !== SIGNATURE_BYTES) return false;
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

export function signingPublicKey(secretKey: Uint8Array): Uint8Array {
  assertKeyLength(secretKey, SIGNING_KEY_BYTES, 'signing key');
  return ed25519.getPublicKey(secretKey);
}

/**
 * For a device that makes a handful of signatures per visit (a phone opening the app): no table of
 * base-point multiples. The library otherwise builds one (about 1,400 points) on the first
 * signature or public key, some 50 ms of a fast laptop's main thread and several times that on a
 * phone, right when the app shows its first screen; without it each base-point multiplication
 * costs a few milliseconds and stays constant-time. Servers, which verify many, keep the table.
 */
export function skipBaseTable(): void {
  ed25519.Point.BASE.precompute(1);
}
