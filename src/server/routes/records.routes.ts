import { Hono } from 'hono';
import { RecordsQuery, SpaceIdParam, WriteRecordBody } from '../../shared/api.ts';
import type { AppEnv } from '../context.ts';
import { requireJson } from '../http/body.ts';
import { validate } from '../http/validate.ts';
import type { RouteDeps } from './deps.ts';

/** Mounted at /api: the records log of a space. */
export function recordsRoutes(deps: RouteDeps) {
  const { records, requireSessionInSpace, writeRate } = deps;
  return new Hono<AppEnv>()
    .post('/spaces/:spaceId/records', requireSessionInSpace, validate('param', SpaceIdParam), requireJson, validate('json', WriteRecordBody), async (c) => {
      writeRate.take(c.var.auth.userId);
      const result = await records.write(c.var.auth.userId, c.var.membership, c.req.valid('param').spaceId, c.req.valid('json'));
      return c.json(result, result.duplicate ? 200 : 201);
    })
    .get('/spaces/:spaceId/records', requireSessionInSpace, validate('param', SpaceIdParam), validate('query', RecordsQuery), async (c) => {
      return c.json(await records.pull(c.var.membership, c.req.valid('param').spaceId, c.req.valid('query')), 200);
    });
}
