import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateIdentity, type Identity } from './identity.ts';
import {
  decodePsiPoints,
  openPsiMessage,
  psiCiphertextBytes,
  psiElement,
  psiPairKey,
  psiPhase1,
  psiPhase2,
  psiPlan,
  psiBlind,
  psiRaise,
  psiCheckShape,
  psiSignedMessage,
  psiResult,
  psiScalarFromBytes,
  psiScalarToBytes,
  randomPsiScalar,
  sealPsiMessage,
  type PsiAnswer,
  type PsiOutcome,
  type PsiPhase,
  type PsiRun,
} from './psi.ts';
import { generateSpaceKey } from './space-keys.ts';
import { decryptEnvelope } from './aead.ts';
import { sign } from './sign.ts';
import { expectCryptoError, hex } from './test-utils.ts';

const A = '0190a1b2-0000-7000-8000-00000000000a';
const B = '0190a1b2-0000-7000-8000-00000000000b';
const C = '0190a1b2-0000-7000-8000-00000000000c';
const run: PsiRun = { spaceId: '0190a1b2-0000-7000-8000-000000000001', runId: '0190a1b2-0000-7000-8000-0000000000e1', userIds: [A, B] };
const ITEMS = Array.from({ length: 12 }, (_, i) => `item-${i}`);
const SLOTS = ITEMS.length * 2;

type Answers = Record<string, PsiAnswer>;

/** Runs both sides of the protocol in memory; returns what each learns. */
function match(a: Answers, b: Answers, slots = SLOTS, r: PsiRun = run) {
  const sa = psiPhase1(r, a, slots);
  const sb = psiPhase1(r, b, slots);
  const a2 = psiPhase2(sa.secret, sb.message);
  const b2 = psiPhase2(sb.secret, sa.message);
  return { a: psiResult(sa.secret, b2, a2), b: psiResult(sb.secret, a2, b2), phase1: [sa.message, sb.message], phase2: [a2, b2] };
}

/** The plain AND, per tier: what the protocol must give both sides. */
function plainAnd(a: Answers, b: Answers): Record<string, PsiOutcome> {
  const out: Record<string, PsiOutcome> = {};
  for (const [item, x] of Object.entries(a)) {
    const y = b[item];
    if (y === undefined) continue;
    out[item] = x === 'yes' && y === 'yes' ? 'both-yes' : 'open';
  }
  return out;
}

const answersArb = fc.dictionary(fc.constantFrom(...ITEMS), fc.constantFrom<PsiAnswer>('yes', 'maybe'), { maxKeys: ITEMS.length });

