/**
 * Invites. The inviter's client draws a 32-byte secret s; the link is /join#<inviteId>.<s>
 * (base64url). The fragment is never sent to the server by browsers (RFC 3986 section 3.5).
 *
 *   token     = HKDF-SHA256(ikm = s, no salt, info 'innermost/invite/token/v1', 32)
 *               The joiner sends it to prove they hold the link. The server stores only
 *               SHA-256(token), so a database thief cannot use an open invite.
 *   macKey    = HKDF-SHA256(ikm = s, no salt, info 'innermost/invite/mac/v1', 32)
 *   mac       = HMAC-SHA256(macKey, encodeContext('innermost/invite/mac-input/v1',
 *                 [inviteId, spaceId, userId, x25519 public key, ed25519 public key]))
 *               (RFC 2104). The joiner sends it with their public keys; a member's client that
 *               can read s verifies it before sealing the space key to those keys, so the
 *               server (which never sees s) cannot substitute keys of its own.
 *   sealed s  = envelope(spaceKey[epoch], s, encodeContext('innermost/invite/secret/v1',
 *                 [spaceId, inviteId, epoch])): any member's device can confirm a join.
 * Two different HKDF infos make the token (which the server sees) and the MAC key independent:
 * knowing the token gives no way to forge a MAC.
 */
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { fromB64, toB64 } from '../shared/base64.ts';
import { assertKeyLength, equalBytes, randomBytes, utf8 } from './bytes.ts';
import { decryptEnvelope, encryptEnvelope } from './aead.ts';
import { encodeContext, LABELS } from './context.ts';
import { CryptoError } from './errors.ts';

export const INVITE_SECRET_BYTES = 32;
/** HKDF info strings. Never change once released. */
export const INVITE_TOKEN_INFO = 'innermost/invite/token/v1';
export const INVITE_MAC_INFO = 'innermost/invite/mac/v1';
/** An invite id in a link: a UUID in practice; any id of these characters is accepted here. */
const INVITE_ID_RE = /^[A-Za-z0-9_-]{1,64}$/;

export type InviteMacInput = {
  secret: Uint8Array;
  inviteId: string;
  spaceId: string;
  userId: string;
  publicKeys: { x25519: Uint8Array; ed25519: Uint8Array };
};

export function generateInviteSecret(): Uint8Array {
  return randomBytes(INVITE_SECRET_BYTES);
}

export function deriveInviteToken(secret: Uint8Array): Uint8Array {
  assertKeyLength(secret, INVITE_SECRET_BYTES, 'invite secret');
  return hkdf(sha256, secret, undefined, utf8(INVITE_TOKEN_INFO), 32);
}

/** What the server stores and compares: SHA-256(token) (FIPS 180-4). */
export function inviteTokenHash(token: Uint8Array): Uint8Array {
  return sha256(token);
}

export function inviteMac({ secret, inviteId, spaceId, userId, publicKeys }: InviteMacInput): Uint8Array {
  assertKeyLength(secret, INVITE_SECRET_BYTES, 'invite secret');
  assertKeyLength(publicKeys.x25519, 32, 'x25519 public key');
  assertKeyLength(publicKeys.ed25519, 32, 'ed25519 public key');
  const macKey = hkdf(sha256, secret, undefined, utf8(INVITE_MAC_INFO), 32);
  const message = encodeContext(LABELS.inviteMac, [inviteId, spaceId, userId, publicKeys.x25519, publicKeys.ed25519]);
  const mac = hmac(sha256, macKey, message);
  macKey.fill(0);
  return mac;
}

/** Constant-time comparison; false (never a throw) for anything that does not match. */
export function verifyInviteMac(input: InviteMacInput & { mac: Uint8Array }): boolean {
  try {
    return equalBytes(inviteMac(input), input.mac);
  } catch {
    return false;
  }
}

function inviteSecretContext(spaceId: string, inviteId: string, epoch: number): Uint8Array {
  return encodeContext(LABELS.inviteSecret, [spaceId, inviteId, epoch]);
}

export function sealInviteSecret({
  spaceKey,
  spaceId,
  inviteId,
  epoch,
  secret,
}: {
  spaceKey: Uint8Array;
  spaceId: string;
  inviteId: string;
  epoch: number;
  secret: Uint8Array;
}): Uint8Array {
  assertKeyLength(secret, INVITE_SECRET_BYTES, 'invite secret');
  return encryptEnvelope(spaceKey, secret, inviteSecretContext(spaceId, inviteId, epoch));
}

export function openInviteSecret({
  spaceKey,
  spaceId,
  inviteId,
  epoch,
  sealed,
}: {
  spaceKey: Uint8Array;
  spaceId: string;
  inviteId: string;
  epoch: number;
  sealed: Uint8Array;
}): Uint8Array {
  const secret = decryptEnvelope(spaceKey, sealed, inviteSecretContext(spaceId, inviteId, epoch));
  if (secret.length !== INVITE_SECRET_BYTES) throw new CryptoError('decrypt-failed');
  return secret;
}

/** `<inviteId>.<base64url(secret)>`: the part of the join link after '#'. */
export function formatInviteFragment(inviteId: string, secret: Uint8Array): string {
  if (!INVITE_ID_RE.test(inviteId)) throw new CryptoError('invalid-input', 'bad invite id');
  assertKeyLength(secret, INVITE_SECRET_BYTES, 'invite secret');
  return `${inviteId}.${toB64(secret)}`;
}

/** Accepts the fragment with or without its leading '#'; throws 'invite-link-malformed'. */
export function parseInviteFragment(fragment: string): { inviteId: string; secret: Uint8Array } {
  if (typeof fragment !== 'string') throw new CryptoError('invite-link-malformed');
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  const parts = text.split('.');
  if (parts.length !== 2) throw new CryptoError('invite-link-malformed');
  const [inviteId, encoded] = parts as [string, string];
  if (!INVITE_ID_RE.test(inviteId)) throw new CryptoError('invite-link-malformed');
  let secret: Uint8Array;
  try {
    secret = fromB64(encoded);
  } catch {
    throw new CryptoError('invite-link-malformed');
  }
  if (secret.length !== INVITE_SECRET_BYTES) throw new CryptoError('invite-link-malformed');
  return { inviteId, secret };
}
