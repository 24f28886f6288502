import { Hono } from 'hono';
import {
  AcceptInviteBody,
  CreateInviteBody,
  InviteIdParam,
  InviteTokenBody,
  SpaceIdParam,
  SpaceInviteParam,
} from '../../shared/api.ts';
import type { AppEnv } from '../context.ts';
import { requireJson } from '../http/body.ts';
import { clientAddress } from '../http/request-info.ts';
import { validate } from '../http/validate.ts';
import type { LockoutKey } from '../http/lockout.ts';
import type { RouteDeps } from './deps.ts';

/** Mounted at /api: invites of a space, and the invite links themselves. */
export function invitesRoutes(deps: RouteDeps) {
  const { invites, requireSession, currentSession, lockout, writeRate, config } = deps;
  /** Only wrong tokens count; a signed-in person is held back by their own failures only. */
  const INVITE_FAILURES = ['invite-not-found'] as const;
  const guardInvite = <T>(key: LockoutKey, attempt: () => Promise<T>) => lockout.guard('invite', [key], INVITE_FAILURES, attempt);

  return new Hono<AppEnv>()
    .post('/spaces/:spaceId/invites', requireSession, validate('param', SpaceIdParam), requireJson, validate('json', CreateInviteBody), async (c) => {
      writeRate.take(c.var.auth.userId);
      const invite = await invites.create(c.var.auth.userId, c.req.valid('param').spaceId, c.req.valid('json'));
      return c.json({ invite }, 201);
    })
    .get('/spaces/:spaceId/invites', requireSession, validate('param', SpaceIdParam), async (c) => {
      return c.json({ invites: await invites.list(c.var.auth.userId, c.req.valid('param').spaceId) }, 200);
    })
    .delete('/spaces/:spaceId/invites/:inviteId', requireSession, validate('param', SpaceInviteParam), async (c) => {
      const { spaceId, inviteId } = c.req.valid('param');
      await invites.revoke(c.var.auth.userId, spaceId, inviteId);
      return c.body(null, 204);
    })
    .post('/invites/:inviteId/preview', validate('param', InviteIdParam), requireJson, validate('json', InviteTokenBody), async (c) => {
      const { inviteId } = c.req.valid('param');
      const session = await currentSession(c);
      const key: LockoutKey = session ? { kind: 'user', value: session.userId } : { kind: 'address', value: clientAddress(c, config) };
      return c.json(await guardInvite(key, () => invites.preview(inviteId, c.req.valid('json').token)), 200);
    })
    .post('/invites/:inviteId/accept', requireSession, validate('param', InviteIdParam), requireJson, validate('json', AcceptInviteBody), async (c) => {
      const { inviteId } = c.req.valid('param');
      const userId = c.var.auth.userId;
      return c.json(await guardInvite({ kind: 'user', value: userId }, () => invites.accept(userId, inviteId, c.req.valid('json'))), 200);
    });
}
