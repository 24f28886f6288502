/**
 * Signed membership log. Every change to who is in a space (and every new epoch) is an entry
 * signed with the Ed25519 key of a member of the previous state, and chained to the previous
 * entry by its SHA-256 hash. Clients verify the whole chain from the 'create' entry, so the
 * server can order and store entries but cannot add a member, swap a member's keys, drop an
 * entry from the middle or reorder entries on its own.
 *
 * Signed entry format (never change once released):
 *   [0x01 version][u32 length n][n bytes: canonical encoding][64-byte Ed25519 signature]
 *   signature = Ed25519(by's key, the first 5 + n bytes)
 * Canonical encoding = encodeContext('innermost/membership/v1',
 *   [spaceId, epoch, action, by, prevHash (32 bytes), at, memberCount,
 *    then per member, sorted by the UTF-8 bytes of userId: userId, x25519 (32), ed25519 (32)])
 * Parsing re-encodes and compares, so only the canonical encoding is accepted.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { compareBytes, concatBytes, equalBytes, readU32be, u32be, utf8 } from './bytes.ts';
import { decodeContext, encodeContext, LABELS, type ContextField } from './context.ts';
import { CryptoError } from './errors.ts';
import { SIGNATURE_BYTES, sign, verify } from './sign.ts';

/** Never change once released. */
export const MEMBERSHIP_VERSION = 0x01;
export const MEMBERSHIP_HASH_BYTES = 32;
const HEADER_BYTES = 5;

export type MemberKeys = { userId: string; x25519: Uint8Array; ed25519: Uint8Array };
export type MembershipAction = 'create' | 'join' | 'leave' | 'rotate';
export type MembershipEntry = {
  spaceId: string;
  epoch: number;
  action: MembershipAction;
  /** The member who signed the entry. */
  by: string;
  members: MemberKeys[];
  /** entryHash of the previous signed entry; 32 zero bytes for the 'create' entry. */
  prevHash: Uint8Array;
  /** Client clock, epoch milliseconds. Informational only: never used in a verification rule. */
  at: number;
};

const ACTIONS: readonly MembershipAction[] = ['create', 'join', 'leave', 'rotate'];
/** Fields before the member triples. */
const FIXED_FIELDS = 7;

function invalid(): never {
  throw new CryptoError('membership-invalid');
}

/** Members in canonical order: by the UTF-8 bytes of userId (locale-independent). */
export function sortMembers(members: readonly MemberKeys[]): MemberKeys[] {
  return [...members].sort((a, b) => compareBytes(utf8(a.userId), utf8(b.userId)));
}

function encodeEntry(entry: MembershipEntry): Uint8Array {
  if (
    typeof entry.spaceId !== 'string' ||
    entry.spaceId.length === 0 ||
    typeof entry.by !== 'string' ||
    entry.by.length === 0 ||
    !Number.isSafeInteger(entry.epoch) ||
    entry.epoch < 1 ||
    !ACTIONS.includes(entry.action) ||
    !(entry.prevHash instanceof Uint8Array) ||
    entry.prevHash.length !== MEMBERSHIP_HASH_BYTES ||
    !Number.isSafeInteger(entry.at) ||
    entry.at < 0 ||
    !Array.isArray(entry.members)
  ) {
    invalid();
  }
  const members = sortMembers(entry.members);
  const fields: ContextField[] = [
    entry.spaceId,
    entry.epoch,
    entry.action,
    entry.by,
    entry.prevHash,
    entry.at,
    members.length,
  ];
  for (let i = 0; i < members.length; i++) {
    const m = members[i]!;
    if (
      typeof m.userId !== 'string' ||
      m.userId.length === 0 ||
      !(m.x25519 instanceof Uint8Array) ||
      m.x25519.length !== 32 ||
      !(m.ed25519 instanceof Uint8Array) ||
      m.ed25519.length !== 32
    ) {
      invalid();
    }
    if (i > 0 && m.userId === members[i - 1]!.userId) invalid(); // duplicate member
    fields.push(m.userId, m.x25519, m.ed25519);
  }
  try {
    return encodeContext(LABELS.membership, fields);
  } catch {
    return invalid();
  }
}

export function signMembershipEntry(entry: MembershipEntry, signingSecretKey: Uint8Array): Uint8Array {
  const encoding = encodeEntry(entry);
  const signed = concatBytes(Uint8Array.of(MEMBERSHIP_VERSION), u32be(encoding.length), encoding);
  return concatBytes(signed, sign(signingSecretKey, signed));
}

/**
 * Parses a signed entry WITHOUT verifying its signature (the verifying key comes from the log;
 * see verifyMembershipLog). Throws CryptoError('membership-invalid') for anything malformed or
 * non-canonical and 'unsupported-version' for an unknown version byte.
 */
