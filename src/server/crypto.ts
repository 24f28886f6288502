/**
 * The server's few cryptographic operations: verifiers (HMAC-SHA256 keyed with the server
 * secret), token hashes (SHA-256) and constant-time comparison. Client ciphertext is opaque to
 * it; the only client cryptography it checks is public (membership entries, departures:
 * services/membership-checks.ts).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export function hmacSha256(key: Uint8Array, data: Uint8Array | string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

export function sha256(data: Uint8Array | string): Buffer {
  return createHash('sha256').update(data).digest();
}

/** Equal-length buffers compared in constant time; different lengths are simply unequal. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}


/** base64url (validated by the shared zod schema) to bytes. */
export function fromB64url(text: string): Buffer {
  return Buffer.from(text, 'base64url');
}

export function toB64url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}
