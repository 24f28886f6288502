/**
 * Shared spaces with real epoch keys: sealed with the members' real identity keys, so client
 * code (which opens keys and checks who sealed them) can be tested against a real server.
 */
import { fromB64, toB64 } from '../../src/shared/base64.ts';
import { entryHash, openMembershipEntry, signMembershipEntry, type MembershipAction } from '../../src/crypto/membership.ts';
import { generateSpaceKey, sealSpaceKey } from '../../src/crypto/space-keys.ts';
import { newId } from './blobs.ts';
import { type RequestableApp, call } from './http.ts';
import { createEntry, spaceDetail } from './membership.ts';
import { acceptInvite, createInvite, leaveSpace } from './spaces.ts';
import type { TestUser } from './users.ts';

export interface KeyedSpace {
  id: string;
  epoch: number;
  /** Every epoch key, as the members hold them. */
  keys: Map<number, Uint8Array>;
}

function seal(space: { id: string }, epoch: number, key: Uint8Array, to: TestUser, by: TestUser): string {
  return toB64(
    sealSpaceKey({
      spaceKey: key,
      spaceId: space.id,
      epoch,
      recipientUserId: to.id,
      recipientPublicKey: to.identity.x25519.publicKey,
      senderUserId: by.id,
      senderSigningKey: by.identity.ed25519.secretKey,
    }),
  );
}

/** The next entry after the server's newest, listing `memberIds`, signed by `signer` (default `by`). */
export async function signedNext(app: RequestableApp, by: TestUser, space: { id: string; epoch: number }, memberIds: string[], action: MembershipAction, signer: TestUser = by) {
  const detail = await spaceDetail(app, by, space.id);
  const last = fromB64(detail.membershipLog.at(-1)!.entry);
  const previous = openMembershipEntry(last).entry;
  const keysOf = (userId: string) => {
    const listed = detail.space.members.find((m) => m.userId === userId);
    if (listed) return { userId, x25519: fromB64(listed.publicKeys.x25519), ed25519: fromB64(listed.publicKeys.ed25519) };
    const before = previous.members.find((m) => m.userId === userId);
    if (!before) throw new Error(`signedNext: ${userId} unknown`);
    return before;
  };
  const entry = signMembershipEntry(
    { spaceId: space.id, epoch: space.epoch + 1, action, by: signer.id, members: memberIds.map(keysOf), prevHash: entryHash(last), at: Date.now() },
    signer.identity.ed25519.secretKey,
  );
  return { entry: toB64(entry) };
}

/** Moves the space to a new epoch whose key is sealed to `members` (admitting the pending ones). */
export async function rotateWithKeys(app: RequestableApp, by: TestUser, space: KeyedSpace, members: TestUser[], admit: TestUser[] = []): Promise<void> {
  const epoch = space.epoch + 1;
  const key = generateSpaceKey();
  const detail = await spaceDetail(app, by, space.id);
  const before = openMembershipEntry(fromB64(detail.membershipLog.at(-1)!.entry)).entry.members.map((m) => m.userId);
  const action: MembershipAction = admit.length > 0 ? 'join' : members.length < before.length ? 'leave' : 'rotate';
  const { entry } = await signedNext(app, by, space, members.map((m) => m.id), action);
  const res = await call(app, 'POST', `/api/spaces/${space.id}/epochs`, {
    as: by,
    json: { epoch, sealedKeys: members.map((m) => ({ userId: m.id, sealedKey: seal(space, epoch, key, m, by) })), admit: admit.map((m) => m.id), membershipEntry: entry },
  });
  if (res.status !== 200) throw new Error(`rotateWithKeys: ${res.status} ${JSON.stringify(res.body)}`);
  space.epoch = epoch;
  space.keys.set(epoch, key);
}

/** `owner` creates a space with a real key and admits `others` one by one (one epoch each). */
export async function createSpaceWithKeys(app: RequestableApp, owner: TestUser, others: TestUser[]): Promise<KeyedSpace> {
  const space: KeyedSpace = { id: newId(), epoch: 1, keys: new Map() };
  const key = generateSpaceKey();
  const res = await call(app, 'POST', '/api/spaces', { as: owner, json: { id: space.id, sealedKey: seal(space, 1, key, owner, owner), membershipEntry: createEntry(space.id, owner) } });
  if (res.status !== 201) throw new Error(`createSpaceWithKeys: ${res.status} ${JSON.stringify(res.body)}`);
  space.keys.set(1, key);
  const members = [owner];
  for (const other of others) {
    const accepted = await acceptInvite(app, other, await createInvite(app, owner, space.id));
    if (accepted.status !== 200) throw new Error(`createSpaceWithKeys: accept ${accepted.status}`);
    members.push(other);
    await rotateWithKeys(app, owner, space, [...members], [other]);
  }
  return space;
}

export async function leaveWithKeys(app: RequestableApp, member: TestUser, space: KeyedSpace): Promise<void> {
  const res = await leaveSpace(app, member, space.id);
  if (res.status !== 204) throw new Error(`leaveWithKeys: ${res.status} ${JSON.stringify(res.body)}`);
}
