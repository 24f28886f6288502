/**
 * Invites: single-use, expiring links to a shared space. The server holds SHA-256(token) where the
 * token is derived on the client from the invite secret in the link's fragment; it never sees the
 * secret. Accepting adds the joiner as a *pending* member with their MAC; a member's device
 * verifies the MAC and admits them with a key rotation.
 */
import type { z } from 'zod';
import type { AcceptInviteBody, CreateInviteBody, InviteInfo } from '../../shared/api.ts';
import { INVITE_TTL_MS, MAX_SPACE_MEMBERS } from '../../shared/limits.ts';
import { constantTimeEqual, fromB64url, sha256, toB64url } from '../crypto.ts';
import { AppError } from '../http/errors.ts';
import type { InviteRow } from '../repos/invites.repo.ts';
import { isUniqueViolation } from '../repos/db-errors.ts';
import type { Repos } from '../repos/store.ts';
import type { Limits } from '../limits.ts';
import { type ServiceDeps, notify, pushAfterCommit } from './common.ts';
import { requireMember } from './spaces.service.ts';

function inviteStatus(invite: InviteRow, at: number): InviteInfo['status'] {
  if (invite.revoked_at !== null) return 'revoked';
  if (invite.used_at !== null) return 'used';
  if (invite.expires_at <= at) return 'expired';
  return 'open';
}

function toInfo(invite: InviteRow, at: number): InviteInfo {
  return {
    id: invite.id,
    spaceId: invite.space_id,
    createdBy: invite.created_by,
    createdAt: invite.created_at,
    expiresAt: invite.expires_at,
    status: inviteStatus(invite, at),
    epoch: invite.epoch,
    sealedSecret: toB64url(invite.sealed_secret),
  };
}

const STATUS_ERROR = { revoked: 'invite-revoked', used: 'invite-used', expired: 'invite-expired' } as const;

/** The invite if the token matches, else 'invite-not-found'; then revoked > used > expired. */
export async function findOpenInvite(repos: Repos, inviteId: string, token: string, at: number): Promise<InviteRow> {
  const invite = await repos.invites.findById(inviteId);
  const presented = sha256(fromB64url(token));
  if (!invite || !constantTimeEqual(presented, invite.token_hash)) throw new AppError('invite-not-found');
  const status = inviteStatus(invite, at);
  if (status !== 'open') throw new AppError(STATUS_ERROR[status]);
  return invite;
}

export function createInvitesService(deps: ServiceDeps & { limits: Limits }) {
  const { store, now, limits } = deps;

  const openInvite = (inviteId: string, token: string) => findOpenInvite(store.repos, inviteId, token, now());

  async function activeMemberIds(spaceId: string): Promise<string[]> {
    const members = await store.repos.spaces.listMemberRows(spaceId);
    return members.filter((m) => m.status === 'active').map((m) => m.user_id);
  }

  return {
    async create(userId: string, spaceId: string, body: z.infer<typeof CreateInviteBody>): Promise<InviteInfo> {
      const membership = await requireMember(store, spaceId, userId, 'active');
      if (membership.kind === 'personal') throw new AppError('personal-space');
      const space = await store.repos.spaces.findSpace(spaceId);
      if (!space) throw new AppError('not-found');
      if (await store.repos.invites.idExists(body.id)) throw new AppError('id-taken');
      const at = now();
      if (limits.openInvitesPerPerson > 0 && (await store.repos.invites.countOpenBy(userId, at)) >= limits.openInvitesPerPerson) {
        throw new AppError('too-many-invites');
      }
      const row: InviteRow = {
        id: body.id,
        space_id: spaceId,
        created_by: userId,
        token_hash: fromB64url(body.tokenHash),
        sealed_secret: fromB64url(body.sealedSecret),
        epoch: space.epoch,
        created_at: at,
        expires_at: at + INVITE_TTL_MS,
        used_at: null,
        used_by: null,
        revoked_at: null,
      };
      try {
        await store.repos.invites.insert(row);
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('id-taken');
        throw error;
      }
      await notify(deps, await activeMemberIds(spaceId), { spaceId, type: 'invites' });
      return toInfo(row, at);
    },

    async list(userId: string, spaceId: string): Promise<InviteInfo[]> {
      await requireMember(store, spaceId, userId, 'active');
      const at = now();
      return (await store.repos.invites.listBySpace(spaceId)).map((i) => toInfo(i, at));
    },

    async revoke(userId: string, spaceId: string, inviteId: string): Promise<void> {
      await requireMember(store, spaceId, userId, 'active');
      const invite = await store.repos.invites.findById(inviteId);
      if (!invite || invite.space_id !== spaceId) throw new AppError('not-found');
      await store.repos.invites.revoke(spaceId, inviteId, now());
      await notify(deps, await activeMemberIds(spaceId), { spaceId, type: 'invites' });
    },

    async preview(inviteId: string, token: string): Promise<{ spaceId: string; expiresAt: number; memberCount: number }> {
      const invite = await openInvite(inviteId, token);
      const memberCount = await store.repos.spaces.countMembers(invite.space_id, 'active');
      return { spaceId: invite.space_id, expiresAt: invite.expires_at, memberCount };
    },

    /** Joins as a pending member; exactly one of any number of concurrent accepts wins. */
    async accept(userId: string, inviteId: string, body: z.infer<typeof AcceptInviteBody>): Promise<{ spaceId: string }> {
      const invite = await openInvite(inviteId, body.token);
      const spaceId = invite.space_id;
      const recipients = await store.transaction(async (tx) => {
        const space = await tx.spaces.lockSpace(spaceId);
        if (!space) throw new AppError('invite-not-found');
        const members = await tx.spaces.listMemberRows(spaceId);
        if (members.some((m) => m.user_id === userId)) throw new AppError('already-member');
        if (members.length >= MAX_SPACE_MEMBERS) throw new AppError('forbidden', 'This space is full.');
        const at = now();
        if (!(await tx.invites.markUsed(inviteId, userId, at))) {
          const current = await tx.invites.findById(inviteId);
          const status = current ? inviteStatus(current, at) : 'revoked';
          throw new AppError(status === 'open' ? 'invite-used' : STATUS_ERROR[status]);
        }
        await tx.spaces.insertMember({
          space_id: spaceId,
          user_id: userId,
          status: 'pending',
          invite_id: inviteId,
          join_mac: fromB64url(body.mac),
          joined_at: at,
        });
        return members.filter((m) => m.status === 'active').map((m) => m.user_id);
      });
      await notify(deps, recipients, { spaceId, type: 'members' });
      // Wakes the members' devices so one of them confirms the newcomer (ADR 004) without waiting for an app to be opened.
      await pushAfterCommit(deps, 'joined', recipients, spaceId);
      return { spaceId };
    },
  };
}

export type InvitesService = ReturnType<typeof createInvitesService>;
