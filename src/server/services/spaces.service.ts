/**
 * Spaces, their members and key epochs. Authorisation rules:
 * - not a member at all: 'not-found' (a space's existence is not revealed);
 * - a pending member (joined through an invite, not yet admitted by a rotation) may read the
 *   space summary and membership log and may leave; everything else is 'forbidden';
 * - an active member may do everything the route allows.
 */
import type { z } from 'zod';
import type { CreateSpaceBody, DepartureInfo, LeaveBody, MembershipLogEntry, RotateBody, SpaceSummary } from '../../shared/api.ts';
import { fromB64url, toB64url } from '../crypto.ts';
import { AppError } from '../http/errors.ts';
import type { MemberWithKeys, SpaceKeyRow, SpaceRow } from '../repos/spaces.repo.ts';
import { isUniqueViolation } from '../repos/db-errors.ts';
import type { Store } from '../repos/store.ts';
import { type Notice, type ServiceDeps, notify } from './common.ts';
import type { PublicKeysOf } from './membership-checks.ts';
import { checkCreateEntry, checkDeparture, checkNextEntry } from './membership-checks.ts';
import { cancelRoundsOfLeaver } from './round-cancellation.ts';
import type { Limits } from '../limits.ts';

export type MemberStatus = 'active' | 'pending';

/** The caller's membership, or 'not-found'; `need: 'active'` also refuses a pending member. */
export async function requireMember(
  store: Store,
  spaceId: string,
  userId: string,
  need: 'active' | 'any' = 'active',
): Promise<{ status: MemberStatus; kind: SpaceRow['kind'] }> {
  const membership = await store.repos.spaces.findMembership(spaceId, userId);
  if (!membership) throw new AppError('not-found');
  if (need === 'active' && membership.status !== 'active') throw new AppError('forbidden');
  return membership;
}

/** requireMember for the hot paths (records): status only, one point query. */
export async function requireActiveMember(store: Store, spaceId: string, userId: string): Promise<void> {
  const status = await store.repos.spaces.memberStatus(spaceId, userId);
  if (!status) throw new AppError('not-found');
  if (status !== 'active') throw new AppError('forbidden');
}

function toSummary(space: SpaceRow, members: MemberWithKeys[], myKeys: SpaceKeyRow[]): SpaceSummary {
  return {
    id: space.id,
    kind: space.kind,
    epoch: space.epoch,
    needsRotation: space.needs_rotation === 1,
    createdAt: space.created_at,
    headSeq: space.head_seq,
    members: members.map((m) => ({
      userId: m.user_id,
      status: m.status,
      publicKeys: { x25519: toB64url(m.x25519_pub), ed25519: toB64url(m.ed25519_pub) },
      joinedAt: m.joined_at,
      inviteId: m.invite_id,
      joinMac: m.join_mac ? toB64url(m.join_mac) : null,
    })),
    myKeys: myKeys.map((k) => ({ epoch: k.epoch, sealedKey: toB64url(k.sealed_key), sealedBy: k.sealed_by })),
  };
}

