/**
 * The load generator: autocannon in its own process (forked by bench/load.ts), so the server
 * under test shares no event loop with its clients. It waits for a scenario on the IPC channel,
 * runs it, and answers with the count, the wall time and every 2xx latency (autocannon's own
 * histogram keeps whole milliseconds; our p99s are below 10 ms, so we keep the exact values).
 */
import autocannon from 'autocannon';
import { uuidv7 } from '../src/shared/ids.ts';

export interface LoadRequest {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  /** JSON text; every `__UUID7__` in it is replaced by a fresh UUIDv7 per request. */
  body?: string;
}

export interface LoadSpec {
  /** Origin, e.g. http://127.0.0.1:1234. */
  origin: string;
  /** Replayed in turn (one connection takes the next one for each request). */
  requests: LoadRequest[];
  expectStatus: number;
  connections: number;
  durationMs: number;
}

export interface LoadResult {
  count: number;
  seconds: number;
  latencies: number[];
  unexpected: number;
  errors: number;
  firstUnexpected?: string;
}

async function run(spec: LoadSpec): Promise<LoadResult> {
  let next = 0;
  const latencies: number[] = [];
  let unexpected = 0;
  let firstUnexpected: string | undefined;
  const requests = [
    {
      setupRequest: (req: Record<string, unknown>) => {
        const r = spec.requests[next++ % spec.requests.length]!;
        return {
          ...req,
          path: r.path,
          method: r.method ?? 'GET',
          headers: r.headers ?? {},
          body: r.body ? r.body.replaceAll('__UUID7__', () => uuidv7()) : undefined,
        };
      },
    },
  ];
  const started = performance.now();
  const instance = autocannon({
    url: spec.origin,
    connections: spec.connections,
    duration: spec.durationMs / 1000,
    requests,
    // Each response arrives whole before the next request on its connection (no pipelining).
    pipelining: 1,
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode === spec.expectStatus) latencies.push(responseTime);
    else {
      unexpected++;
      firstUnexpected ??= `status ${statusCode}`;
    }
  });
  const result = (await instance) as { errors: number; timeouts: number };
  const seconds = (performance.now() - started) / 1000;
  return { count: latencies.length, seconds, latencies, unexpected, errors: result.errors + result.timeouts, firstUnexpected };
}

process.on('message', (spec: LoadSpec) => {
  run(spec).then(
    (result) => process.send!(result),
    (error: Error) => process.send!({ error: error.message }),
  );
});
process.on('disconnect', () => process.exit(0));
