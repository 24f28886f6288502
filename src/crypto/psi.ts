/**
 * Comfort match: two-party mutual private set intersection (DH-PSI) over ristretto255, with its
 * messages sealed to the pair and signed (docs/crypto.md "Comfort match", ADR 026).
 *
 *   element    = hash_to_ristretto255(encodeContext('innermost/comfort-element/v1',
 *                  [spaceId, runId, low, high, itemId, tier]), DST)         (RFC 9380, RFC 9496)
 *   phase 1    = shuffle([element^a for my set] ++ random points up to `slots`)
 *   phase 2    = [p^a for p in the other's phase 1, in the order received]
 *   shared     = my element i is shared when (their phase 2)[i] is in my phase 2
 *
 * Why DH-PSI: element^(ab) is the same whoever raises first, and without a scalar a blinded
 * element looks like a random point (decisional Diffie-Hellman in a prime-order group), so each
 * side learns only which of its own elements the other also has. ristretto255 has prime order,
 * so there is no cofactor to clear and no small-subgroup point to worry about; every canonical
 * encoding decodes to exactly one group element. The padding to a fixed `slots` hides how many
 * items each side marked. Every run uses fresh scalars and run-bound elements, so blinded
 * values of one run say nothing about another.
 *
 *   pairKey    = HKDF-SHA256(X25519(mine, theirs), salt = lowPub ‖ highPub,
 *                  info = encodeContext('innermost/comfort-pair/v1', [spaceId, runId, low, high]))
 *   ciphertext = envelope(pairKey, points, ad = encodeContext('innermost/comfort-message/v1',
 *                  [spaceId, runId, senderId, recipientId, phase]))
 *   signature  = Ed25519(sender, encodeContext('innermost/comfort-message-sig/v1',
 *                  [spaceId, runId, senderId, recipientId, phase, slots, SHA-256(ciphertext)]))
 *
 * Why a pair key: a third member of the place holds the space key, so the space key would let
 * them read both sets (and then, with the server, compute nothing less than the intersection).
 * Only the two participants can compute the X25519 secret of their identity keys.
 */
import { ristretto255, ristretto255_hasher } from '@noble/curves/ed25519.js';
import { bytesToNumberLE, numberToBytesLE } from '@noble/curves/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { decryptEnvelope, encryptEnvelope } from './aead.ts';
import { assertKeyLength, randomBytes } from './bytes.ts';
import { encodeContext, LABELS } from './context.ts';
import { CryptoError } from './errors.ts';
import { derivePairKey } from './pair.ts';
import { sign, verify } from './sign.ts';

type Point = InstanceType<typeof ristretto255.Point>;
const Point = ristretto255.Point;
const Fn = Point.Fn;

/** RFC 9380 section 3.1 domain separation tag. Never change once released. */
export const PSI_DST = 'innermost/comfort-psi/v1/ristretto255_XMD:SHA-512_R255MAP_RO_';
export const PSI_POINT_BYTES = 32;
export const PSI_SCALAR_BYTES = 32;
/** Largest number of points in one message (a catalog of up to 200 items, two tiers each). */
export const PSI_MAX_SLOTS = 400;

export type PsiTier = 'open' | 'yes';
export type PsiAnswer = 'yes' | 'maybe';
export type PsiOutcome = 'both-yes' | 'open';
export type PsiPhase = 1 | 2;

/** Who and what a run is: every element, key and message is bound to it. */
export interface PsiRun {
  spaceId: string;
  runId: string;
  /** The two participants, in any order (sorted inside). */
  userIds: readonly [string, string];
}

function sortedPair(ids: readonly [string, string]): [string, string] {
  const [a, b] = ids;
  if (a === b) throw new CryptoError('invalid-input', 'a match needs two different people');
  return a < b ? [a, b] : [b, a];
}

/** The group element of (item, tier) in this run, by RFC 9380 hash-to-curve. */
export function psiElement(run: PsiRun, itemId: string, tier: PsiTier): Point {
  const [low, high] = sortedPair(run.userIds);
  const msg = encodeContext(LABELS.comfortElement, [run.spaceId, run.runId, low, high, itemId, tier]);
  return ristretto255_hasher.hashToCurve(msg, { DST: PSI_DST }) as Point;
}

