/**
 * What this device knows about one space: the server's summary, the verified membership
 * history, the opened epoch keys and the decrypted documents (profiles, space name).
 */
import type { MembershipLogEntry, SpaceSummary } from '../../shared/api.ts';
import { fromB64 } from '../../shared/base64.ts';
import { equalBytes } from '../../crypto/bytes.ts';
import { openMembershipEntry, verifyMembershipLog, type MemberKeys } from '../../crypto/membership.ts';
import { openSpaceKey } from '../../crypto/space-keys.ts';
import type { KeyRing } from '../vault/keyring.ts';

export interface ProfileDoc {
  displayName: string;
  pronouns: string;
  seq: number;
  epoch: number;
}

export interface SpaceState {
  summary: SpaceSummary;
  log: MembershipLogEntry[];
  /** Members per the verified history (latest entry). */
  logMembers: MemberKeys[];
  /** Every key a user ever had in this space's verified history (to check who sealed what). */
  knownKeys: Map<string, MemberKeys>;
  keys: Map<number, Uint8Array>;
  integrityWarning: string | null;
  cursor: number;
  profiles: Map<string, ProfileDoc>;
  name: { value: string; seq: number; epoch: number } | null;
}

export function emptySpaceState(summary: SpaceSummary): SpaceState {
  return {
    summary,
    log: [],
    logMembers: [],
    knownKeys: new Map(),
    keys: new Map(),
    integrityWarning: null,
    cursor: 0,
    profiles: new Map(),
    name: null,
  };
}

/**
 * Verifies the membership history and checks that the server's member list agrees with it:
 * every active member must appear in the latest signed entry with the same keys. A server
 * cannot add a member (or swap a key) on its own.
 */
export function verifyMembership(state: SpaceState, log: MembershipLogEntry[]): void {
  const sorted = [...log].sort((a, b) => a.seq - b.seq);
  const entries = sorted.map((e) => fromB64(e.entry));
  const verified = verifyMembershipLog(state.summary.id, entries);
  const known = new Map<string, MemberKeys>();
  // verifyMembershipLog only returns the latest members; earlier members' keys come from the
  // entries themselves, which it has just verified as a chain.
  for (const bytes of entries) {
    for (const m of membersOfEntry(bytes)) known.set(m.userId, m);
  }
  for (const member of state.summary.members) {
    if (member.status !== 'active') continue;
    const signed = verified.members.find((m) => m.userId === member.userId);
    if (
      !signed ||
      !equalBytes(signed.x25519, fromB64(member.publicKeys.x25519)) ||
      !equalBytes(signed.ed25519, fromB64(member.publicKeys.ed25519))
    ) {
      throw new Error('membership-invalid');
    }
  }
  state.log = sorted;
  state.logMembers = verified.members;
  state.knownKeys = known;
}

function membersOfEntry(bytes: Uint8Array): MemberKeys[] {
  return openMembershipEntry(bytes).entry.members;
}

/** Opens every epoch key sealed to me whose sealer is a verified member of this space. */
export function openKeys(state: SpaceState, ring: KeyRing): void {
  for (const sealed of state.summary.myKeys) {
    if (state.keys.has(sealed.epoch)) continue;
    const sender = state.knownKeys.get(sealed.sealedBy);
    if (!sender) continue;
    try {
      const key = openSpaceKey({
        sealed: fromB64(sealed.sealedKey),
        spaceId: state.summary.id,
        epoch: sealed.epoch,
        recipientUserId: ring.userId,
        recipientSecretKey: ring.identity.x25519.secretKey,
        senderUserId: sealed.sealedBy,
        senderVerifyKey: sender.ed25519,
      });
      state.keys.set(sealed.epoch, key);
    } catch {
      state.integrityWarning = 'key';
    }
  }
}
