/**
 * What this device knows about one space: the server's summary, the verified membership
 * history, the opened epoch keys and the decrypted documents (profiles, space name).
 *
 * Trust no server: the members, the current epoch and which key belongs to which epoch all come
 * from the signed membership log. The server's summary only says that something may have
 * changed (docs/crypto.md, "Epochs are facts of the log").
 */
import type { DepartureInfo, MembershipLogEntry, SpaceSummary } from '../../shared/api.ts';
import { fromB64 } from '../../shared/base64.ts';
import { equalBytes } from '../../crypto/bytes.ts';
import { departureHolds, erasedUpTo, openDeparture } from '../../crypto/departure.ts';
import { verifyMembershipLog, type MemberKeys, type VerifiedEntry } from '../../crypto/membership.ts';
import { openSpaceKey } from '../../crypto/space-keys.ts';
import type { KeyRing } from '../vault/keyring.ts';
import type { AppliedVersion } from './kinds.ts';

/**
 * Why a space is not fully trusted on this device (shown as one calm warning):
 * - 'membership': the signed history did not verify, or the server's members or epoch disagree with it;
 * - 'key': a key was sealed by someone other than the member who introduced its epoch;
 * - 'record': a record did not decrypt or verify.
 */
export type IntegrityWarning = 'membership' | 'key' | 'record';

export interface SpaceState {
  summary: SpaceSummary;
  log: MembershipLogEntry[];
  /** Every verified entry, oldest first: who introduced which epoch, with which members. */
  history: VerifiedEntry[];
  /** The current epoch per the verified log (0 until it verified): the only epoch we write under. */
  epoch: number;
  /** entryHash of the newest verified entry (departures and safety codes point at it). */
  head: Uint8Array | null;
  /** Members per the verified history (latest entry). */
  logMembers: MemberKeys[];
  /** Every key a user ever had in this space's verified history (to check who signed what). */
  knownKeys: Map<string, MemberKeys>;
  /** Members of the log who have signed that they left (verified and still holding). */
  departed: Set<string>;
  /** The departures as the server gave them (kept with the snapshot, verified again on load). */
  departures: DepartureInfo[];
  /** Members who took back what they shared when they left: their records up to that epoch are gone. */
  erased: Map<string, number>;
  /** Records deleted by their author's signed tombstone: record id -> author id. */
  tombstoned: Map<string, string>;
  /** Every record applied here: who wrote it and its kind (a tombstone that hits one rebuilds the state). */
  applied: Map<string, { authorId: string; kind: string }>;
  /** Set when a deletion arrived for something already applied: the engine rebuilds from the cache. */
  needsRebuild: boolean;
  keys: Map<number, Uint8Array>;
  integrityWarning: IntegrityWarning | null;
  cursor: number;
  /** The applied version of every mutable document (kinds.ts): the latest by version, not by seq. */
  versions: Map<string, AppliedVersion>;
}

export function emptySpaceState(summary: SpaceSummary): SpaceState {
  return {
    summary,
    log: [],
    history: [],
    epoch: 0,
    head: null,
    logMembers: [],
    knownKeys: new Map(),
    departed: new Set(),
    departures: [],
    erased: new Map(),
    tombstoned: new Map(),
    applied: new Map(),
    needsRebuild: false,
    keys: new Map(),
    integrityWarning: null,
    cursor: 0,
    versions: new Map(),
  };
}

export class MembershipMismatch extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MembershipMismatch';
  }
}

/**
 * Verifies the membership history and checks that the server's summary agrees with it:
 * - every active member must appear in the latest signed entry with the same keys (a server
 *   cannot add a member, or swap a key, on its own);
 * - the server's epoch must be the epoch of the latest signed entry (a server cannot announce an
 *   epoch that no member introduced);
 * - a member of the log missing from the server's list must have signed their departure (a
 *   server cannot quietly hide someone).
 * Throws MembershipMismatch (or a CryptoError) and leaves the state as it was when any check fails.
 */