export function openMembershipEntry(bytes: Uint8Array): {
  entry: MembershipEntry;
  signature: Uint8Array;
  signed: Uint8Array;
} {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) invalid();
  if (bytes[0] !== MEMBERSHIP_VERSION) throw new CryptoError('unsupported-version');
  if (bytes.length < HEADER_BYTES + SIGNATURE_BYTES) invalid();
  const n = readU32be(bytes, 1);
  if (bytes.length !== HEADER_BYTES + n + SIGNATURE_BYTES) invalid();
  const encoding = bytes.subarray(HEADER_BYTES, HEADER_BYTES + n);
  const { label, fields } = decodeContext(encoding, 'membership-invalid');
  if (label !== LABELS.membership || fields.length < FIXED_FIELDS) invalid();
  const [spaceId, epoch, action, by, prevHash, at, count] = fields;
  if (
    typeof spaceId !== 'string' ||
    typeof epoch !== 'number' ||
    typeof action !== 'string' ||
    !ACTIONS.includes(action as MembershipAction) ||
    typeof by !== 'string' ||
    !(prevHash instanceof Uint8Array) ||
    typeof at !== 'number' ||
    typeof count !== 'number' ||
    fields.length !== FIXED_FIELDS + 3 * count
  ) {
    invalid();
  }
  const members: MemberKeys[] = [];
  for (let i = FIXED_FIELDS; i < fields.length; i += 3) {
    const [userId, x, e] = [fields[i], fields[i + 1], fields[i + 2]];
    if (typeof userId !== 'string' || !(x instanceof Uint8Array) || !(e instanceof Uint8Array)) invalid();
    members.push({ userId, x25519: x, ed25519: e });
  }
  const entry: MembershipEntry = {
    spaceId,
    epoch,
    action: action as MembershipAction,
    by,
    members,
    prevHash,
    at,
  };
  // Canonical form only: re-encoding (which sorts members and checks every field) must give
  // back exactly the bytes we were handed.
  if (!equalBytes(encodeEntry(entry), encoding)) invalid();
  return {
    entry,
    signature: bytes.slice(HEADER_BYTES + n),
    signed: bytes.slice(0, HEADER_BYTES + n),
  };
}

/** SHA-256 of the whole signed entry (signature included): the next entry's prevHash. */
export function entryHash(bytes: Uint8Array): Uint8Array {
  return sha256(bytes);
}

function findMember(members: readonly MemberKeys[], userId: string): MemberKeys | undefined {
  return members.find((m) => m.userId === userId);
}

function sameKeys(a: MemberKeys, b: MemberKeys): boolean {
  return equalBytes(a.x25519, b.x25519) && equalBytes(a.ed25519, b.ed25519);
}

/** One verified entry of a log: who introduced which epoch, with which members. */
export type VerifiedEntry = {
  epoch: number;
  action: MembershipAction;
  by: string;
  members: MemberKeys[];
  /** entryHash of this entry: what the next entry (and a departure) points back to. */
  hash: Uint8Array;
};

/**
 * Checks one step of the chain: `bytes` follows `prev` (the previous entry, already verified,
 * with its bytes). Used by clients over a whole log and by the server before it stores an entry.
 * Rules (any violation: CryptoError('membership-invalid')):
 *  - the entry names this spaceId and parses canonically;
 *  - first entry (prev undefined): action 'create', epoch 1, prevHash all zero, `by` listed in
 *    its members and the entry signed by by's ed25519 key as listed there (self-signed: this is
 *    the trust root);
 *  - later entries: prevHash = entryHash(prev), epoch = previous epoch + 1, `by` is a member
 *    of the PREVIOUS state and the entry is signed with by's ed25519 key as listed there;
 *    every member who stays keeps exactly the same keys;
 *    'join': the previous members plus at least one new member;
 *    'leave': a strict subset of the previous members (possibly empty: the last one left);
 *    'rotate': exactly the previous members (a fresh epoch key, nobody added or removed);
 *    'create' never appears again.
 */
export function verifyMembershipStep(
  spaceId: string,
  prev: { entry: MembershipEntry; bytes: Uint8Array } | undefined,
  bytes: Uint8Array,
): VerifiedEntry {
  const { entry, signature, signed } = openMembershipEntry(bytes);
  if (entry.spaceId !== spaceId) invalid();
  if (prev === undefined) {
    if (entry.action !== 'create' || entry.epoch !== 1) invalid();
    if (!equalBytes(entry.prevHash, new Uint8Array(MEMBERSHIP_HASH_BYTES))) invalid();
    const signer = findMember(entry.members, entry.by);
    if (signer === undefined || !verify(signer.ed25519, signed, signature)) invalid();
  } else {
    if (entry.action === 'create') invalid();
    if (entry.epoch !== prev.entry.epoch + 1) invalid();
    if (!equalBytes(entry.prevHash, entryHash(prev.bytes))) invalid();
    const signer = findMember(prev.entry.members, entry.by);
    if (signer === undefined || !verify(signer.ed25519, signed, signature)) invalid();
    let stayed = 0;
    for (const m of entry.members) {
      const before = findMember(prev.entry.members, m.userId);
      if (before === undefined) continue;
      if (!sameKeys(before, m)) invalid();
      stayed++;
    }
    const added = entry.members.length - stayed;
    const removed = prev.entry.members.length - stayed;
    if (entry.action === 'join' && !(removed === 0 && added > 0)) invalid();
    if (entry.action === 'leave' && !(added === 0 && removed > 0)) invalid();
    if (entry.action === 'rotate' && !(added === 0 && removed === 0)) invalid();
  }
  return { epoch: entry.epoch, action: entry.action, by: entry.by, members: entry.members, hash: entryHash(bytes) };
}

/**
 * Verifies a whole log, oldest first (every step by verifyMembershipStep), and returns the
 * current epoch and members, the head hash and every entry: which member introduced which epoch.
 * A client accepts an epoch's key only when it was sealed by the member who signed the entry
 * introducing that epoch (docs/crypto.md, "Epochs are facts of the log").
 */
export function verifyMembershipLog(
  spaceId: string,
  entries: Uint8Array[],
): { epoch: number; members: MemberKeys[]; head: Uint8Array; history: VerifiedEntry[] } {
  if (!Array.isArray(entries) || entries.length === 0) invalid();
  let prev: { entry: MembershipEntry; bytes: Uint8Array } | undefined;
  const history: VerifiedEntry[] = [];
  for (const bytes of entries) {
    history.push(verifyMembershipStep(spaceId, prev, bytes));
    prev = { entry: openMembershipEntry(bytes).entry, bytes };
  }
  const last = history.at(-1)!;
  return { epoch: last.epoch, members: last.members, head: last.hash, history };
}