/** A fresh secret scalar in [1, ℓ): 64 random bytes reduced mod ℓ (bias below 2^-250). */
export function randomPsiScalar(): bigint {
  for (;;) {
    const s = Fn.create(bytesToNumberLE(randomBytes(64)));
    if (s !== 0n) return s;
  }
}

export function psiScalarToBytes(s: bigint): Uint8Array {
  return numberToBytesLE(s, PSI_SCALAR_BYTES);
}

export function psiScalarFromBytes(b: Uint8Array): bigint {
  assertKeyLength(b, PSI_SCALAR_BYTES, 'scalar');
  const s = bytesToNumberLE(b);
  if (s === 0n || s >= Fn.ORDER) throw new CryptoError('invalid-key', 'scalar out of range');
  return s;
}

/** The elements of one person's answers: 'open' for yes and maybe, 'yes' for yes. */
export function psiLabels(answers: Readonly<Record<string, PsiAnswer>>): string[] {
  const out: string[] = [];
  for (const [itemId, answer] of Object.entries(answers)) {
    out.push(labelOf(itemId, 'open'));
    if (answer === 'yes') out.push(labelOf(itemId, 'yes'));
  }
  return out;
}

const SEP = '\u0000';
const labelOf = (itemId: string, tier: PsiTier) => `${itemId}${SEP}${tier}`;

function parseLabel(label: string): { itemId: string; tier: PsiTier } {
  const at = label.lastIndexOf(SEP);
  const tier = label.slice(at + 1);
  if (at <= 0 || (tier !== 'open' && tier !== 'yes')) throw new CryptoError('invalid-input', 'malformed element label');
  return { itemId: label.slice(0, at), tier };
}

function randomPoint(): Point {
  return ristretto255_hasher.hashToCurve(randomBytes(64), { DST: PSI_DST }) as Point;
}

