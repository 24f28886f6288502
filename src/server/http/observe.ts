/**
 * One metric sample per request, and one log line: method, route PATTERN, status, duration. Never
 * the raw URL (/api/auth/params carries an email in its query), a header, a cookie or a body.
 *
 * The line is at debug level for answers below 500 (ADR 033: writing it cost 6-14% of the CPU of
 * a hot-path request, and the metrics already count every request); a 5xx answer's line stays at
 * error level, next to the 'unhandled error' line onError writes with the cause.
 */
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics.ts';

/** Counts and times one answered request, and logs it (see above). Shared with the records lane. */
export function requestRecorder(logger: Logger, metrics: Metrics): (method: string, route: string, status: number, seconds: number) => void {
  // Label sets are few (methods x route patterns x statuses); resolving a metric child hashes its
  // labels, so the children are kept.
  const children = new Map<string, { count: { inc(): void }; duration: { observe(value: number): void } }>();
  const child = (method: string, route: string, status: number) => {
    const key = `${method} ${route} ${status}`;
    let found = children.get(key);
    if (!found) {
      const labels = { method, route, status: String(status) };
      found = { count: metrics.httpRequests.labels(labels), duration: metrics.httpDuration.labels(labels) };
      children.set(key, found);
    }
    return found;
  };
  return (method, route, status, seconds) => {
    const metric = child(method, route, status);
    metric.count.inc();
    metric.duration.observe(seconds);
    if (status >= 500) logger.error({ method, route, status, durationMs: Math.round(seconds * 10000) / 10 }, 'request');
    else if (logger.isLevelEnabled('debug')) logger.debug({ method, route, status, durationMs: Math.round(seconds * 10000) / 10 }, 'request');
  };
}

export type RequestRecorder = ReturnType<typeof requestRecorder>;

export function observe(record: RequestRecorder): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const status = c.res.status;
      // The pattern of the handler that answered; requests that matched no route get a fixed label.
      let route = routePath(c) || 'unmatched';
      if (route === '/*' || route === '*') route = status === 404 ? 'unmatched' : route;
      record(c.req.method, route, status, (performance.now() - started) / 1000);
    }
  };
}
