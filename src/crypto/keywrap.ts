/**
 * Key wrapping: a key encrypted under another key, in the standard envelope (aead.ts) with the
 * caller's context as associated data. The context (always an encodeContext output with its
 * own label and the owner's id) means a wrapped key cannot be moved to another account or
 * reused for another purpose: unwrapping with any other context fails.
 *
 * We use the AEAD envelope rather than RFC 3394 AES Key Wrap because it needs no extra
 * primitive, is randomized, and binds a context, which RFC 3394 cannot.
 */
import { decryptEnvelope, encryptEnvelope } from './aead.ts';

export function wrapKey(wrappingKey: Uint8Array, keyToWrap: Uint8Array, context: Uint8Array): Uint8Array {
  return encryptEnvelope(wrappingKey, keyToWrap, context);
}

/** Throws CryptoError('decrypt-failed') for a wrong key, a wrong context or any modified byte. */
export function unwrapKey(wrappingKey: Uint8Array, wrapped: Uint8Array, context: Uint8Array): Uint8Array {
  return decryptEnvelope(wrappingKey, wrapped, context);
}
