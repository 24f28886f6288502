/** Liveness, readiness and metrics, outside /api (no session, no CSRF, no body). */
import { Hono } from 'hono';
import type { Database } from '../db/open.ts';
import { AppError } from '../http/errors.ts';
import { constantTimeEqual, sha256 } from '../crypto.ts';
import type { RouteDeps } from './deps.ts';

export function opsRoutes(deps: RouteDeps & { database: Database }) {
  const { lifecycle, database, metrics, config } = deps;
  const token = config.metricsToken ? sha256(config.metricsToken) : undefined;
  return new Hono()
    .get('/healthz', (c) => c.json({ status: 'ok' }, 200))
    .get('/readyz', async (c) => {
      if (lifecycle.shuttingDown) throw new AppError('unavailable', 'Shutting down.');
      try {
        await database.ping();
      } catch {
        throw new AppError('unavailable', 'The database is not reachable.');
      }
      return c.json({ status: 'ready' }, 200);
    })
    // Off unless METRICS_TOKEN is set; then only `Authorization: Bearer <token>` reads it.
    .get('/metrics', async (c) => {
      if (!token) throw new AppError('not-found');
      const presented = /^Bearer (\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
      if (!presented || !constantTimeEqual(sha256(presented), token)) throw new AppError('unauthenticated');
      const body = await metrics.registry.metrics();
      return c.body(body, 200, { 'Content-Type': metrics.registry.contentType });
    });
}
