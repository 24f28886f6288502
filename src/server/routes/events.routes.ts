/**
 * GET /api/events: one Server-Sent Events stream per signed-in client. Each event's data is a
 * LiveEvent (which space changed and how, never what); clients react by pulling. A comment line
 * every heartbeat keeps proxies from closing the idle connection and re-checks the session, so a
 * signed-out or revoked session's stream ends within one heartbeat.
 */
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { LiveEvent } from '../../shared/api.ts';
import { SSE_HEARTBEAT_MS } from '../../shared/limits.ts';
import type { AppEnv } from '../context.ts';
import type { RouteDeps } from './deps.ts';

/** A client that stops reading is dropped rather than buffered without bound. */
const MAX_PENDING_WRITES = 256;

export function eventsRoutes(deps: RouteDeps) {
  const { notifier, requireSession, auth, lifecycle, metrics, config, logger, streams } = deps;
  const heartbeatMs = config.sseHeartbeatMs ?? SSE_HEARTBEAT_MS;

  return new Hono<AppEnv>().get('/events', requireSession, (c) => {
    const { userId, sessionId } = c.var.auth;
    c.header('X-Accel-Buffering', 'no');
    const response = streamSSE(c, async (stream) => {
      metrics.sseConnections.inc();
      let finish!: () => void;
      const finished = new Promise<void>((resolve) => {
        finish = resolve;
      });
      let pending = 0;
      const unsubscribe = notifier.subscribe(userId, (event: LiveEvent) => {
        if (stream.aborted || stream.closed) return;
        if (pending >= MAX_PENDING_WRITES) {
          finish();
          return;
        }
        pending++;
        void stream.writeSSE({ data: JSON.stringify(event) }).finally(() => {
          pending--;
        });
      });
      const heartbeat = setInterval(() => {
        void auth
          .sessionAlive(sessionId)
          .then((alive) => {
            if (alive) void stream.write(': ping\n\n');
            else finish();
          })
          .catch(() => {});
      }, heartbeatMs);
      heartbeat.unref?.();
      const unregister = lifecycle.onShutdown(() => finish());
      // Past the session's cap, the oldest of its streams ends here (ADR 030).
      const release = streams.open(sessionId, () => finish());
      stream.onAbort(() => finish());
      try {
        // Sent at once: tells the client the stream is open (and subscribed) and how fast to retry.
        await stream.write('retry: 3000\n: connected\n\n');
        await finished;
      } finally {
        clearInterval(heartbeat);
        unsubscribe();
        unregister();
        release();
        metrics.sseConnections.dec();
      }
    }, async (error) => {
      logger.warn({ err: { name: error.name, message: error.message } }, 'event stream failed');
    });
    // streamSSE says no-cache; like every /api answer, the stream is no-store (never kept at all).
    response.headers.set('Cache-Control', 'no-store');
    return response;
  });
}
