import { describe, expect, it } from 'vitest';
import { generateIdentity } from './identity.ts';
import { generateSpaceKey, openSpaceKey, sealSpaceKey, spaceKeyContext } from './space-keys.ts';
import { expectCryptoError, forEveryFlip, hex } from './test-utils.ts';

const spaceId = '0190a1b2-0000-7000-8000-000000000001';
const aliceId = '0190a1b2-0000-7000-8000-00000000000a';
const bobId = '0190a1b2-0000-7000-8000-00000000000b';

describe('space keys', () => {
  const alice = generateIdentity();
  const bob = generateIdentity();
  const spaceKey = generateSpaceKey();
  const sealForBob = (epoch = 3) =>
    sealSpaceKey({
      spaceKey,
      spaceId,
      epoch,
      recipientUserId: bobId,
      recipientPublicKey: bob.x25519.publicKey,
      senderUserId: aliceId,
      senderSigningKey: alice.ed25519.secretKey,
    });
  const base = {
    spaceId,
    epoch: 3,
    recipientUserId: bobId,
    recipientSecretKey: bob.x25519.secretKey,
    senderUserId: aliceId,
    senderVerifyKey: alice.ed25519.publicKey,
  };

  it('generates random 32-byte keys', () => {
    expect(spaceKey.length).toBe(32);
    expect(hex(generateSpaceKey())).not.toBe(hex(generateSpaceKey()));
  });

  it('seals to another member and opens', () => {
    expect(hex(openSpaceKey({ ...base, sealed: sealForBob() }))).toBe(hex(spaceKey));
  });

  it('a member sealing to themselves is the same call', () => {
    const sealed = sealSpaceKey({
      spaceKey,
      spaceId,
      epoch: 1,
      recipientUserId: aliceId,
      recipientPublicKey: alice.x25519.publicKey,
      senderUserId: aliceId,
      senderSigningKey: alice.ed25519.secretKey,
    });
    const opened = openSpaceKey({
      sealed,
      spaceId,
      epoch: 1,
      recipientUserId: aliceId,
      recipientSecretKey: alice.x25519.secretKey,
      senderUserId: aliceId,
      senderVerifyKey: alice.ed25519.publicKey,
    });
    expect(hex(opened)).toBe(hex(spaceKey));
  });

  it('is bound to space, epoch, recipient and sender', () => {
    const sealed = sealForBob();
    expectCryptoError(() => openSpaceKey({ ...base, sealed, spaceId: '0190a1b2-0000-7000-8000-000000000002' }), 'bad-signature');
    expectCryptoError(() => openSpaceKey({ ...base, sealed, epoch: 4 }), 'bad-signature');
    expectCryptoError(() => openSpaceKey({ ...base, sealed, recipientUserId: aliceId }), 'bad-signature');
    expectCryptoError(() => openSpaceKey({ ...base, sealed, senderUserId: bobId }), 'bad-signature');
    expectCryptoError(() => openSpaceKey({ ...base, sealed, senderVerifyKey: bob.ed25519.publicKey }), 'bad-signature');
    expectCryptoError(() => openSpaceKey({ ...base, sealed, recipientSecretKey: alice.x25519.secretKey }), 'bad-signature');
  });

  it('fails on every single-byte modification', () => {
    const sealed = sealForBob();
    forEveryFlip(sealed, (t, i) => {
      expectCryptoError(() => openSpaceKey({ ...base, sealed: t }), i === 0 ? 'unsupported-version' : 'bad-signature');
    });
  });

  it('context differs for every field', () => {
    const c = (s: string, e: number, r: string, f: string) => hex(spaceKeyContext(s, e, r, f));
    const all = [c(spaceId, 1, aliceId, bobId), c(spaceId, 2, aliceId, bobId), c(spaceId, 1, bobId, aliceId), c(bobId, 1, aliceId, spaceId)];
    expect(new Set(all).size).toBe(4);
  });

  it('refuses space keys of the wrong length', () => {
    expectCryptoError(
      () =>
        sealSpaceKey({
          spaceKey: new Uint8Array(16),
          spaceId,
          epoch: 1,
          recipientUserId: bobId,
          recipientPublicKey: bob.x25519.publicKey,
          senderUserId: aliceId,
          senderSigningKey: alice.ed25519.secretKey,
        }),
      'invalid-key',
    );
  });
});
