/**
 * Account-level keys.
 *   UK (user key): 32 random bytes; wraps everything else the account owns. It is wrapped twice:
 *     by masterKey (from the password) and by recoveryKey (from the recovery code), so either
 *     secret opens the account and a password change only re-wraps UK.
 *   Identity: an X25519 key pair (RFC 7748, key agreement: others seal space keys to it) and an
 *     Ed25519 key pair (RFC 8032, signatures). Two separate keys rather than one converted key,
 *     so no key is ever used in two algorithms. Secret halves are wrapped by UK; public halves
 *     are stored in the clear.
 */
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { assertKeyLength, concatBytes, randomBytes } from './bytes.ts';
import { encodeContext, LABELS } from './context.ts';
import { CryptoError } from './errors.ts';
import { unwrapKey, wrapKey } from './keywrap.ts';

export type KeyPair = { publicKey: Uint8Array; secretKey: Uint8Array };
export type Identity = { x25519: KeyPair; ed25519: KeyPair };
export type UserKeyPurpose = 'master' | 'recovery';

export const USER_KEY_BYTES = 32;
/** Wrapped identity plaintext: x25519 secret (32) || ed25519 seed (32). Never change once released. */
export const IDENTITY_PLAINTEXT_BYTES = 64;

export function generateUserKey(): Uint8Array {
  return randomBytes(USER_KEY_BYTES);
}

export function generateIdentity(): Identity {
  const x = x25519.keygen();
  const e = ed25519.keygen();
  return {
    x25519: { publicKey: x.publicKey, secretKey: x.secretKey },
    ed25519: { publicKey: e.publicKey, secretKey: e.secretKey },
  };
}

/** Rebuilds an identity from its two secret keys (public keys are recomputed, never trusted). */
export function identityFromSecretKeys(x25519SecretKey: Uint8Array, ed25519SecretKey: Uint8Array): Identity {
  assertKeyLength(x25519SecretKey, 32, 'x25519 secret key');
  assertKeyLength(ed25519SecretKey, 32, 'ed25519 secret key');
  return {
    x25519: { publicKey: x25519.getPublicKey(x25519SecretKey), secretKey: x25519SecretKey.slice() },
    ed25519: { publicKey: ed25519.getPublicKey(ed25519SecretKey), secretKey: ed25519SecretKey.slice() },
  };
}

export function identityContext(userId: string): Uint8Array {
  return encodeContext(LABELS.identityByUk, [userId]);
}

export function wrapIdentity(uk: Uint8Array, userId: string, identity: Identity): Uint8Array {
  assertKeyLength(uk, USER_KEY_BYTES, 'user key');
  assertKeyLength(identity.x25519.secretKey, 32, 'x25519 secret key');
  assertKeyLength(identity.ed25519.secretKey, 32, 'ed25519 secret key');
  const plaintext = concatBytes(identity.x25519.secretKey, identity.ed25519.secretKey);
  try {
    return wrapKey(uk, plaintext, identityContext(userId));
  } finally {
    plaintext.fill(0);
  }
}

export function unwrapIdentity(uk: Uint8Array, userId: string, wrapped: Uint8Array): Identity {
  const plaintext = unwrapKey(uk, wrapped, identityContext(userId));
  try {
    if (plaintext.length !== IDENTITY_PLAINTEXT_BYTES) throw new CryptoError('decrypt-failed');
    return identityFromSecretKeys(plaintext.subarray(0, 32), plaintext.subarray(32, 64));
  } finally {
    plaintext.fill(0);
  }
}

export function userKeyContext(purpose: UserKeyPurpose, userId: string): Uint8Array {
  if (purpose === 'master') return encodeContext(LABELS.ukByMaster, [userId]);
  if (purpose === 'recovery') return encodeContext(LABELS.ukByRecovery, [userId]);
  throw new CryptoError('invalid-input', 'unknown purpose');
}

export function wrapUserKey(
  wrappingKey: Uint8Array,
  purpose: UserKeyPurpose,
  userId: string,
  uk: Uint8Array,
): Uint8Array {
  assertKeyLength(uk, USER_KEY_BYTES, 'user key');
  return wrapKey(wrappingKey, uk, userKeyContext(purpose, userId));
}

export function unwrapUserKey(
  wrappingKey: Uint8Array,
  purpose: UserKeyPurpose,
  userId: string,
  wrapped: Uint8Array,
): Uint8Array {
  const uk = unwrapKey(wrappingKey, wrapped, userKeyContext(purpose, userId));
  if (uk.length !== USER_KEY_BYTES) throw new CryptoError('decrypt-failed');
  return uk;
}
