import { Hono } from 'hono';
import { ComfortRunParam, CreateComfortRunBody, PostComfortMessageBody, SpaceIdParam } from '../../shared/api.ts';
import type { AppEnv } from '../context.ts';
import { requireJson } from '../http/body.ts';
import { validate } from '../http/validate.ts';
import type { RouteDeps } from './deps.ts';

/** Mounted at /api: comfort matches (the gated two-party exchange, ADR 026) of a space. */
export function comfortRoutes(deps: RouteDeps) {
  const { comfort, requireSession } = deps;
  return new Hono<AppEnv>()
    .post('/spaces/:spaceId/comfort-runs', requireSession, validate('param', SpaceIdParam), requireJson, validate('json', CreateComfortRunBody), async (c) => {
      const run = await comfort.create(c.var.auth.userId, c.req.valid('param').spaceId, c.req.valid('json'));
      return c.json({ run }, 201);
    })
    .get('/spaces/:spaceId/comfort-runs', requireSession, validate('param', SpaceIdParam), async (c) => {
      return c.json({ runs: await comfort.list(c.var.auth.userId, c.req.valid('param').spaceId) }, 200);
    })
    .get('/spaces/:spaceId/comfort-runs/:runId', requireSession, validate('param', ComfortRunParam), async (c) => {
      const { spaceId, runId } = c.req.valid('param');
      return c.json(await comfort.get(c.var.auth.userId, spaceId, runId), 200);
    })
    .post('/spaces/:spaceId/comfort-runs/:runId/messages', requireSession, validate('param', ComfortRunParam), requireJson, validate('json', PostComfortMessageBody), async (c) => {
      const { spaceId, runId } = c.req.valid('param');
      return c.json({ run: await comfort.post(c.var.auth.userId, spaceId, runId, c.req.valid('json')) }, 201);
    })
    .post('/spaces/:spaceId/comfort-runs/:runId/decline', requireSession, validate('param', ComfortRunParam), async (c) => {
      const { spaceId, runId } = c.req.valid('param');
      return c.json({ run: await comfort.decline(c.var.auth.userId, spaceId, runId) }, 200);
    });
}
