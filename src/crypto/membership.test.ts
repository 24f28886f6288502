import { describe, expect, it } from 'vitest';
import { concatBytes, u32be } from './bytes.ts';
import { encodeContext } from './context.ts';
import { generateIdentity, type Identity } from './identity.ts';
import {
  entryHash,
  openMembershipEntry,
  signMembershipEntry,
  verifyMembershipLog,
  verifyMembershipStep,
  type MemberKeys,
  type MembershipEntry,
} from './membership.ts';
import { sign } from './sign.ts';
import { expectCryptoError, forEveryFlip, hex, ZERO32 } from './test-utils.ts';

const spaceId = '0190a1b2-0000-7000-8000-000000000001';
const ids = {
  alice: '0190a1b2-0000-7000-8000-00000000000a',
  bob: '0190a1b2-0000-7000-8000-00000000000b',
  carol: '0190a1b2-0000-7000-8000-00000000000c',
  mallory: '0190a1b2-0000-7000-8000-00000000000f',
};
type Name = keyof typeof ids;
const people: Record<Name, Identity> = {
  alice: generateIdentity(),
  bob: generateIdentity(),
  carol: generateIdentity(),
  mallory: generateIdentity(),
};
const keys = (name: Name): MemberKeys => ({
  userId: ids[name],
  x25519: people[name].x25519.publicKey,
  ed25519: people[name].ed25519.publicKey,
});

/** Builds a log entry by entry; `signer` defaults to `by`. */
function chain() {
  const entries: Uint8Array[] = [];
  const api = {
    entries,
    add(
      action: MembershipEntry['action'],
      by: Name,
      members: Array<Name | MemberKeys>,
      overrides: Partial<MembershipEntry> = {},
      signer: Name = by,
    ) {
      const prev = entries.at(-1);
      const entry: MembershipEntry = {
        spaceId,
        epoch: entries.length + 1,
        action,
        by: ids[by],
        members: members.map((m) => (typeof m === 'string' ? keys(m) : m)),
        prevHash: prev ? entryHash(prev) : new Uint8Array(32),
        at: 1_700_000_000_000 + entries.length,
        ...overrides,
      };
      entries.push(signMembershipEntry(entry, people[signer].ed25519.secretKey));
      return api;
    },
  };
  return api;
}

const validLog = () =>
  chain()
    .add('create', 'alice', ['alice'])
    .add('join', 'alice', ['alice', 'bob'])
    .add('join', 'bob', ['carol', 'alice', 'bob'])
    .add('leave', 'alice', ['alice', 'bob'])
    .add('rotate', 'bob', ['bob', 'alice']);

