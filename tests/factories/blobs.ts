/**
 * Valid-looking random binary values: the server cannot open client cryptography, so random
 * bytes of the right sizes stand in for sealed boxes and ciphertexts. Membership entries and
 * departures are public and checked by the server: membership.ts signs real ones.
 */
import { randomBytes } from 'node:crypto';
import { uuidv7 } from '../../src/shared/ids.ts';

export function randomB64(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

export const blob = {
  key32: () => randomB64(32),
  salt: () => randomB64(16),
  /** A sealed key / wrapped key: 32-byte key + 24-byte nonce + 16-byte tag + version. */
  sealed: () => randomB64(73),
  /** Junk where a membership entry belongs (the server refuses it: membership-invalid). */
  junkMembershipEntry: () => randomB64(160),
  /** A record ciphertext: one 256-byte padded bucket plus 41 bytes of envelope. */
  ciphertext: (bytes = 297) => randomB64(bytes),
  /** An Ed25519 signature. */
  signature: () => randomB64(64),
  /** A round's encrypted header (the exercise id and settings): one padded bucket plus envelope. */
  roundHeader: () => randomB64(297),
  /** A round submission: one answer, a few padded buckets plus envelope. */
  submission: (bytes = 41 + 4 * 256) => randomB64(bytes),
};

export function newId(): string {
  return uuidv7();
}

export function randomEmail(): string {
  return `user-${randomBytes(6).toString('hex')}@example.test`;
}

/** A random documentation address (RFC 5737 TEST-NET-3 + random host bits) for rate-limit keys. */
export function randomIp(): string {
  const b = randomBytes(3);
  return `203.${b[0]}.${b[1]}.${b[2]}`;
}
