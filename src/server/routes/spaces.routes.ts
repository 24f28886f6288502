import { Hono } from 'hono';
import { CreateSpaceBody, LeaveBody, RotateBody, SpaceIdParam, SpaceMemberParam } from '../../shared/api.ts';
import type { AppEnv } from '../context.ts';
import { requireJson } from '../http/body.ts';
import { validate } from '../http/validate.ts';
import type { RouteDeps } from './deps.ts';

export function spacesRoutes(deps: RouteDeps) {
  const { spaces, requireSession, writeRate } = deps;
  return new Hono<AppEnv>()
    .get('/', requireSession, async (c) => {
      return c.json({ spaces: await spaces.list(c.var.auth.userId) }, 200);
    })
    .post('/', requireSession, requireJson, validate('json', CreateSpaceBody), async (c) => {
      writeRate.take(c.var.auth.userId);
      return c.json(await spaces.create(c.var.auth.userId, c.req.valid('json')), 201);
    })
    .get('/:spaceId', requireSession, validate('param', SpaceIdParam), async (c) => {
      return c.json(await spaces.get(c.var.auth.userId, c.req.valid('param').spaceId), 200);
    })
    .post('/:spaceId/epochs', requireSession, validate('param', SpaceIdParam), requireJson, validate('json', RotateBody), async (c) => {
      return c.json(await spaces.rotate(c.var.auth.userId, c.req.valid('param').spaceId, c.req.valid('json')), 200);
    })
    .post('/:spaceId/leave', requireSession, validate('param', SpaceIdParam), requireJson, validate('json', LeaveBody), async (c) => {
      await spaces.leave(c.var.auth.userId, c.req.valid('param').spaceId, c.req.valid('json'));
      return c.body(null, 204);
    })
    .delete('/:spaceId/members/:userId', requireSession, validate('param', SpaceMemberParam), async (c) => {
      const { spaceId, userId } = c.req.valid('param');
      await spaces.removePending(c.var.auth.userId, spaceId, userId);
      return c.body(null, 204);
    });
}
