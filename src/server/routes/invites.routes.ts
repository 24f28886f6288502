import { Hono } from 'hono';
import {
  AcceptInviteBody,
  CreateInviteBody,
  InviteIdParam,
  InviteTokenBody,
  SpaceIdParam,
  SpaceInviteParam,
} from '../../shared/api.ts';
import { RATE_LIMIT_INVITE_MAX } from '../../shared/limits.ts';
import type { AppEnv } from '../context.ts';
import { requireJson } from '../http/body.ts';
import { clientAddress } from '../http/request-info.ts';
import { validate } from '../http/validate.ts';
import type { RouteDeps } from './deps.ts';

/** Mounted at /api: invites of a space, and the invite links themselves. */
export function invitesRoutes(deps: RouteDeps) {
  const { invites, requireSession, rateLimiter, config } = deps;
  const limit = (c: Parameters<typeof clientAddress>[0], route: string, inviteId: string) =>
    rateLimiter.hit(route, RATE_LIMIT_INVITE_MAX, [
      { kind: 'address', value: clientAddress(c, config) },
      { kind: 'invite', value: inviteId },
    ]);

  return new Hono<AppEnv>()
    .post('/spaces/:spaceId/invites', requireSession, validate('param', SpaceIdParam), requireJson, validate('json', CreateInviteBody), async (c) => {
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
      await limit(c, 'invites/preview', inviteId);
      return c.json(await invites.preview(inviteId, c.req.valid('json').token), 200);
    })
    .post('/invites/:inviteId/accept', requireSession, validate('param', InviteIdParam), requireJson, validate('json', AcceptInviteBody), async (c) => {
      const { inviteId } = c.req.valid('param');
      await limit(c, 'invites/accept', inviteId);
      return c.json(await invites.accept(c.var.auth.userId, inviteId, c.req.valid('json')), 200);
    });
}
