/**
 * The records lane (ADR 034): the two requests a synced device makes most, writing a record and
 * pulling a page of records, answered straight from node:http instead of through Hono's request
 * and response objects, middleware chain and validator wrappers (about a third of such a request's
 * time under load, ADR 033).
 *
 * It is the framework route in routes/records.routes.ts, taken apart: the same checks, in the
 * same order, by the same functions (host, CSRF, body limit, session and membership, zod schemas,
 * write rate, the records service, error rendering, security headers, metrics and the request log
 * line). A request it does not fully recognise (another method or path, a space id or query with
 * characters that would need decoding, an unusual Host) is left to the framework untouched, so the
 * lane never has to reproduce Hono's URL normalisation. records.lane.test.ts sends the same
 * requests, good and hostile, through both and compares the answers.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { getQueryParams } from 'hono/utils/url';
import { MAX_BODY_BYTES } from '../../shared/limits.ts';
import { RecordsQuery, SpaceIdParam, WriteRecordBody } from '../../shared/api.ts';
import { assertDeclaredLength, drainUnread, parseJsonBody, readIncoming } from '../http/body.ts';
import { assertSameOrigin } from '../http/csrf.ts';
import { renderError } from '../http/errors.ts';
import { hostChecker } from '../http/host-check.ts';
import type { RequestRecorder } from '../http/observe.ts';
import { type RequestLike, isHttps } from '../http/request-info.ts';
import { securityHeadersFor } from '../http/security-headers.ts';
import { checked } from '../http/validate.ts';
import type { RouteDeps } from './deps.ts';

/** The two routes, with a space id and a query that need no percent-decoding. */
const LANE_PATH = /^\/api\/spaces\/([0-9A-Za-z_-]{1,100})\/records(?:\?([0-9A-Za-z=&._~-]*))?$/;
/** A Host @hono/node-server takes as it is (its own test), so the URL below is the one it would build. */
const PLAIN_HOST = /^[a-z0-9._-]+(?::(?:[1-5]\d{3,4}|[6-9]\d{3}))?$/;
/** The metric labels the framework gives: its route pattern, or the middleware that refused. */
const ROUTE = '/api/spaces/:spaceId/records';
const BEFORE_ROUTE = { host: '/*', api: '/api/*' } as const;

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

export function recordsLane(deps: RouteDeps & { record: RequestRecorder }): (req: IncomingMessage, res: ServerResponse) => boolean {
  const { config, records, writeRate, sessionInSpace, logger, record } = deps;
  const checkHost = hostChecker(config);

  async function answer(req: IncomingMessage, res: ServerResponse, method: 'GET' | 'POST', rawSpaceId: string, path: string): Promise<void> {
    const started = performance.now();
    const url = `${(req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http'}://${req.headers.host}${req.url}`;
    const c: RequestLike = { req: { url, header: (name) => headerOf(req, name) } };
    const https = isHttps(c, config);
    let route: string = BEFORE_ROUTE.host;
    let status = 500;
    let setCookie: string | undefined;
    let out: { body: unknown; headers?: Record<string, string> };
    try {
      checkHost(c, path);
      route = BEFORE_ROUTE.api;
      assertSameOrigin(config, c, method);
      let bytes: Uint8Array | undefined;
      if (method === 'POST') {
        assertDeclaredLength(headerOf(req, 'content-length'), MAX_BODY_BYTES);
        bytes = await readIncoming(req, MAX_BODY_BYTES);
      }
      route = ROUTE;
      const session = await sessionInSpace(c, rawSpaceId);
      setCookie = session.setCookie;
      const { spaceId } = checked(SpaceIdParam, { spaceId: rawSpaceId });
      if (method === 'POST') {
        const { value } = parseJsonBody(headerOf(req, 'content-type'), bytes!);
        const body = checked(WriteRecordBody, value);
        writeRate.take(session.auth.userId);
        const result = await records.write(session.auth.userId, session.membership, spaceId, body);
        status = result.duplicate ? 200 : 201;
        out = { body: result };
      } else {
        const query = checked(RecordsQuery, queryOf(url));
        out = { body: await records.pull(session.membership, spaceId, query) };
        status = 200;
      }
    } catch (error) {
      const rendered = renderError(error, logger, method);
      status = rendered.status;
      out = rendered;
    }
    send(res, status, https, out, setCookie);
    if (method === 'POST' && !req.readableEnded) res.once('finish', () => drainUnread(req));
    record(method, route, status, (performance.now() - started) / 1000);
  }

  return (req, res) => {
    const method = req.method;
    if (method !== 'GET' && method !== 'POST') return false;
    const match = LANE_PATH.exec(req.url ?? '');
    const host = req.headers.host;
    if (!match || !host || !PLAIN_HOST.test(host)) return false;
    const url = req.url!;
    const query = url.indexOf('?');
    answer(req, res, method, match[1]!, query === -1 ? url : url.slice(0, query)).catch((error: unknown) => {
      // Only a failure to write the answer itself gets here (the socket went away).
      logger.warn({ err: { message: (error as Error).message } }, 'records lane: answer not sent');
      res.destroy();
    });
    return true;
  };
}

/** The framework's listener, with the records lane in front of it. */
export function withRecordsLane(lane: (req: IncomingMessage, res: ServerResponse) => boolean, framework: Listener): Listener {
  return (req, res) => {
    if (!lane(req, res)) framework(req, res);
  };
}

/**
 * A header as the framework's request reads it (@hono/node-server's Headers.get): every line of
 * that name, trimmed and joined (cookies with '; ', others with ', '), so a repeated header means
 * to the lane what it means to the route.
 */
const HTTP_WHITESPACE = /^[\t ]+|[\t ]+$/g;

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const separator = wanted === 'cookie' ? '; ' : ', ';
  const raw = req.rawHeaders;
  let value: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const rawName = raw[i]!;
    if (rawName.length === wanted.length && rawName.toLowerCase() === wanted) {
      const line = raw[i + 1]!.replace(HTTP_WHITESPACE, '');
      value = value === undefined ? line : value + separator + line;
    }
  }
  return value;
}

/** The query as hono's validator reads it: one value as itself, a repeated key as a list. */
function queryOf(url: string): Record<string, string | string[]> {
  const all = getQueryParams(url) as Record<string, string[]>;
  return Object.fromEntries(Object.entries(all).map(([key, values]) => [key, values.length === 1 ? values[0]! : values]));
}

function send(res: ServerResponse, status: number, https: boolean, out: { body: unknown; headers?: Record<string, string> }, setCookie: string | undefined): void {
  const text = JSON.stringify(out.body);
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of securityHeadersFor(https, true)) headers[name] = value;
  if (setCookie) headers['Set-Cookie'] = setCookie;
  Object.assign(headers, out.headers);
  headers['Content-Type'] = 'application/json';
  headers['Content-Length'] = Buffer.byteLength(text);
  res.writeHead(status, headers);
  res.end(text);
}