describe('comfort match: private set intersection', () => {
  it('gives both sides exactly the plain AND, per tier, on random answers', () => {
    fc.assert(
      fc.property(answersArb, answersArb, (a, b) => {
        const result = match(a, b);
        const expected = plainAnd(a, b);
        expect(result.a).toEqual(expected);
        expect(result.b).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });

  it('tells "both yes" from "open to it" and says nothing of the rest', () => {
    const result = match({ 'item-0': 'yes', 'item-1': 'yes', 'item-2': 'maybe', 'item-3': 'yes' }, { 'item-0': 'yes', 'item-1': 'maybe', 'item-2': 'maybe', 'item-4': 'yes' });
    expect(result.a).toEqual({ 'item-0': 'both-yes', 'item-1': 'open', 'item-2': 'open' });
    expect(result.b).toEqual(result.a);
  });

  it('pads every message to the same number of points, whatever was marked', () => {
    const none = match({}, {});
    const all = match(Object.fromEntries(ITEMS.map((i) => [i, 'yes'])), { 'item-0': 'maybe' });
    for (const m of [...none.phase1, ...none.phase2, ...all.phase1, ...all.phase2]) expect(m.length).toBe(SLOTS * 32);
    expect(none.a).toEqual({});
    // Padding is random points: every slot of phase 1 is a distinct, valid group element.
    expect(decodePsiPoints(none.phase1[0]!, SLOTS)).toHaveLength(SLOTS);
  });

  it('refuses a set larger than the slots', () => {
    expectCryptoError(() => psiPhase1(run, Object.fromEntries(ITEMS.map((i) => [i, 'yes'])), SLOTS - 1), 'invalid-input');
  });

  it('binds elements to the run, the place and the pair (order of the pair does not matter)', () => {
    const base = hex(psiElement(run, 'item-0', 'open').toBytes());
    expect(hex(psiElement({ ...run, userIds: [B, A] }, 'item-0', 'open').toBytes())).toBe(base);
    expect(hex(psiElement({ ...run, runId: run.spaceId }, 'item-0', 'open').toBytes())).not.toBe(base);
    expect(hex(psiElement({ ...run, spaceId: run.runId }, 'item-0', 'open').toBytes())).not.toBe(base);
    expect(hex(psiElement({ ...run, userIds: [A, C] }, 'item-0', 'open').toBytes())).not.toBe(base);
    expect(hex(psiElement(run, 'item-0', 'yes').toBytes())).not.toBe(base);
  });

  it('finds nothing when the two sides hash for different runs', () => {
    const a = { 'item-0': 'yes' as const };
    const sa = psiPhase1(run, a, SLOTS);
    const sb = psiPhase1({ ...run, runId: '0190a1b2-0000-7000-8000-0000000000e2' }, a, SLOTS);
    const a2 = psiPhase2(sa.secret, sb.message);
    const b2 = psiPhase2(sb.secret, sa.message);
    expect(psiResult(sa.secret, b2, a2)).toEqual({});
  });

  it('uses a fresh scalar every run, so the same answers never give the same message', () => {
    const a = { 'item-0': 'yes' as const };
    const one = psiPhase1(run, a, SLOTS);
    const two = psiPhase1(run, a, SLOTS);
    expect(one.secret.scalar).not.toBe(two.secret.scalar);
    const set = (m: Uint8Array) => new Set(Array.from({ length: SLOTS }, (_, i) => hex(m.subarray(i * 32, i * 32 + 32))));
    const overlap = [...set(one.message)].filter((p) => set(two.message).has(p));
    expect(overlap).toEqual([]);
  });

  it('refuses malformed points: wrong count, the identity, a non-canonical encoding, a repeat', () => {
    const { message } = psiPhase1(run, {}, SLOTS);
    expectCryptoError(() => decodePsiPoints(message.subarray(32), SLOTS), 'invalid-input');
    const identity = message.slice();
    identity.fill(0, 0, 32);
    expectCryptoError(() => decodePsiPoints(identity, SLOTS), 'invalid-input');
    const bad = message.slice();
    bad.fill(0xff, 0, 32);
    expectCryptoError(() => decodePsiPoints(bad, SLOTS), 'invalid-input');
    const repeat = message.slice();
    repeat.set(message.subarray(0, 32), 32);
    expectCryptoError(() => decodePsiPoints(repeat, SLOTS), 'invalid-input');
  });

  it('the steps work on any cut of the slots: blinding or raising ranges apart gives the same message', () => {
    const a: Answers = { 'item-1': 'yes', 'item-4': 'maybe', 'item-7': 'yes' };
    const labels = psiPlan(a, SLOTS);
    expect(labels.filter((l) => l === null)).toHaveLength(SLOTS - 5);
    const scalar = randomPsiScalar();
    const whole = psiBlind(run, labels, scalar);
    // Padding points are random: compare the element slots only.
    const parts = [psiBlind(run, labels.slice(0, 7), scalar), psiBlind(run, labels.slice(7), scalar)];
    const joined = new Uint8Array([...parts[0]!, ...parts[1]!]);
    labels.forEach((label, i) => {
      if (label !== null) expect(hex(joined.subarray(i * 32, i * 32 + 32))).toBe(hex(whole.subarray(i * 32, i * 32 + 32)));
    });
    const other = randomPsiScalar();
    const raised = psiRaise(whole, other);
    expect(hex(new Uint8Array([...psiRaise(whole.subarray(0, 64), other), ...psiRaise(whole.subarray(64), other)]))).toBe(hex(raised));
    psiCheckShape(whole, SLOTS);
  });

  it('a phase 2 slot that is no point matches nothing (compared as bytes, never decoded)', () => {
    const a: Answers = { 'item-1': 'yes', 'item-2': 'maybe' };
    const sa = psiPhase1(run, a, SLOTS);
    const sb = psiPhase1(run, a, SLOTS);
    const a2 = psiPhase2(sa.secret, sb.message);
    const b2 = psiPhase2(sb.secret, sa.message);
    expect(psiResult(sa.secret, b2, a2)).toEqual({ 'item-1': 'both-yes', 'item-2': 'open' });
    const bent = b2.slice();
    sa.secret.labels.forEach((label, i) => {
      // Distinct byte strings that are no canonical encoding (above the field's prime).
      if (label !== null) {
        bent.fill(0xff, i * 32, i * 32 + 32);
        bent[i * 32] = i;
      }
    });
    expect(psiResult(sa.secret, bent, a2)).toEqual({});
  });

  it('keeps a scalar through its bytes and refuses zero or out-of-range ones', () => {
    const s = randomPsiScalar();
    expect(psiScalarFromBytes(psiScalarToBytes(s))).toBe(s);
    expectCryptoError(() => psiScalarFromBytes(new Uint8Array(32)), 'invalid-key');
    expectCryptoError(() => psiScalarFromBytes(new Uint8Array(32).fill(0xff)), 'invalid-key');
  });
});

describe('comfort match: messages sealed to the pair and signed', () => {
  const alice = generateIdentity();
  const bob = generateIdentity();
  const carol = generateIdentity();
  const keyOf = (myId: string, me: Identity, partner: Identity, r: PsiRun = run) =>
    psiPairKey({ ...r, myId, myX25519Secret: me.x25519.secretKey, partnerX25519Public: partner.x25519.publicKey });
  const binding = (phase: PsiPhase = 1) => ({ spaceId: run.spaceId, runId: run.runId, senderId: A, recipientId: B, phase, slots: SLOTS });
  const points = psiPhase1(run, { 'item-1': 'yes' }, SLOTS).message;
  const sealed = sealPsiMessage({ ...binding(), pairKey: keyOf(A, alice, bob), signingKey: alice.ed25519.secretKey, points });

  it('both sides compute the same pair key; it depends on the run', () => {
    expect(hex(keyOf(A, alice, bob))).toBe(hex(keyOf(B, bob, alice)));
    expect(hex(keyOf(A, alice, bob, { ...run, runId: run.spaceId }))).not.toBe(hex(keyOf(A, alice, bob)));
  });

  it('the partner opens what was sent, at a fixed size', () => {
    expect(sealed.ciphertext.length).toBe(psiCiphertextBytes(SLOTS));
    const opened = openPsiMessage({ ...binding(), ...sealed, pairKey: keyOf(B, bob, alice), verifyKey: alice.ed25519.publicKey });
    expect(hex(opened)).toBe(hex(points));
  });

  it('a third member of the place learns nothing: neither their own pair keys nor the space key open it', () => {
    const spaceKey = generateSpaceKey();
    const attempts = [keyOf(C, carol, alice, { ...run, userIds: [A, C] }), keyOf(C, carol, bob, { ...run, userIds: [B, C] }), spaceKey];
    for (const pairKey of attempts) {
      expectCryptoError(() => openPsiMessage({ ...binding(), ...sealed, pairKey, verifyKey: alice.ed25519.publicKey }), 'decrypt-failed');
      expectCryptoError(() => decryptEnvelope(pairKey, sealed.ciphertext, new Uint8Array()), 'decrypt-failed');
    }
  });

  it('refuses a tampered ciphertext or signature, and a message signed by anyone else', () => {
    const pairKey = keyOf(B, bob, alice);
    for (const i of [0, 1, 30, sealed.ciphertext.length - 1]) {
      const c = sealed.ciphertext.slice();
      c[i]! ^= 1;
      expectCryptoError(() => openPsiMessage({ ...binding(), ciphertext: c, signature: sealed.signature, pairKey, verifyKey: alice.ed25519.publicKey }), 'bad-signature');
    }
    const s = sealed.signature.slice();
    s[5]! ^= 1;
    expectCryptoError(() => openPsiMessage({ ...binding(), ciphertext: sealed.ciphertext, signature: s, pairKey, verifyKey: alice.ed25519.publicKey }), 'bad-signature');
    expectCryptoError(() => openPsiMessage({ ...binding(), ...sealed, pairKey, verifyKey: carol.ed25519.publicKey }), 'bad-signature');
  });

  it('refuses a message replayed into another run or phase, or sent back to its author', () => {
    const pairKey = keyOf(B, bob, alice);
    const verifyKey = alice.ed25519.publicKey;
    expectCryptoError(() => openPsiMessage({ ...binding(2), ...sealed, pairKey, verifyKey }), 'bad-signature');
    expectCryptoError(() => openPsiMessage({ ...binding(), runId: '0190a1b2-0000-7000-8000-0000000000e2', ...sealed, pairKey, verifyKey }), 'bad-signature');
    // Reflected: presented to Alice as if Bob had sent it.
    expectCryptoError(() => openPsiMessage({ ...binding(), senderId: B, recipientId: A, ...sealed, pairKey: keyOf(A, alice, bob), verifyKey: bob.ed25519.publicKey }), 'bad-signature');
    // Even re-signed by the sender for phase 2, a phase 1 ciphertext does not open as phase 2: its AD binds the phase.
    const resigned = sign(alice.ed25519.secretKey, psiSignedMessage(binding(2), sealed.ciphertext));
    expectCryptoError(() => openPsiMessage({ ...binding(2), ciphertext: sealed.ciphertext, signature: resigned, pairKey, verifyKey }), 'decrypt-failed');
  });

  it('refuses a wrong number of points on either side', () => {
    expectCryptoError(() => sealPsiMessage({ ...binding(), pairKey: keyOf(A, alice, bob), signingKey: alice.ed25519.secretKey, points: points.subarray(32) }), 'invalid-input');
    const short = sealPsiMessage({ ...binding(), slots: SLOTS - 1, pairKey: keyOf(A, alice, bob), signingKey: alice.ed25519.secretKey, points: points.subarray(32) });
    expectCryptoError(() => openPsiMessage({ ...binding(), ...short, pairKey: keyOf(B, bob, alice), verifyKey: alice.ed25519.publicKey }), 'bad-signature');
  });
});