/** Fisher-Yates with rejection sampling over crypto randomness (no modulo bias). */
function shuffleInPlace<T>(list: T[]): void {
  for (let i = list.length - 1; i > 0; i--) {
    const bound = i + 1;
    const limit = Math.floor(0x1_0000_0000 / bound) * bound;
    let r: number;
    do {
      const b = randomBytes(4);
      r = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
    } while (r >= limit);
    const j = r % bound;
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
}

function assertSlots(slots: number): void {
  if (!Number.isSafeInteger(slots) || slots < 2 || slots > PSI_MAX_SLOTS) throw new CryptoError('invalid-input', 'slots out of range');
}

/** What a side keeps between phases (on its device only, encrypted): its scalar and slot labels. */
export interface PsiSecret {
  scalar: bigint;
  /** Per slot of my phase 1 message: the element label, or null for a padding point. */
  labels: (string | null)[];
}

/*
 * The work is split into pure steps over ranges of slots (psiPlan, psiBlind, psiRaise,
 * psiCheckShape), so an app can spread the costly part (one hash to the group and one scalar
 * multiplication per slot) over several workers and keep its screen free. psiPhase1 and
 * psiPhase2 run the same steps in one go. A received point is decoded once, where it is used.
 */

/**
 * Which slot of my phase 1 message carries which element: my labels and `slots - n` nulls
 * (padding), shuffled. Throws 'invalid-input' when my set does not fit.
 */
export function psiPlan(answers: Readonly<Record<string, PsiAnswer>>, slots: number): (string | null)[] {
  assertSlots(slots);
  const labels: (string | null)[] = psiLabels(answers);
  if (labels.length > slots) throw new CryptoError('invalid-input', 'more elements than slots');
  while (labels.length < slots) labels.push(null);
  shuffleInPlace(labels);
  return labels;
}

/**
 * The points of some slots of my phase 1 message: element^a for a label, a random point for a
 * null. Any range of a plan may be blinded on its own; the parts concatenate in order.
 */
export function psiBlind(run: PsiRun, labels: readonly (string | null)[], scalar: bigint): Uint8Array {
  const out = new Uint8Array(labels.length * PSI_POINT_BYTES);
  labels.forEach((label, i) => {
    let point: Point;
    if (label === null) point = randomPoint();
    else {
      const { itemId, tier } = parseLabel(label);
      point = psiElement(run, itemId, tier).multiply(scalar);
    }
    out.set(point.toBytes(), i * PSI_POINT_BYTES);
  });
  return out;
}

/** Phase 1: my blinded set, padded to `slots` points and shuffled. */
export function psiPhase1(run: PsiRun, answers: Readonly<Record<string, PsiAnswer>>, slots: number): { secret: PsiSecret; message: Uint8Array } {
  const labels = psiPlan(answers, slots);
  const scalar = randomPsiScalar();
  return { secret: { scalar, labels }, message: psiBlind(run, labels, scalar) };
}

function decodePoint(enc: Uint8Array): Point {
  let p: Point;
  try {
    p = Point.fromBytes(enc);
  } catch {
    throw new CryptoError('invalid-input', 'not a group element');
  }
  if (p.is0()) throw new CryptoError('invalid-input', 'identity point');
  return p;
}

/**
 * The shape of a message: exactly `slots` encodings, no two the same (an honest side never sends
 * a repeat). Cheap: no point is decoded here.
 */
export function psiCheckShape(bytes: Uint8Array, slots: number): void {
  assertSlots(slots);
  if (bytes.length !== slots * PSI_POINT_BYTES) throw new CryptoError('invalid-input', 'wrong number of points');
  const seen = new Set<string>();
  for (let i = 0; i < slots; i++) {
    const key = slotKey(bytes, i);
    if (seen.has(key)) throw new CryptoError('invalid-input', 'repeated point');
    seen.add(key);
  }
}

/**
 * Strict decoding of a message's points: exactly `slots` canonical ristretto255 encodings, none
 * the identity, no two the same. 'invalid-input' otherwise.
 */
export function decodePsiPoints(bytes: Uint8Array, slots: number): Point[] {
  psiCheckShape(bytes, slots);
  const points: Point[] = [];
  for (let i = 0; i < slots; i++) points.push(decodePoint(bytes.subarray(i * PSI_POINT_BYTES, (i + 1) * PSI_POINT_BYTES)));
  return points;
}

/**
 * (A range of) the other's phase 1 raised to my scalar, in the order received; each point is
 * decoded strictly first. The whole message's shape is psiCheckShape's.
 */
export function psiRaise(points: Uint8Array, scalar: bigint): Uint8Array {
  if (points.length % PSI_POINT_BYTES !== 0) throw new CryptoError('invalid-input', 'wrong number of points');
  const out = new Uint8Array(points.length);
  for (let at = 0; at < points.length; at += PSI_POINT_BYTES) {
    out.set(decodePoint(points.subarray(at, at + PSI_POINT_BYTES)).multiply(scalar).toBytes(), at);
  }
  return out;
}

/** Phase 2: the other's phase 1 raised to my scalar, in the order received. */
export function psiPhase2(secret: PsiSecret, theirPhase1: Uint8Array): Uint8Array {
  psiCheckShape(theirPhase1, secret.labels.length);
  return psiRaise(theirPhase1, secret.scalar);
}

const slotKey = (bytes: Uint8Array, i: number) => String.fromCharCode(...bytes.subarray(i * PSI_POINT_BYTES, (i + 1) * PSI_POINT_BYTES));

/**
 * The result: for each of my items whose element is also in the other's set, 'both-yes' when
 * the 'yes' tier is shared, 'open' when only the 'open' tier is. `myPhase2` is what I computed in
 * phase 2 (their set, double-blinded); `theirPhase2` is my set, double-blinded by them.
 *
 * Only the shape of either phase 2 is checked, no point is decoded: a slot is compared as bytes
 * with encodings I computed myself, which are canonical (RFC 9496 section 4.3.2: equal group
 * elements have equal bytes), so a slot that is not a valid encoding simply matches nothing.
 */
export function psiResult(secret: PsiSecret, theirPhase2: Uint8Array, myPhase2: Uint8Array): Record<string, PsiOutcome> {
  const slots = secret.labels.length;
  psiCheckShape(theirPhase2, slots);
  psiCheckShape(myPhase2, slots);
  const theirs = new Set<string>();
  for (let i = 0; i < slots; i++) theirs.add(slotKey(myPhase2, i));
  const shared = new Set<string>();
  secret.labels.forEach((label, i) => {
    if (label !== null && theirs.has(slotKey(theirPhase2, i))) shared.add(label);
  });
  const out: Record<string, PsiOutcome> = {};
  for (const label of shared) {
    const { itemId, tier } = parseLabel(label);
    if (tier !== 'open') continue;
    // 'both-yes' needs both tiers: a 'yes' without 'open' could only come from a deviating side.
    out[itemId] = shared.has(labelOf(itemId, 'yes')) ? 'both-yes' : 'open';
  }
  return out;
}

// ---------------------------------------------------------------- sealing to the pair

export interface PsiPairKeyInput extends PsiRun {
  myId: string;
  myX25519Secret: Uint8Array;
  partnerX25519Public: Uint8Array;
}

/** The key only these two people can compute, bound to the place, the run and both ids (pair.ts). */
export function psiPairKey({ myId, myX25519Secret, partnerX25519Public, ...run }: PsiPairKeyInput): Uint8Array {
  const [low, high] = sortedPair(run.userIds);
  if (myId !== low && myId !== high) throw new CryptoError('invalid-input', 'not a participant');
  const partnerId = myId === low ? high : low;
  return derivePairKey({ myId, partnerId, myX25519Secret, partnerX25519Public }, LABELS.comfortPair, [run.spaceId, run.runId, low, high]);
}

export interface PsiMessageBinding {
  spaceId: string;
  runId: string;
  senderId: string;
  recipientId: string;
  phase: PsiPhase;
  slots: number;
}

function messageAd(b: PsiMessageBinding): Uint8Array {
  return encodeContext(LABELS.comfortMessage, [b.spaceId, b.runId, b.senderId, b.recipientId, b.phase]);
}

/** The exact bytes a sender signs (exported for tests and docs). */
export function psiSignedMessage(b: PsiMessageBinding, ciphertext: Uint8Array): Uint8Array {
  return encodeContext(LABELS.comfortMessageSig, [b.spaceId, b.runId, b.senderId, b.recipientId, b.phase, b.slots, sha256(ciphertext)]);
}

/** Encrypts a phase's points to the pair and signs them: { ciphertext (41 + 32·slots), signature (64) }. */
export function sealPsiMessage({
  pairKey,
  signingKey,
  points,
  ...binding
}: PsiMessageBinding & { pairKey: Uint8Array; signingKey: Uint8Array; points: Uint8Array }): { ciphertext: Uint8Array; signature: Uint8Array } {
  assertSlots(binding.slots);
  if (binding.phase !== 1 && binding.phase !== 2) throw new CryptoError('invalid-input', 'phase');
  if (points.length !== binding.slots * PSI_POINT_BYTES) throw new CryptoError('invalid-input', 'wrong number of points');
  const ciphertext = encryptEnvelope(pairKey, points, messageAd(binding));
  return { ciphertext, signature: sign(signingKey, psiSignedMessage(binding, ciphertext)) };
}

/**
 * Verifies the sender's signature first ('bad-signature'), then decrypts ('decrypt-failed'),
 * then checks the message's shape ('invalid-input': count and repeats). Returns the points'
 * bytes; each point is decoded strictly where it is used (psiRaise, psiResult).
 */
export function openPsiMessage({
  pairKey,
  verifyKey,
  ciphertext,
  signature,
  ...binding
}: PsiMessageBinding & { pairKey: Uint8Array; verifyKey: Uint8Array; ciphertext: Uint8Array; signature: Uint8Array }): Uint8Array {
  if (!verify(verifyKey, psiSignedMessage(binding, ciphertext), signature)) throw new CryptoError('bad-signature');
  const points = decryptEnvelope(pairKey, ciphertext, messageAd(binding));
  psiCheckShape(points, binding.slots);
  return points;
}

/** Size of a message's ciphertext for a run of `slots` (the same for every message of the run). */
export function psiCiphertextBytes(slots: number): number {
  return 41 + slots * PSI_POINT_BYTES;
}
