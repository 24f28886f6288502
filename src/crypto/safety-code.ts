/**
 * Safety code: a short fingerprint of a space's members, their identity keys and the head of
 * the space's signed membership history, which members compare out of band (side by side, or on
 * a call). Equal codes mean every member sees the same keys for everyone and the same chain of
 * epochs, so the server has not substituted a key anywhere nor shown anyone a different history
 * (v2 added the head: an epoch injected for one member changes that member's code).
 *
 * Construction, modelled on Signal's numeric fingerprint (libsignal
 * NumericFingerprintGenerator: iterated hashing, 5-digit groups from 5-byte chunks mod 100000):
 *   input = encodeContext('innermost/safety-code/v2',
 *             [spaceId, head (32 bytes: entryHash of the newest membership entry), memberCount,
 *              then per member sorted by UTF-8 userId: userId, x25519, ed25519])
 *   h = SHA-256(input); repeat 5200 times: h = SHA-256(h || input)
 *     (Signal uses 5200 iterations to make grinding for a colliding key pair expensive)
 *   out = HKDF-Expand-SHA256(prk = h, info 'innermost/safety-code/digits/v1', 60) (RFC 5869 2.3)
 *   12 groups: for each 5-byte chunk, (big-endian 40-bit integer mod 100000), zero-padded.
 * The bias of 2^40 mod 10^5 is below 10^-7 per group; the code carries ~199 bits.
 * Sorting makes the code independent of the order members are listed in.
 */
import { expand } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8 } from './bytes.ts';
import { encodeContext, LABELS, type ContextField } from './context.ts';
import { CryptoError } from './errors.ts';
import { MEMBERSHIP_HASH_BYTES, sortMembers, type MemberKeys } from './membership.ts';

/** Never change once released. */
export const SAFETY_CODE_ITERATIONS = 5200;
export const SAFETY_CODE_GROUPS = 12;
const DIGITS_INFO = 'innermost/safety-code/digits/v1';

export function safetyCode(spaceId: string, members: MemberKeys[], head: Uint8Array): string {
  if (!(head instanceof Uint8Array) || head.length !== MEMBERSHIP_HASH_BYTES) throw new CryptoError('invalid-input', 'head');
  const sorted = sortMembers(members);
  const fields: ContextField[] = [spaceId, head, sorted.length];
  for (let i = 0; i < sorted.length; i++) {
    const m = sorted[i]!;
    if (m.x25519.length !== 32 || m.ed25519.length !== 32) throw new CryptoError('invalid-key');
    if (i > 0 && sorted[i - 1]!.userId === m.userId) throw new CryptoError('invalid-input', 'duplicate member');
    fields.push(m.userId, m.x25519, m.ed25519);
  }
  const input = encodeContext(LABELS.safetyCode, fields);
  let h = sha256(input);
  for (let i = 0; i < SAFETY_CODE_ITERATIONS; i++) h = sha256(concatBytes(h, input));
  const out = expand(sha256, h, utf8(DIGITS_INFO), SAFETY_CODE_GROUPS * 5);
  const groups: string[] = [];
  for (let g = 0; g < SAFETY_CODE_GROUPS; g++) {
    let n = 0;
    for (let j = 0; j < 5; j++) n = n * 256 + out[g * 5 + j]!;
    groups.push(String(n % 100000).padStart(5, '0'));
  }
  return groups.join(' ');
}
