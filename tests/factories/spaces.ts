/** Shared spaces, invites, admission by rotation and records, as a client would drive them. */
import { createHash, randomBytes } from 'node:crypto';
import { blob, newId } from './blobs.ts';
import { type RequestableApp, call } from './http.ts';
import { createEntry, departureOf, nextEntry } from './membership.ts';
import type { TestUser } from './users.ts';

export interface TestSpace {
  id: string;
  epoch: number;
}

export async function createSharedSpace(app: RequestableApp, owner: TestUser): Promise<TestSpace> {
  const id = newId();
  const { status, body } = await call(app, 'POST', '/api/spaces', {
    as: owner,
    json: { id, sealedKey: blob.sealed(), membershipEntry: createEntry(id, owner) },
  });
  if (status !== 201) throw new Error(`createSharedSpace: ${status} ${JSON.stringify(body)}`);
  return { id, epoch: 1 };
}

export interface TestInvite {
  id: string;
  /** The token the joiner presents (base64url of 32 bytes); the server stores SHA-256 of its bytes. */
  token: string;
  spaceId: string;
}

export function inviteSecrets(): { token: string; tokenHash: string } {
  const tokenBytes = randomBytes(32);
  return { token: tokenBytes.toString('base64url'), tokenHash: createHash('sha256').update(tokenBytes).digest('base64url') };
}

export async function createInvite(app: RequestableApp, member: TestUser, spaceId: string): Promise<TestInvite> {
  const id = newId();
  const { token, tokenHash } = inviteSecrets();
  const { status, body } = await call(app, 'POST', `/api/spaces/${spaceId}/invites`, {
    as: member,
    json: { id, tokenHash, sealedSecret: blob.sealed() },
  });
  if (status !== 201) throw new Error(`createInvite: ${status} ${JSON.stringify(body)}`);
  return { id, token, spaceId };
}

export async function acceptInvite(app: RequestableApp, joiner: TestUser, invite: TestInvite) {
  return call(app, 'POST', `/api/invites/${invite.id}/accept`, { as: joiner, json: { token: invite.token, mac: blob.key32() } });
}

/** The active members' ids of a space, as `member` sees them. */
export async function memberIds(app: RequestableApp, member: TestUser, spaceId: string, status: 'active' | 'pending' = 'active'): Promise<string[]> {
  const { body } = await call(app, 'GET', `/api/spaces/${spaceId}`, { as: member });
  return (body.space.members as Array<{ userId: string; status: string }>).filter((m) => m.status === status).map((m) => m.userId);
}

/** Rotates to the next epoch, sealing to the active members plus `admit`. */
export async function rotate(app: RequestableApp, member: TestUser, space: TestSpace, admit: string[] = []) {
  const active = await memberIds(app, member, space.id);
  const members = [...active, ...admit];
  const result = await call(app, 'POST', `/api/spaces/${space.id}/epochs`, {
    as: member,
    json: {
      epoch: space.epoch + 1,
      sealedKeys: members.map((userId) => ({ userId, sealedKey: blob.sealed() })),
      admit,
      membershipEntry: await nextEntry(app, member, space.id, space.epoch + 1, members),
    },
  });
  if (result.status === 200) space.epoch += 1;
  return result;
}

/** owner creates a shared space and brings `others` in (invite, accept, admit by rotation). */
export async function createCouple(app: RequestableApp, owner: TestUser, ...others: TestUser[]): Promise<TestSpace> {
  const space = await createSharedSpace(app, owner);
  for (const other of others) {
    const invite = await createInvite(app, owner, space.id);
    const accepted = await acceptInvite(app, other, invite);
    if (accepted.status !== 200) throw new Error(`createCouple: accept ${accepted.status} ${JSON.stringify(accepted.body)}`);
    const rotated = await rotate(app, owner, space, [other.id]);
    if (rotated.status !== 200) throw new Error(`createCouple: rotate ${rotated.status} ${JSON.stringify(rotated.body)}`);
  }
  return space;
}

export async function writeRecord(
  app: RequestableApp,
  author: TestUser,
  spaceId: string,
  epoch: number,
  overrides: { id?: string; ciphertext?: string } = {},
) {
  const id = overrides.id ?? newId();
  const ciphertext = overrides.ciphertext ?? blob.ciphertext();
  const result = await call(app, 'POST', `/api/spaces/${spaceId}/records`, { as: author, json: { id, epoch, ciphertext } });
  return { ...result, id, ciphertext };
}

/** `member` leaves a space, with their signed departure when they are an active member. */
export async function leaveSpace(app: RequestableApp, member: TestUser, spaceId: string, options: { erase?: boolean } = {}) {
  const active = (await memberIds(app, member, spaceId).catch((): string[] => [])).includes(member.id);
  const json = active ? { departure: await departureOf(app, member, spaceId, options.erase ?? false) } : {};
  return call(app, 'POST', `/api/spaces/${spaceId}/leave`, { as: member, json });
}

/** Deletes `user`'s account, with a signed departure from every shared space they are active in. */
export async function deleteAccount(app: RequestableApp, user: TestUser, loginKey: string = user.loginKey) {
  const { body } = await call(app, 'GET', '/api/spaces', { as: user });
  const shared = ((body?.spaces ?? []) as Array<{ id: string; kind: string; members: Array<{ userId: string; status: string }> }>).filter(
    (s) => s.kind === 'shared' && s.members.some((m) => m.userId === user.id && m.status === 'active'),
  );
  const departures = await Promise.all(shared.map(async (s) => ({ spaceId: s.id, departure: await departureOf(app, user, s.id, true) })));
  return call(app, 'DELETE', '/api/auth/account', { as: user, json: { loginKey, departures } });
}
