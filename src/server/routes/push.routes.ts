import { Hono } from 'hono';
import { PushPingBody, PushScheduleBody, PushScheduleParam, PushSubscriptionBody, SpaceIdParam } from '../../shared/api.ts';
import type { AppEnv } from '../context.ts';
import { requireJson } from '../http/body.ts';
import { validate } from '../http/validate.ts';
import type { RouteDeps } from './deps.ts';

/** Mounted at /api: Web Push key, this device's subscription, and partner pings. */
export function pushRoutes(deps: RouteDeps) {
  const { push, requireSession } = deps;
  return new Hono<AppEnv>()
    .get('/push/key', (c) => c.json({ publicKey: push.publicKey() }, 200))
    .put('/push/subscription', requireSession, requireJson, validate('json', PushSubscriptionBody), async (c) => {
      await push.subscribe(c.var.auth, c.req.valid('json'));
      return c.json({ ok: true as const }, 200);
    })
    .delete('/push/subscription', requireSession, async (c) => {
      await push.unsubscribe(c.var.auth.sessionId);
      return c.json({ ok: true as const }, 200);
    })
    .post('/spaces/:spaceId/push', requireSession, validate('param', SpaceIdParam), requireJson, validate('json', PushPingBody), async (c) => {
      await push.ping(c.var.auth.userId, c.req.valid('param').spaceId, c.req.valid('json'));
      return c.json({ ok: true as const }, 202);
    })
    .post('/spaces/:spaceId/push/schedule', requireSession, validate('param', SpaceIdParam), requireJson, validate('json', PushScheduleBody), async (c) => {
      await push.schedule(c.var.auth.userId, c.req.valid('param').spaceId, c.req.valid('json'));
      return c.json({ ok: true as const }, 202);
    })
    .delete('/spaces/:spaceId/push/schedule/:id', requireSession, validate('param', PushScheduleParam), async (c) => {
      const { spaceId, id } = c.req.valid('param');
      await push.unschedule(c.var.auth.userId, spaceId, id);
      return c.json({ ok: true as const }, 200);
    });
}
