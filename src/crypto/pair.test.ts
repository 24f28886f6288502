import { describe, expect, it } from 'vitest';
import { utf8, fromUtf8 } from './bytes.ts';
import { generateIdentity } from './identity.ts';
import { openPairNote, sealPairNote, touchPairKey, type PairNoteBinding } from './pair.ts';
import { generateSpaceKey } from './space-keys.ts';
import { decryptEnvelope } from './aead.ts';
import { expectCryptoError, hex } from './test-utils.ts';

const A = '0190a1b2-0000-7000-8000-00000000000a';
const B = '0190a1b2-0000-7000-8000-00000000000b';
const C = '0190a1b2-0000-7000-8000-00000000000c';
const SPACE = '0190a1b2-0000-7000-8000-000000000001';

describe('sealed to a pair (touch program)', () => {
  const [alice, bob, carol] = [generateIdentity(), generateIdentity(), generateIdentity()];
  const key = (myId: string, me: typeof alice, partnerId: string, partner: typeof alice, spaceId = SPACE) =>
    touchPairKey({ spaceId, myId, partnerId, myX25519Secret: me.x25519.secretKey, partnerX25519Public: partner.x25519.publicKey });
  const binding: PairNoteBinding = { spaceId: SPACE, kind: 'touch-program-check-in', authorId: A, partnerId: B };
  const note = utf8(JSON.stringify({ session: 'just-being-close', safe: 8, close: 7, change: 'a warmer room' }));

  it('both compute the same key, bound to the place; the partner opens what the author sealed', () => {
    expect(hex(key(A, alice, B, bob))).toBe(hex(key(B, bob, A, alice)));
    expect(hex(key(A, alice, B, bob, C))).not.toBe(hex(key(A, alice, B, bob)));
    const sealed = sealPairNote(key(A, alice, B, bob), binding, note);
    expect(fromUtf8(openPairNote(key(B, bob, A, alice), binding, sealed))).toBe(fromUtf8(note));
  });

  it('pads to 256-byte buckets: a short and a longer note look the same size', () => {
    const k = key(A, alice, B, bob);
    expect(sealPairNote(k, binding, utf8('{}')).length).toBe(sealPairNote(k, binding, note).length);
  });

  it('a third member of the place opens nothing: not with their pair keys, not with the space key', () => {
    const sealed = sealPairNote(key(A, alice, B, bob), binding, note);
    for (const k of [key(C, carol, A, alice), key(C, carol, B, bob), generateSpaceKey()]) {
      expectCryptoError(() => openPairNote(k, binding, sealed), 'decrypt-failed');
      expectCryptoError(() => decryptEnvelope(k, sealed, new Uint8Array()), 'decrypt-failed');
    }
  });

  it('refuses a note moved to another kind, author, partner or place, or changed in any byte', () => {
    const k = key(A, alice, B, bob);
    const sealed = sealPairNote(k, binding, note);
    for (const moved of [{ kind: 'touch-program' }, { authorId: B, partnerId: A }, { partnerId: C }, { spaceId: C }]) {
      expectCryptoError(() => openPairNote(k, { ...binding, ...moved }, sealed), 'decrypt-failed');
    }
    const bent = sealed.slice();
    bent[40]! ^= 1;
    expectCryptoError(() => openPairNote(k, binding, bent), 'decrypt-failed');
  });

  it('refuses a pair of one person', () => {
    expectCryptoError(() => key(A, alice, A, alice), 'invalid-input');
  });
});
