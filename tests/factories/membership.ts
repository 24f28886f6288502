/**
 * Real signed membership data for tests: the server checks entries and departures (structure,
 * signature, chain), so factories sign them with the test users' real identity keys.
 */
import { fromB64, toB64 } from '../../src/shared/base64.ts';
import { signDeparture } from '../../src/crypto/departure.ts';
import { generateIdentity, type Identity } from '../../src/crypto/identity.ts';
import { entryHash, openMembershipEntry, signMembershipEntry, type MemberKeys, type MembershipAction } from '../../src/crypto/membership.ts';
import { type RequestableApp, call } from './http.ts';

export interface Signer {
  id: string;
  identity: Identity;
}

export function newIdentity(): { identity: Identity; publicKeys: { x25519: string; ed25519: string } } {
  const identity = generateIdentity();
  return { identity, publicKeys: { x25519: toB64(identity.x25519.publicKey), ed25519: toB64(identity.ed25519.publicKey) } };
}

export function memberKeysOf(signer: Signer): MemberKeys {
  return { userId: signer.id, x25519: signer.identity.x25519.publicKey, ed25519: signer.identity.ed25519.publicKey };
}

/** The 'create' entry of a new space (a personal space at sign-up, or a shared one). */
export function createEntry(spaceId: string, creator: Signer): string {
  return toB64(
    signMembershipEntry(
      { spaceId, epoch: 1, action: 'create', by: creator.id, members: [memberKeysOf(creator)], prevHash: new Uint8Array(32), at: Date.now() },
      creator.identity.ed25519.secretKey,
    ),
  );
}

interface SpaceDetail {
  space: { members: Array<{ userId: string; status: string; publicKeys: { x25519: string; ed25519: string } }> };
  membershipLog: Array<{ entry: string; epoch: number }>;
}

export async function spaceDetail(app: RequestableApp, as: { cookie: string; ip: string }, spaceId: string): Promise<SpaceDetail> {
  const { status, body } = await call<SpaceDetail>(app, 'GET', `/api/spaces/${spaceId}`, { as });
  if (status !== 200) throw new Error(`spaceDetail: ${status}`);
  return body;
}

/**
 * The entry that moves a space to `epoch` with exactly `memberIds` (their keys as the server
 * lists them), signed by `by` and chained to the newest entry the server holds.
 */
export async function nextEntry(
  app: RequestableApp,
  by: Signer & { cookie: string; ip: string },
  spaceId: string,
  epoch: number,
  memberIds: string[],
  action?: MembershipAction,
): Promise<string> {
  const detail = await spaceDetail(app, by, spaceId);
  const last = detail.membershipLog.at(-1);
  if (!last) throw new Error('nextEntry: no log');
  const members = memberIds.map((userId) => {
    const listed = detail.space.members.find((m) => m.userId === userId);
    if (!listed) throw new Error(`nextEntry: ${userId} is not listed`);
    return { userId, x25519: fromB64(listed.publicKeys.x25519), ed25519: fromB64(listed.publicKeys.ed25519) };
  });
  const before = openMembershipEntry(fromB64(last.entry)).entry.members.map((m) => m.userId);
  const inferred: MembershipAction = memberIds.some((id) => !before.includes(id))
    ? 'join'
    : memberIds.length < before.length
      ? 'leave'
      : 'rotate';
  return toB64(
    signMembershipEntry(
      { spaceId, epoch, action: action ?? inferred, by: by.id, members, prevHash: entryHash(fromB64(last.entry)), at: Date.now() },
      by.identity.ed25519.secretKey,
    ),
  );
}

/** `member`'s signed departure from a space, pointing at the newest entry the server holds (`erase`: taking back what they shared). */
export async function departureOf(app: RequestableApp, member: Signer & { cookie: string; ip: string }, spaceId: string, erase = false): Promise<string> {
  const detail = await spaceDetail(app, member, spaceId);
  const last = detail.membershipLog.at(-1);
  if (!last) throw new Error('departureOf: no log');
  return toB64(signDeparture({ spaceId, userId: member.id, head: entryHash(fromB64(last.entry)), erase }, member.identity.ed25519.secretKey));
}
