/**
 * Prometheus metrics on a registry per app instance (tests create many apps in one process).
 * Labels are route PATTERNS (/api/spaces/:spaceId/records), never raw URLs, so cardinality stays
 * bounded and no id or email ends up in a metric.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  sseConnections: Gauge;
  recordsWritten: Counter;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({
      name: 'innermost_http_requests_total',
      help: 'HTTP requests by method, route pattern and status.',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'innermost_http_request_duration_seconds',
      help: 'HTTP request duration by method, route pattern and status.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    sseConnections: new Gauge({
      name: 'innermost_sse_connections',
      help: 'Open Server-Sent Events streams.',
      registers: [registry],
    }),
    recordsWritten: new Counter({
      name: 'innermost_records_written_total',
      help: 'Records appended (duplicates of an idempotent retry not counted).',
      registers: [registry],
    }),
  };
}