export function createSpacesService(deps: ServiceDeps & { limits: Pick<Limits, 'spacesPerPerson'> }) {
  const { store, now, limits } = deps;

  async function summaries(userId: string, spaceIds: string[]): Promise<SpaceSummary[]> {
    const [spaces, members, keys] = await Promise.all([
      store.repos.spaces.listSpaces(spaceIds),
      store.repos.spaces.listMembers(spaceIds),
      store.repos.spaces.listKeysOfUser(userId, spaceIds),
    ]);
    return spaces.map((space) =>
      toSummary(
        space,
        members.filter((m) => m.space_id === space.id),
        keys.filter((k) => k.space_id === space.id),
      ),
    );
  }

  async function detail(
    userId: string,
    spaceId: string,
  ): Promise<{ space: SpaceSummary; membershipLog: MembershipLogEntry[]; departures: DepartureInfo[] }> {
    const [summary] = await summaries(userId, [spaceId]);
    if (!summary) throw new AppError('not-found');
    const [log, departures] = await Promise.all([store.repos.spaces.listLog(spaceId), store.repos.spaces.listDepartures(spaceId)]);
    return {
      space: summary,
      membershipLog: log.map((e) => ({ seq: e.seq, epoch: e.epoch, authorId: e.author_id, entry: toB64url(e.entry), createdAt: e.created_at })),
      departures: departures.map((d) => ({ userId: d.user_id, departure: toB64url(d.statement), createdAt: d.created_at })),
    };
  }

  async function keysOf(userId: string): Promise<PublicKeysOf> {
    const user = await store.repos.users.findById(userId);
    if (!user) throw new AppError('not-found');
    return { userId, x25519: user.x25519_pub, ed25519: user.ed25519_pub };
  }

  return {
    async list(userId: string): Promise<SpaceSummary[]> {
      const memberships = await store.repos.spaces.listMembershipsOfUser(userId);
      return summaries(
        userId,
        memberships.map((m) => m.space_id),
      );
    },

    async get(userId: string, spaceId: string) {
      await requireMember(store, spaceId, userId, 'any');
      return detail(userId, spaceId);
    },

    /** A shared space with its creator as the only (active) member at epoch 1. */
    async create(userId: string, body: z.infer<typeof CreateSpaceBody>) {
      if (await store.repos.spaces.spaceExists(body.id)) throw new AppError('id-taken');
      if (limits.spacesPerPerson > 0 && (await store.repos.spaces.countSharedMemberships(userId)) >= limits.spacesPerPerson) {
        throw new AppError('too-many-spaces');
      }
      checkCreateEntry(body.id, fromB64url(body.membershipEntry), await keysOf(userId));
      const at = now();
      try {
        await store.transaction(async (tx) => {
          await tx.spaces.insertSpace({ id: body.id, kind: 'shared', epoch: 1, needs_rotation: 0, head_seq: 0, created_at: at, bytes_used: 0 });
          await tx.spaces.insertMember({ space_id: body.id, user_id: userId, status: 'active', invite_id: null, join_mac: null, joined_at: at });
          await tx.spaces.insertKeys([{ space_id: body.id, epoch: 1, user_id: userId, sealed_key: fromB64url(body.sealedKey), sealed_by: userId }]);
          await tx.spaces.appendLog({ space_id: body.id, epoch: 1, author_id: userId, entry: fromB64url(body.membershipEntry), created_at: at });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('id-taken');
        throw error;
      }
      return detail(userId, body.id);
    },

    /**
     * A new epoch: a fresh key sealed to exactly the active members plus the pending members it
     * admits, less the active members it removes (who lose access at once, as if they had left).
     * Clears needs_rotation; from now on writes under older epochs are 'stale-epoch'.
     */
    async rotate(userId: string, spaceId: string, body: z.infer<typeof RotateBody>) {
      await requireMember(store, spaceId, userId, 'active');
      const recipients = await store.transaction(async (tx) => {
        const space = await tx.spaces.lockSpace(spaceId);
        if (!space) throw new AppError('not-found');
        const members = await tx.spaces.listMembers([spaceId]);
        const me = members.find((m) => m.user_id === userId);
        if (!me) throw new AppError('not-found');
        if (me.status !== 'active') throw new AppError('forbidden');
        if (body.epoch !== space.epoch + 1) throw new AppError('epoch-conflict');
        const previous = await tx.spaces.lastLogEntry(spaceId);
        if (!previous) throw new AppError('not-found');

        const active = new Set(members.filter((m) => m.status === 'active').map((m) => m.user_id));
        const pending = new Set(members.filter((m) => m.status === 'pending').map((m) => m.user_id));
        const admit = new Set(body.admit);
        if (admit.size !== body.admit.length) throw new AppError('members-mismatch', 'admit lists a user twice');
        for (const id of admit) {
          if (!pending.has(id)) throw new AppError('members-mismatch', 'only pending members can be admitted');
        }
        const remove = new Set(body.remove);
        if (remove.size !== body.remove.length) throw new AppError('members-mismatch', 'remove lists a user twice');
        if (remove.size > 0 && admit.size > 0) throw new AppError('members-mismatch', 'one rotation either admits or removes');
        for (const id of remove) {
          if (!active.has(id) || id === userId) throw new AppError('members-mismatch', 'only another active member can be removed');
        }
        const expected = new Set([...active, ...admit].filter((id) => !remove.has(id)));
        const sealedTo = body.sealedKeys.map((k) => k.userId);
        if (new Set(sealedTo).size !== sealedTo.length || sealedTo.length !== expected.size || !sealedTo.every((id) => expected.has(id))) {
          throw new AppError('members-mismatch');
        }
        checkNextEntry({
          spaceId,
          previous: previous.entry,
          entry: fromB64url(body.membershipEntry),
          by: userId,
          epoch: body.epoch,
          members: members.filter((m) => expected.has(m.user_id)).map((m) => ({ userId: m.user_id, x25519: m.x25519_pub, ed25519: m.ed25519_pub })),
        });

        if (!(await tx.spaces.advanceEpoch(spaceId, space.epoch))) throw new AppError('epoch-conflict');
        await tx.spaces.insertKeys(
          body.sealedKeys.map((k) => ({ space_id: spaceId, epoch: body.epoch, user_id: k.userId, sealed_key: fromB64url(k.sealedKey), sealed_by: userId })),
        );
        await tx.spaces.activateMembers(spaceId, [...admit]);
        await tx.spaces.appendLog({ space_id: spaceId, epoch: body.epoch, author_id: userId, entry: fromB64url(body.membershipEntry), created_at: now() });
        const at = now();
        const rounds: Notice[] = [];
        for (const removed of remove) {
          rounds.push(...(await cancelRoundsOfLeaver(tx, spaceId, removed, at)));
          await tx.spaces.deleteMember(spaceId, removed);
          await tx.spaces.deleteKeysOf(spaceId, removed);
          await tx.invites.revokeOpenByCreator(spaceId, removed, at);
        }
        return { stay: members.map((m) => m.user_id).filter((id) => !remove.has(id)), rounds };
      });
      for (const removed of body.remove) await notify(deps, [removed], { spaceId, type: 'removed' });
      await notify(deps, recipients.stay, { spaceId, type: 'epoch' });
      for (const notice of recipients.rounds) await notify(deps, notice.userIds.filter((id) => !body.remove.includes(id)), notice.event);
      return detail(userId, spaceId);
    },

    /**
     * The caller leaves: their membership and sealed keys go at once and their open invites are
     * revoked; the open rounds they take part in are cancelled and their answers deleted. An
     * active member signs their departure; an erasing one also deletes their records here. If
     * active members remain, the space needs a rotation before the next write (the leaver held the
     * current key); if none remain, the space is deleted.
     */
    async leave(userId: string, spaceId: string, body: z.infer<typeof LeaveBody>): Promise<void> {
      const membership = await requireMember(store, spaceId, userId, 'any');
      if (membership.kind === 'personal') throw new AppError('personal-space');
      const myKeys = await keysOf(userId);
      const result = await store.transaction(async (tx) => {
        const space = await tx.spaces.lockSpace(spaceId);
        if (!space) throw new AppError('not-found');
        const members = await tx.spaces.listMemberRows(spaceId);
        const me = members.find((m) => m.user_id === userId);
        if (!me) throw new AppError('not-found');
        const others = members.filter((m) => m.user_id !== userId);
        const noRounds: Notice[] = [];
        if (!others.some((m) => m.status === 'active')) {
          // Its rounds go with it (only active members take part, so nobody is left to tell).
          await tx.spaces.deleteSpace(spaceId);
          return { others: others.map((m) => m.user_id), deleted: true, rounds: noRounds };
        }
        const at = now();
        if (me.status === 'active') {
          // The others' apps move the space to a new key without me only on my signed word.
          if (!body.departure) throw new AppError('departure-required');
          const departure = fromB64url(body.departure);
          const log = await tx.spaces.listLog(spaceId);
          const statement = checkDeparture({ spaceId, member: myKeys, departure, logEntries: log.map((e) => e.entry) });
          await tx.spaces.insertDeparture({ space_id: spaceId, user_id: userId, statement: departure, created_at: at });
          // Taking back what I shared: gone from the server now, from the others' devices when
          // they next sync (they read the same signed departure).
          if (statement.erase) await tx.records.deleteAllOf(spaceId, userId);
        }
        const rounds = await cancelRoundsOfLeaver(tx, spaceId, userId, at);
        await tx.spaces.deleteMember(spaceId, userId);
        await tx.spaces.deleteKeysOf(spaceId, userId);
        await tx.invites.revokeOpenByCreator(spaceId, userId, at);
        if (me.status === 'active') await tx.spaces.setNeedsRotation(spaceId);
        return { others: others.map((m) => m.user_id), deleted: false, rounds };
      });
      await notify(deps, [userId], { spaceId, type: 'removed' });
      await notify(deps, result.others, { spaceId, type: result.deleted ? 'removed' : 'members' });
      for (const notice of result.rounds) await notify(deps, notice.userIds, notice.event);
    },

    /** Declines a pending join (its MAC did not verify on the members' devices). */
    async removePending(userId: string, spaceId: string, targetId: string): Promise<void> {
      await requireMember(store, spaceId, userId, 'active');
      const others = await store.transaction(async (tx) => {
        const space = await tx.spaces.lockSpace(spaceId);
        if (!space) throw new AppError('not-found');
        const members = await tx.spaces.listMemberRows(spaceId);
        const target = members.find((m) => m.user_id === targetId);
        if (!target) throw new AppError('not-found');
        if (target.status !== 'pending') throw new AppError('forbidden', 'Only a pending member can be removed; active members leave themselves.');
        await tx.spaces.deleteMember(spaceId, targetId);
        return members.filter((m) => m.user_id !== targetId).map((m) => m.user_id);
      });
      await notify(deps, [targetId], { spaceId, type: 'removed' });
      await notify(deps, others, { spaceId, type: 'members' });
    },
  };
}

export type SpacesService = ReturnType<typeof createSpacesService>;
