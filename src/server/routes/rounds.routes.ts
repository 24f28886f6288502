import { Hono } from 'hono';
import { CreateRoundBody, RoundParam, SpaceIdParam, SubmitRoundBody } from '../../shared/api.ts';
import type { AppEnv } from '../context.ts';
import { requireJson } from '../http/body.ts';
import { validate } from '../http/validate.ts';
import type { RouteDeps } from './deps.ts';

/** Mounted at /api: the rounds (reveal gate) of a space. */
export function roundsRoutes(deps: RouteDeps) {
  const { rounds, requireSession, writeRate } = deps;
  return new Hono<AppEnv>()
    .post('/spaces/:spaceId/rounds', requireSession, validate('param', SpaceIdParam), requireJson, validate('json', CreateRoundBody), async (c) => {
      writeRate.take(c.var.auth.userId);
      const round = await rounds.create(c.var.auth.userId, c.req.valid('param').spaceId, c.req.valid('json'));
      return c.json({ round }, 201);
    })
    .get('/spaces/:spaceId/rounds', requireSession, validate('param', SpaceIdParam), async (c) => {
      return c.json({ rounds: await rounds.list(c.var.auth.userId, c.req.valid('param').spaceId) }, 200);
    })
    .get('/spaces/:spaceId/rounds/:roundId', requireSession, validate('param', RoundParam), async (c) => {
      const { spaceId, roundId } = c.req.valid('param');
      return c.json(await rounds.get(c.var.auth.userId, spaceId, roundId), 200);
    })
    .post('/spaces/:spaceId/rounds/:roundId/submission', requireSession, validate('param', RoundParam), requireJson, validate('json', SubmitRoundBody), async (c) => {
      const { spaceId, roundId } = c.req.valid('param');
      writeRate.take(c.var.auth.userId);
      const round = await rounds.submit(c.var.auth.userId, spaceId, roundId, c.req.valid('json'));
      return c.json({ round }, 201);
    })
    .post('/spaces/:spaceId/rounds/:roundId/withdraw', requireSession, validate('param', RoundParam), async (c) => {
      const { spaceId, roundId } = c.req.valid('param');
      return c.json({ round: await rounds.withdraw(c.var.auth.userId, spaceId, roundId) }, 200);
    });
}