export function verifyMembership(state: SpaceState, log: MembershipLogEntry[], departures: readonly DepartureInfo[] = []): void {
  const sorted = [...log].sort((a, b) => a.seq - b.seq);
  const verified = verifyMembershipLog(state.summary.id, sorted.map((e) => fromB64(e.entry)));
  const known = new Map<string, MemberKeys>();
  // A member's keys never change within a space's history (the log rules forbid it), so the
  // newest listing of each member stands for all of their entries.
  for (const entry of verified.history) for (const m of entry.members) known.set(m.userId, m);

  if (state.summary.epoch !== verified.epoch) throw new MembershipMismatch('the server’s epoch is not the signed one');
  const active = state.summary.members.filter((m) => m.status === 'active');
  for (const member of active) {
    const signed = verified.members.find((m) => m.userId === member.userId);
    if (
      !signed ||
      !equalBytes(signed.x25519, fromB64(member.publicKeys.x25519)) ||
      !equalBytes(signed.ed25519, fromB64(member.publicKeys.ed25519))
    ) {
      throw new MembershipMismatch('a listed member is not in the signed history');
    }
  }
  const departed = new Set<string>();
  const erased = new Map<string, number>();
  for (const d of departures) {
    const keys = known.get(d.userId);
    if (!keys) continue;
    let statement;
    try {
      statement = openDeparture(fromB64(d.departure), keys.ed25519);
    } catch {
      continue; // A departure that does not verify is no departure: that member stays.
    }
    if (statement.spaceId !== state.summary.id || statement.userId !== d.userId) continue;
    if (departureHolds(statement, verified.history)) departed.add(d.userId);
    const upTo = statement.erase ? erasedUpTo(statement, verified.history) : null;
    if (upTo !== null) erased.set(d.userId, Math.max(upTo, erased.get(d.userId) ?? 0));
  }
  for (const m of verified.members) {
    if (!active.some((a) => a.userId === m.userId) && !departed.has(m.userId)) {
      throw new MembershipMismatch('a member of the signed history is missing without having left');
    }
  }
  state.log = sorted;
  state.history = verified.history;
  state.epoch = verified.epoch;
  state.head = verified.head;
  state.logMembers = verified.members;
  state.knownKeys = known;
  state.departed = departed;
  // Newly erased records are dropped from the documents by a rebuild from the cache.
  for (const [userId, upTo] of erased) if ((state.erased.get(userId) ?? 0) < upTo) state.needsRebuild = true;
  state.erased = erased;
}

/** Whether a record is gone: deleted by its author's tombstone, or taken back when its author left. */
export function isDeleted(state: SpaceState, record: { id: string; authorId: string; epoch: number }): boolean {
  return state.tombstoned.get(record.id) === record.authorId || (state.erased.get(record.authorId) ?? 0) >= record.epoch;
}

/** A fresh state with the same membership, keys and deletions, and no documents (to replay into). */
export function withoutDocuments(state: SpaceState): SpaceState {
  return {
    ...emptySpaceState(state.summary),
    log: state.log,
    history: state.history,
    epoch: state.epoch,
    head: state.head,
    logMembers: state.logMembers,
    knownKeys: state.knownKeys,
    departed: state.departed,
    departures: state.departures,
    erased: state.erased,
    tombstoned: state.tombstoned,
    keys: state.keys,
    integrityWarning: state.integrityWarning,
    cursor: state.cursor,
  };
}

/**
 * Opens every epoch key sealed to me, accepting the key of epoch e only when the signed history
 * introduces e and the key was sealed (and signed) by the member who signed that entry. Anything
 * else (an epoch the log does not know, a key sealed by a former member) is refused and shown as
 * an integrity warning: accepting it could let someone who left read what is written after.
 */
export function openKeys(state: SpaceState, ring: KeyRing): void {
  for (const sealed of state.summary.myKeys) {
    if (state.keys.has(sealed.epoch)) continue;
    const introduced = state.history.find((e) => e.epoch === sealed.epoch);
    // Not in the verified history: never used. A key read a moment before its entry (a rotation
    // between two reads) opens at the next sync; one the log never introduces stays unused, and a
    // server that announces such an epoch disagrees with the log (verifyMembership says so).
    if (!introduced) continue;
    const sealer = state.knownKeys.get(introduced.by);
    if (sealed.sealedBy !== introduced.by || !sealer) {
      state.integrityWarning ??= 'key';
      continue;
    }
    try {
      const key = openSpaceKey({
        sealed: fromB64(sealed.sealedKey),
        spaceId: state.summary.id,
        epoch: sealed.epoch,
        recipientUserId: ring.userId,
        recipientSecretKey: ring.identity.x25519.secretKey,
        recipientPublicKey: ring.identity.x25519.publicKey,
        senderUserId: introduced.by,
        senderVerifyKey: sealer.ed25519,
      });
      state.keys.set(sealed.epoch, key);
    } catch {
      state.integrityWarning ??= 'key';
    }
  }
}

/** The current epoch's key, or null while this device does not hold it. */
export function currentKey(state: SpaceState): { epoch: number; key: Uint8Array } | null {
  const key = state.keys.get(state.epoch);
  return key ? { epoch: state.epoch, key } : null;
}

/**
 * Who a rotation I sign may keep: the members of the verified log, less those who signed their
 * departure. Null when the server's list is missing someone who did not sign a departure (my app
 * must not sign them out of the space on the server's word).
 */
export function membersToKeep(state: SpaceState): MemberKeys[] | null {
  const active = new Set(state.summary.members.filter((m) => m.status === 'active').map((m) => m.userId));
  const keep = state.logMembers.filter((m) => !state.departed.has(m.userId));
  if (keep.some((m) => !active.has(m.userId))) return null;
  return keep;
}
