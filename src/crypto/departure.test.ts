import { describe, expect, it } from 'vitest';
import { concatBytes, u32be } from './bytes.ts';
import { encodeContext } from './context.ts';
import { departureHolds, erasedUpTo, openDeparture, signDeparture } from './departure.ts';
import { generateIdentity } from './identity.ts';
import { entryHash, signMembershipEntry, verifyMembershipLog, type MemberKeys, type MembershipEntry } from './membership.ts';
import { sign } from './sign.ts';
import { expectCryptoError, forEveryFlip } from './test-utils.ts';

const spaceId = '0190a1b2-0000-7000-8000-000000000001';
const alice = { id: '0190a1b2-0000-7000-8000-00000000000a', keys: generateIdentity() };
const bob = { id: '0190a1b2-0000-7000-8000-00000000000b', keys: generateIdentity() };
const member = (p: typeof alice): MemberKeys => ({ userId: p.id, x25519: p.keys.x25519.publicKey, ed25519: p.keys.ed25519.publicKey });

/** create (alice) -> join bob -> leave bob -> join bob again. */
function history() {
  const entries: Uint8Array[] = [];
  const add = (action: MembershipEntry['action'], members: MemberKeys[]) => {
    const prev = entries.at(-1);
    entries.push(
      signMembershipEntry(
        { spaceId, epoch: entries.length + 1, action, by: alice.id, members, prevHash: prev ? entryHash(prev) : new Uint8Array(32), at: 0 },
        alice.keys.ed25519.secretKey,
      ),
    );
  };
  add('create', [member(alice)]);
  add('join', [member(alice), member(bob)]);
  add('leave', [member(alice)]);
  add('join', [member(alice), member(bob)]);
  return { entries, verified: verifyMembershipLog(spaceId, entries) };
}

describe('departures', () => {
  const { entries, verified } = history();
  const head = verified.head;

  it('sign and open, verified by the leaver key', () => {
    const bytes = signDeparture({ spaceId, userId: bob.id, head, erase: false }, bob.keys.ed25519.secretKey);
    expect(bytes[0]).toBe(0x01);
    expect(openDeparture(bytes, bob.keys.ed25519.publicKey)).toEqual({ spaceId, userId: bob.id, head, erase: false });
    const erasing = signDeparture({ spaceId, userId: bob.id, head, erase: true }, bob.keys.ed25519.secretKey);
    expect(openDeparture(erasing, bob.keys.ed25519.publicKey).erase).toBe(true);
  });

  it('refuses a statement signed by someone else (a member cannot leave on behalf of another)', () => {
    const forged = signDeparture({ spaceId, userId: bob.id, head, erase: false }, alice.keys.ed25519.secretKey);
    expectCryptoError(() => openDeparture(forged, bob.keys.ed25519.publicKey), 'membership-invalid');
  });

  it('refuses every one-byte change', () => {
    const bytes = signDeparture({ spaceId, userId: bob.id, head, erase: false }, bob.keys.ed25519.secretKey);
    const checked = forEveryFlip(bytes, (tampered, index) => {
      expectCryptoError(() => openDeparture(tampered, bob.keys.ed25519.publicKey), index === 0 ? 'unsupported-version' : 'membership-invalid');
    });
    expect(checked).toBeGreaterThan(0);
  });

  it('refuses junk, truncation, a wrong label and a short head', () => {
    const pk = bob.keys.ed25519.publicKey;
    expectCryptoError(() => openDeparture(new Uint8Array(0), pk), 'membership-invalid');
    expectCryptoError(() => openDeparture(new Uint8Array(80).fill(1), pk), 'membership-invalid');
    const good = signDeparture({ spaceId, userId: bob.id, head, erase: false }, bob.keys.ed25519.secretKey);
    expectCryptoError(() => openDeparture(good.subarray(0, good.length - 1), pk), 'membership-invalid');
    expectCryptoError(() => signDeparture({ spaceId, userId: bob.id, head: new Uint8Array(31), erase: false }, bob.keys.ed25519.secretKey), 'membership-invalid');
    const encoding = encodeContext('innermost/membership/v1', [spaceId, bob.id, head, 0]);
    const signed = concatBytes(Uint8Array.of(1), u32be(encoding.length), encoding);
    expectCryptoError(() => openDeparture(concatBytes(signed, sign(bob.keys.ed25519.secretKey, signed)), pk), 'membership-invalid');
  });

  it('holds only for the stay it was made in (no replay after leaving and rejoining)', () => {
    const now = { spaceId, userId: bob.id, head, erase: false };
    expect(departureHolds(now, verified.history)).toBe(true);
    // Made while bob was in for the first time (head = the first join): bob left since, so it
    // says nothing about bob's second stay.
    const earlier = { spaceId, userId: bob.id, head: entryHash(entries[1]!), erase: false };
    expect(departureHolds(earlier, verified.history)).toBe(false);
    expect(departureHolds({ spaceId, userId: bob.id, head: new Uint8Array(32), erase: false }, verified.history)).toBe(false);
    expect(departureHolds({ spaceId, userId: alice.id, head: entryHash(entries[0]!), erase: false }, verified.history)).toBe(true);
  });

  it('an erasing departure takes back what was written until the member was out, not after a rejoin', () => {
    // Left after the first join (epoch 2), out from epoch 3, back at epoch 4.
    expect(erasedUpTo({ spaceId, userId: bob.id, head: entryHash(entries[1]!), erase: true }, verified.history)).toBe(3);
    // Leaving now: nothing signed after the head yet, so every epoch so far.
    expect(erasedUpTo({ spaceId, userId: bob.id, head, erase: true }, verified.history)).toBe(Number.MAX_SAFE_INTEGER);
    expect(erasedUpTo({ spaceId, userId: bob.id, head: new Uint8Array(32), erase: true }, verified.history)).toBeNull();
  });
});
