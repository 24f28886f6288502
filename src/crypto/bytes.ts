/** Byte helpers shared by every crypto module. Pure functions; no I/O. */
import { randomBytes as nobleRandomBytes } from '@noble/hashes/utils.js';
import { CryptoError } from './errors.ts';

const encoder = new TextEncoder();
// `fatal: true`: invalid UTF-8 is an error, never silently replaced by U+FFFD (two different byte
// strings must never decode to the same text).
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A lone UTF-16 surrogate: TextEncoder would replace it with U+FFFD, so it cannot round-trip. */
const LONE_SURROGATE_RE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `s` is well-formed UTF-16 (it encodes to UTF-8 and back unchanged). */
export function isWellFormedString(s: string): boolean {
  return !LONE_SURROGATE_RE.test(s);
}

/** UTF-8 encoding of `s` (RFC 3629). */
export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

/** Strict UTF-8 decoding: throws CryptoError('invalid-input') on malformed input. */
export function fromUtf8(b: Uint8Array): string {
  try {
    return decoder.decode(b);
  } catch {
    throw new CryptoError('invalid-input', 'malformed UTF-8');
  }
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/**
 * Constant-time equality for secrets (MACs, tokens, hashes): the running time depends only on
 * the lengths, which are public, never on where the first difference is.
 */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** Cryptographically secure random bytes (noble's wrapper over `crypto.getRandomValues`). */
export function randomBytes(n: number): Uint8Array {
  return nobleRandomBytes(n);
}

/** 4-byte big-endian unsigned integer (network byte order). */
export function u32be(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) {
    throw new CryptoError('invalid-input', 'u32 out of range');
  }
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n, false);
  return out;
}

/** Reads a 4-byte big-endian unsigned integer at `offset` (caller checks bounds). */
export function readU32be(b: Uint8Array, offset: number): number {
  return new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(offset, false);
}

/** Lexicographic comparison of byte strings (for canonical ordering that never depends on locale). */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return a[i]! - b[i]!;
  }
  return a.length - b.length;
}

export function isAllZero(b: Uint8Array): boolean {
  let acc = 0;
  for (let i = 0; i < b.length; i++) acc |= b[i]!;
  return acc === 0;
}

/** Throws CryptoError('invalid-key') unless `key` is a Uint8Array of exactly `length` bytes. */
export function assertKeyLength(key: Uint8Array, length: number, what = 'key'): void {
  if (!(key instanceof Uint8Array) || key.length !== length) {
    throw new CryptoError('invalid-key', `${what} must be ${length} bytes`);
  }
}
