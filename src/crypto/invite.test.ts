import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { toB64 } from '../shared/base64.ts';
import { utf8 } from './bytes.ts';
import { encodeContext } from './context.ts';
import { generateIdentity } from './identity.ts';
import {
  deriveInviteToken,
  formatInviteFragment,
  generateInviteSecret,
  inviteMac,
  inviteTokenHash,
  openInviteSecret,
  parseInviteFragment,
  sealInviteSecret,
  verifyInviteMac,
} from './invite.ts';
import { generateSpaceKey } from './space-keys.ts';
import { expectCryptoError, flipped, forEveryFlip, hex } from './test-utils.ts';

const inviteId = '0190a1b2-0000-7000-8000-0000000000c1';
const spaceId = '0190a1b2-0000-7000-8000-000000000001';
const joinerId = '0190a1b2-0000-7000-8000-00000000000b';

describe('invite token', () => {
  it('is HKDF(secret, info "innermost/invite/token/v1"), and the server keeps SHA-256 of it', () => {
    const secret = generateInviteSecret();
    expect(secret.length).toBe(32);
    const token = deriveInviteToken(secret);
    expect(hex(token)).toBe(hex(hkdf(sha256, secret, undefined, utf8('innermost/invite/token/v1'), 32)));
    expect(hex(inviteTokenHash(token))).toBe(hex(sha256(token)));
    expect(hex(token)).not.toBe(hex(secret));
    expect(hex(deriveInviteToken(generateInviteSecret()))).not.toBe(hex(token));
  });

  it('refuses secrets of the wrong length', () => {
    expectCryptoError(() => deriveInviteToken(new Uint8Array(16)), 'invalid-key');
  });
});

describe('invite MAC', () => {
  const joiner = generateIdentity();
  const secret = generateInviteSecret();
  const publicKeys = { x25519: joiner.x25519.publicKey, ed25519: joiner.ed25519.publicKey };
  const input = { secret, inviteId, spaceId, userId: joinerId, publicKeys };

  it('is HMAC-SHA256 under an HKDF-derived key over the encoded join request', () => {
    const macKey = hkdf(sha256, secret, undefined, utf8('innermost/invite/mac/v1'), 32);
    const msg = encodeContext('innermost/invite/mac-input/v1', [inviteId, spaceId, joinerId, publicKeys.x25519, publicKeys.ed25519]);
    const mac = inviteMac(input);
    expect(mac.length).toBe(32);
    expect(hex(mac)).toBe(hex(hmac(sha256, macKey, msg)));
    // The MAC key is not the token: knowing the token (the server does) does not give the MAC.
    expect(hex(macKey)).not.toBe(hex(deriveInviteToken(secret)));
  });

  it('verifies, and fails for another secret, user, invite, space or key', () => {
    const mac = inviteMac(input);
    expect(verifyInviteMac({ ...input, mac })).toBe(true);
    const other = generateIdentity();
    expect(verifyInviteMac({ ...input, mac, secret: generateInviteSecret() })).toBe(false);
    expect(verifyInviteMac({ ...input, mac, userId: '0190a1b2-0000-7000-8000-00000000000c' })).toBe(false);
    expect(verifyInviteMac({ ...input, mac, inviteId: '0190a1b2-0000-7000-8000-0000000000c2' })).toBe(false);
    expect(verifyInviteMac({ ...input, mac, spaceId: '0190a1b2-0000-7000-8000-000000000002' })).toBe(false);
    expect(verifyInviteMac({ ...input, mac, publicKeys: { ...publicKeys, x25519: other.x25519.publicKey } })).toBe(false);
    expect(verifyInviteMac({ ...input, mac, publicKeys: { ...publicKeys, ed25519: other.ed25519.publicKey } })).toBe(false);
    // The key made by another secret does not verify a MAC made with the real one, and vice versa.
    const forged = inviteMac({ ...input, secret: generateInviteSecret() });
    expect(verifyInviteMac({ ...input, mac: forged })).toBe(false);
  });

  it('fails for any modified MAC byte, and for malformed input, without throwing', () => {
    const mac = inviteMac(input);
    forEveryFlip(mac, (t) => expect(verifyInviteMac({ ...input, mac: t })).toBe(false));
    expect(verifyInviteMac({ ...input, mac: mac.subarray(0, 31) })).toBe(false);
    expect(verifyInviteMac({ ...input, mac, publicKeys: { ...publicKeys, x25519: new Uint8Array(31) } })).toBe(false);
  });
});

describe('sealed invite secret', () => {
  const spaceKey = generateSpaceKey();
  const secret = generateInviteSecret();

  it('round-trips under the space key and is bound to space, invite and epoch', () => {
    const sealed = sealInviteSecret({ spaceKey, spaceId, inviteId, epoch: 2, secret });
    expect(sealed.length).toBe(32 + 41);
    expect(hex(openInviteSecret({ spaceKey, spaceId, inviteId, epoch: 2, sealed }))).toBe(hex(secret));
    expectCryptoError(() => openInviteSecret({ spaceKey, spaceId, inviteId, epoch: 3, sealed }), 'decrypt-failed');
    expectCryptoError(() => openInviteSecret({ spaceKey, spaceId: inviteId, inviteId, epoch: 2, sealed }), 'decrypt-failed');
    expectCryptoError(() => openInviteSecret({ spaceKey, spaceId, inviteId: spaceId, epoch: 2, sealed }), 'decrypt-failed');
    expectCryptoError(() => openInviteSecret({ spaceKey: generateSpaceKey(), spaceId, inviteId, epoch: 2, sealed }), 'decrypt-failed');
    forEveryFlip(sealed, (t, i) =>
      expectCryptoError(() => openInviteSecret({ spaceKey, spaceId, inviteId, epoch: 2, sealed: t }), i === 0 ? 'unsupported-version' : 'decrypt-failed'),
    );
  });
});

describe('invite link fragment', () => {
  const secret = generateInviteSecret();

  it('is "<inviteId>.<base64url secret>" and parses back, with or without "#"', () => {
    const fragment = formatInviteFragment(inviteId, secret);
    expect(fragment).toBe(`${inviteId}.${toB64(secret)}`);
    expect(fragment).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    for (const f of [fragment, `#${fragment}`]) {
      const parsed = parseInviteFragment(f);
      expect(parsed.inviteId).toBe(inviteId);
      expect(hex(parsed.secret)).toBe(hex(secret));
    }
  });

  it.each([
    ['empty', ''],
    ['only a hash', '#'],
    ['no dot', inviteId],
    ['two dots', `${inviteId}.abc.def`],
    ['empty id', `.${'A'.repeat(43)}`],
    ['bad id characters', `a/b.${'A'.repeat(43)}`],
    ['short secret', `${inviteId}.${'A'.repeat(42)}`],
    ['long secret', `${inviteId}.${'A'.repeat(44)}`],
    ['standard base64 characters', `${inviteId}.${'+'.repeat(43)}`],
    ['non-canonical trailing bits', `${inviteId}.${'A'.repeat(42)}B`],
    ['double hash', `##${inviteId}.${'A'.repeat(43)}`],
  ])('rejects %s', (_name, fragment) => {
    expectCryptoError(() => parseInviteFragment(fragment), 'invite-link-malformed');
  });

  it('refuses to format a bad id or secret', () => {
    expectCryptoError(() => formatInviteFragment('a.b', secret), 'invalid-input');
    expectCryptoError(() => formatInviteFragment(inviteId, flipped(secret, 0, 1).subarray(0, 31)), 'invalid-key');
  });
});