describe('membership entries', () => {
  it('sign and parse back, with members in canonical order', () => {
    const entry: MembershipEntry = {
      spaceId,
      epoch: 1,
      action: 'create',
      by: ids.bob,
      members: [keys('bob'), keys('alice')],
      prevHash: new Uint8Array(32),
      at: 1_700_000_000_000,
    };
    const bytes = signMembershipEntry(entry, people.bob.ed25519.secretKey);
    expect(bytes[0]).toBe(0x01);
    const opened = openMembershipEntry(bytes);
    expect(opened.entry).toEqual({ ...entry, members: [keys('alice'), keys('bob')] });
    expect(opened.signature.length).toBe(64);
    expect(hex(concatBytes(opened.signed, opened.signature))).toBe(hex(bytes));
    // Layout: [0x01][u32 n][n bytes][64]
    const n = bytes.length - 5 - 64;
    expect(hex(bytes.subarray(1, 5))).toBe(hex(u32be(n)));
    // Member order does not change the bytes signed.
    const again = openMembershipEntry(signMembershipEntry({ ...entry, members: [keys('alice'), keys('bob')] }, people.bob.ed25519.secretKey));
    expect(hex(again.signed)).toBe(hex(opened.signed));
    expect(hex(entryHash(bytes))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses to sign or parse malformed entries', () => {
    const base: MembershipEntry = { spaceId, epoch: 1, action: 'create', by: ids.alice, members: [keys('alice')], prevHash: ZERO32, at: 0 };
    const sk = people.alice.ed25519.secretKey;
    expectCryptoError(() => signMembershipEntry({ ...base, epoch: 0 }, sk), 'membership-invalid');
    expectCryptoError(() => signMembershipEntry({ ...base, action: 'kick' as 'join' }, sk), 'membership-invalid');
    expectCryptoError(() => signMembershipEntry({ ...base, prevHash: new Uint8Array(31) }, sk), 'membership-invalid');
    expectCryptoError(() => signMembershipEntry({ ...base, members: [keys('alice'), keys('alice')] }, sk), 'membership-invalid');
    expectCryptoError(() => signMembershipEntry({ ...base, members: [{ ...keys('alice'), x25519: new Uint8Array(1) }] }, sk), 'membership-invalid');
    expectCryptoError(() => openMembershipEntry(new Uint8Array(0)), 'membership-invalid');
    expectCryptoError(() => openMembershipEntry(new Uint8Array(69)), 'unsupported-version');
    const good = signMembershipEntry(base, sk);
    expectCryptoError(() => openMembershipEntry(good.subarray(0, good.length - 1)), 'membership-invalid');
    expectCryptoError(() => openMembershipEntry(concatBytes(good, Uint8Array.of(0))), 'membership-invalid');
  });

  it('rejects a non-canonical encoding even when validly signed (unsorted members)', () => {
    const [a, b] = [keys('alice'), keys('bob')];
    const encoding = encodeContext('innermost/membership/v1', [spaceId, 1, 'create', ids.alice, ZERO32, 0, 2, b.userId, b.x25519, b.ed25519, a.userId, a.x25519, a.ed25519]);
    const signed = concatBytes(Uint8Array.of(1), u32be(encoding.length), encoding);
    const bytes = concatBytes(signed, sign(people.alice.ed25519.secretKey, signed));
    expectCryptoError(() => openMembershipEntry(bytes), 'membership-invalid');
    expectCryptoError(() => verifyMembershipLog(spaceId, [bytes]), 'membership-invalid');
  });
});

describe('verifyMembershipLog', () => {
  it('tells which member introduced each epoch, and the head', () => {
    const log = validLog().entries;
    const { history, head } = verifyMembershipLog(spaceId, log);
    expect(history.map((e) => [e.epoch, e.action, e.by])).toEqual([
      [1, 'create', ids.alice],
      [2, 'join', ids.alice],
      [3, 'join', ids.bob],
      [4, 'leave', ids.alice],
      [5, 'rotate', ids.bob],
    ]);
    expect(history.map((e) => hex(e.hash))).toEqual(log.map((b) => hex(entryHash(b))));
    expect(hex(head)).toBe(hex(entryHash(log.at(-1)!)));
  });

  it('verifies one step at a time the way the server does before storing an entry', () => {
    const log = validLog().entries;
    let prev: { entry: MembershipEntry; bytes: Uint8Array } | undefined;
    for (const bytes of log) {
      expect(verifyMembershipStep(spaceId, prev, bytes).hash).toEqual(entryHash(bytes));
      prev = { entry: openMembershipEntry(bytes).entry, bytes };
    }
    const first = { entry: openMembershipEntry(log[0]!).entry, bytes: log[0]! };
    expectCryptoError(() => verifyMembershipStep(spaceId, first, log[2]!), 'membership-invalid');
    expectCryptoError(() => verifyMembershipStep(spaceId, undefined, log[1]!), 'membership-invalid');
    expectCryptoError(() => verifyMembershipStep(spaceId, first, new Uint8Array(200).fill(1)), 'membership-invalid');
  });

  it('accepts a valid chain: create, join, join, leave, rotate', () => {
    const log = validLog().entries;
    const state = verifyMembershipLog(spaceId, log);
    expect(state.epoch).toBe(5);
    expect(state.members.map((m) => m.userId)).toEqual([ids.alice, ids.bob]);
    expect(hex(state.members[0]!.ed25519)).toBe(hex(people.alice.ed25519.publicKey));
    // Every prefix of a valid log is valid too.
    for (let n = 1; n <= log.length; n++) expect(verifyMembershipLog(spaceId, log.slice(0, n)).epoch).toBe(n);
  });

  it('accepts a leave signed by the leaver and a last member leaving', () => {
    const log = chain().add('create', 'alice', ['alice']).add('join', 'alice', ['alice', 'bob']).add('leave', 'bob', ['alice']).add('leave', 'alice', []);
    const state = verifyMembershipLog(spaceId, log.entries);
    expect(state).toMatchObject({ epoch: 4, members: [] });
  });

  it('rejects an empty log and a log of another space', () => {
    expectCryptoError(() => verifyMembershipLog(spaceId, []), 'membership-invalid');
    expectCryptoError(() => verifyMembershipLog('0190a1b2-0000-7000-8000-000000000002', validLog().entries), 'membership-invalid');
    const mixed = chain().add('create', 'alice', ['alice']).add('join', 'alice', ['alice', 'bob'], { spaceId: 'other' });
    expectCryptoError(() => verifyMembershipLog(spaceId, mixed.entries), 'membership-invalid');
  });

  it('rejects a bad first entry', () => {
    const bad = [
      chain().add('join', 'alice', ['alice']),
      chain().add('create', 'alice', ['alice'], { epoch: 2 }),
      chain().add('create', 'alice', ['alice'], { prevHash: new Uint8Array(32).fill(1) }),
      chain().add('create', 'alice', ['bob']), // creator not a member
      chain().add('create', 'alice', ['alice'], {}, 'mallory'), // forged signature
    ];
    for (const log of bad) expectCryptoError(() => verifyMembershipLog(spaceId, log.entries), 'membership-invalid');
  });

  it('rejects a forged signature (entry claims to be by a member, signed by someone else)', () => {
    const log = chain().add('create', 'alice', ['alice']).add('join', 'alice', ['alice', 'mallory'], {}, 'mallory');
    expectCryptoError(() => verifyMembershipLog(spaceId, log.entries), 'membership-invalid');
  });

  it('rejects an entry by a non-member (the server or an outsider adding themselves)', () => {
    const log = chain().add('create', 'alice', ['alice']).add('join', 'mallory', ['alice', 'mallory']);
    expectCryptoError(() => verifyMembershipLog(spaceId, log.entries), 'membership-invalid');
    // `by` must be a member of the PREVIOUS state, not merely of the new one.
    const selfJoin = chain().add('create', 'alice', ['alice']).add('join', 'bob', ['alice', 'bob']);
    expectCryptoError(() => verifyMembershipLog(spaceId, selfJoin.entries), 'membership-invalid');
    // A member who has left can no longer sign.
    const afterLeave = chain().add('create', 'alice', ['alice']).add('join', 'alice', ['alice', 'bob']).add('leave', 'alice', ['alice']).add('join', 'bob', ['alice', 'bob']);
    expectCryptoError(() => verifyMembershipLog(spaceId, afterLeave.entries), 'membership-invalid');
  });

  it('rejects a broken prevHash, a dropped entry and reordered entries', () => {
    const broken = chain().add('create', 'alice', ['alice']).add('join', 'alice', ['alice', 'bob'], { prevHash: new Uint8Array(32).fill(7) });
    expectCryptoError(() => verifyMembershipLog(spaceId, broken.entries), 'membership-invalid');
    const log = validLog().entries;
    expectCryptoError(() => verifyMembershipLog(spaceId, [log[0]!, log[2]!, log[3]!]), 'membership-invalid');
    expectCryptoError(() => verifyMembershipLog(spaceId, [log[0]!, log[2]!, log[1]!]), 'membership-invalid');
    expectCryptoError(() => verifyMembershipLog(spaceId, [log[0]!, log[1]!, log[1]!]), 'membership-invalid');
  });

  it('rejects a skipped or repeated epoch', () => {
    const skipped = chain().add('create', 'alice', ['alice']).add('join', 'alice', ['alice', 'bob'], { epoch: 3 });
    expectCryptoError(() => verifyMembershipLog(spaceId, skipped.entries), 'membership-invalid');
    const repeated = chain().add('create', 'alice', ['alice']).add('join', 'alice', ['alice', 'bob'], { epoch: 1 });
    expectCryptoError(() => verifyMembershipLog(spaceId, repeated.entries), 'membership-invalid');
  });

  it('rejects an added member in a leave, a removed member in a join, and any change in a rotate', () => {
    const base = () => chain().add('create', 'alice', ['alice']).add('join', 'alice', ['alice', 'bob']);
    const cases = [
      base().add('leave', 'alice', ['alice', 'mallory']), // swap bob for mallory
      base().add('leave', 'alice', ['alice', 'bob', 'mallory']), // add in a leave
      base().add('leave', 'alice', ['alice', 'bob']), // nobody left
      base().add('join', 'alice', ['alice', 'mallory']), // join that drops bob
      base().add('join', 'alice', ['alice', 'bob']), // join with nobody new
      base().add('rotate', 'alice', ['alice', 'bob', 'mallory']),
      base().add('rotate', 'alice', ['alice']),
      base().add('create', 'alice', ['alice', 'bob']), // a second create
    ];
    for (const log of cases) expectCryptoError(() => verifyMembershipLog(spaceId, log.entries), 'membership-invalid');
  });

  it('rejects a changed key of a staying member', () => {
    const other = generateIdentity();
    const bobNewX = { ...keys('bob'), x25519: other.x25519.publicKey };
    const bobNewEd = { ...keys('bob'), ed25519: other.ed25519.publicKey };
    const base = () => chain().add('create', 'alice', ['alice']).add('join', 'alice', ['alice', 'bob']);
    for (const log of [
      base().add('rotate', 'alice', ['alice', bobNewX]),
      base().add('rotate', 'alice', ['alice', bobNewEd]),
      base().add('join', 'alice', ['alice', bobNewX, 'carol']),
      base().add('leave', 'bob', [{ ...keys('alice'), x25519: other.x25519.publicKey }]),
    ]) {
      expectCryptoError(() => verifyMembershipLog(spaceId, log.entries), 'membership-invalid');
    }
  });

  it('rejects the log if any single byte of any entry is modified', () => {
    // A short log keeps this fast: every variant re-verifies the chain up to the tampered entry.
    const log = chain().add('create', 'alice', ['alice']).add('join', 'alice', ['alice', 'bob']).entries;
    expect(verifyMembershipLog(spaceId, log).epoch).toBe(2);
    let checked = 0;
    for (const index of [0, 1]) {
      checked += forEveryFlip(log[index]!, (t, i) => {
        const tampered = log.slice();
        tampered[index] = t;
        expectCryptoError(() => verifyMembershipLog(spaceId, tampered), i === 0 ? 'unsupported-version' : 'membership-invalid');
      });
    }
    expect(checked).toBe(2 * (log[0]!.length + log[1]!.length));
  });
});
