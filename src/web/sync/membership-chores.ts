/**
 * Membership chores that need a member's keys: reading and verifying a space's membership,
 * confirming joiners (checking their keys against the invite's MAC), rotating to a new epoch
 * after someone left, and signing my own departure.
 */
import { fromB64, toB64 } from '../../shared/base64.ts';
import { signDeparture } from '../../crypto/departure.ts';
import { openInviteSecret, verifyInviteMac } from '../../crypto/invite.ts';
import { entryHash, signMembershipEntry, type MemberKeys, type MembershipAction } from '../../crypto/membership.ts';
import { generateSpaceKey, sealSpaceKey } from '../../crypto/space-keys.ts';
import { call } from '../platform/api.ts';
import { ActionError } from '../platform/errors/action-error.ts';
import type { KeyRing } from '../vault/keyring.ts';
import type { SyncDeps } from './context.ts';
import { membersToKeep, MembershipMismatch, verifyMembership, type SpaceState } from './space-state.ts';

/** How many times a space's membership is read before a disagreement counts as a mismatch. */
const MEMBERSHIP_READS = 3;

/** Reads and verifies a space's membership (summary, signed log, departures). */
export async function refreshMembership(deps: SyncDeps, state: SpaceState): Promise<void> {
  // The summary, the log and the departures are separate reads on the server, so a rotation or
  // a leave committed between them can make an honest answer disagree with itself for a moment:
  // read again before calling it a mismatch. A server that lies disagrees every time.
  for (let attempt = 1; ; attempt++) {
    const detail = await call(deps.client.api.spaces[':spaceId'].$get({ param: { spaceId: state.summary.id } }));
    state.summary = detail.space;
    try {
      verifyMembership(state, detail.membershipLog, detail.departures);
      state.departures = detail.departures;
      if (state.integrityWarning === 'membership') state.integrityWarning = null;
      return;
    } catch (error) {
      if (error instanceof MembershipMismatch && attempt < MEMBERSHIP_READS) continue;
      state.integrityWarning = 'membership';
      return;
    }
  }
}

/**
 * Moves the space to a new epoch: a fresh key sealed to everyone who stays (plus joiners), with a
 * signed log entry that introduces the epoch. Returns false (and signs nothing) when the server's
 * member list is missing someone who did not sign a departure: removing someone is never implied.
 * `remove`: members I remove on purpose (a confirmed choice in the app, never the server's).
 */
export async function rotate(deps: SyncDeps, ring: KeyRing, state: SpaceState, admit: MemberKeys[], remove: readonly string[] = []): Promise<boolean> {
  const summary = state.summary;
  const previous = state.log.at(-1);
  if (!previous) throw new ActionError('membership-invalid');
  const kept = membersToKeep(state);
  if (!kept) {
    state.integrityWarning = 'membership';
    return false;
  }
  const staying = kept.filter((m) => !remove.includes(m.userId));
  const members = [...staying, ...admit];
  const epoch = state.epoch + 1;
  const spaceKey = generateSpaceKey();
  const sealedKeys = members.map((m) => ({
    userId: m.userId,
    sealedKey: toB64(
      sealSpaceKey({
        spaceKey,
        spaceId: summary.id,
        epoch,
        recipientUserId: m.userId,
        recipientPublicKey: m.x25519,
        senderUserId: ring.userId,
        senderSigningKey: ring.identity.ed25519.secretKey,
      }),
    ),
  }));
  const action: MembershipAction = admit.length > 0 ? 'join' : staying.length < state.logMembers.length ? 'leave' : 'rotate';
  const membershipEntry = signMembershipEntry(
    { spaceId: summary.id, epoch, action, by: ring.userId, members, prevHash: entryHash(fromB64(previous.entry)), at: deps.clock.now() },
    ring.identity.ed25519.secretKey,
  );
  await call(
    deps.client.api.spaces[':spaceId'].epochs.$post({
      param: { spaceId: summary.id },
      json: { epoch, sealedKeys, admit: admit.map((m) => m.userId), remove: [...remove], membershipEntry: toB64(membershipEntry) },
    }),
  );
  state.keys.set(epoch, spaceKey);
  return true;
}

/**
 * Pending joiners whose keys carry a valid MAC from the invite secret, to admit; others are
 * declined on the spot. Joiners of an invite made under an epoch I hold no key for are left to
 * a member who holds it.
 */
export async function checkJoiners(deps: SyncDeps, state: SpaceState): Promise<MemberKeys[]> {
  const spaceId = state.summary.id;
  const { invites } = await call(deps.client.api.spaces[':spaceId'].invites.$get({ param: { spaceId } }));
  const admit: MemberKeys[] = [];
  for (const member of state.summary.members) {
    if (member.status !== 'pending' || !member.inviteId || !member.joinMac) continue;
    const invite = invites.find((i) => i.id === member.inviteId);
    const key = invite ? state.keys.get(invite.epoch) : undefined;
    if (!invite || !key) continue;
    const keys = { x25519: fromB64(member.publicKeys.x25519), ed25519: fromB64(member.publicKeys.ed25519) };
    let valid = false;
    try {
      const secret = openInviteSecret({ spaceKey: key, spaceId, inviteId: invite.id, epoch: invite.epoch, sealed: fromB64(invite.sealedSecret) });
      valid = verifyInviteMac({ secret, inviteId: invite.id, spaceId, userId: member.userId, publicKeys: keys, mac: fromB64(member.joinMac) });
    } catch {
      valid = false;
    }
    if (valid) admit.push({ userId: member.userId, ...keys });
    else await call(deps.client.api.spaces[':spaceId'].members[':userId'].$delete({ param: { spaceId, userId: member.userId } }));
  }
  return admit;
}

/**
 * My signed departure from a space, pointing at the newest entry of its history I know (the
 * others' apps remove me only on its strength); `erase`: I take back what I shared there. Undefined where I am not an active member: a
 * pending member is not in the history yet.
 */
export async function departureFrom(deps: SyncDeps, ring: KeyRing, state: SpaceState, erase: boolean): Promise<string | undefined> {
  const mine = state.summary.members.find((m) => m.userId === ring.userId);
  if (state.summary.kind !== 'shared' || mine?.status !== 'active') return undefined;
  let head = state.head;
  if (!head) {
    // The history did not verify here: leaving must still work, so point at the server's newest
    // entry (the statement only says that I leave; it vouches for nothing else).
    const detail = await call(deps.client.api.spaces[':spaceId'].$get({ param: { spaceId: state.summary.id } }));
    const last = detail.membershipLog.at(-1);
    if (!last) throw new ActionError('membership-invalid');
    head = entryHash(fromB64(last.entry));
  }
  return toB64(signDeparture({ spaceId: state.summary.id, userId: ring.userId, head, erase }, ring.identity.ed25519.secretKey));
}
