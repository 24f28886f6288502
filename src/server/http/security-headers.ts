/**
 * Security headers on every response (OWASP Secure Headers Project). The CSP allows only our own
 * origin; 'wasm-unsafe-eval' is needed by hash-wasm's Argon2id, blob: workers by the crypto worker.
 */
import type { ServerResponse } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import type { AppConfig } from '../context.ts';
import { isHttps } from './request-info.ts';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'browsing-topics=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'hid=()',
  'magnetometer=()',
  'gyroscope=()',
  'accelerometer=()',
].join(', ');

/** Two years, the HSTS preload minimum (https://hstspreload.org/#deployment-recommendations). */
const HSTS = 'max-age=63072000';

const STATIC_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['Permissions-Policy', PERMISSIONS_POLICY],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['X-Frame-Options', 'DENY'],
];

/** The headers every response carries: over HTTPS with HSTS; under /api never cached. */
export function securityHeadersFor(https: boolean, api: boolean): ReadonlyArray<readonly [string, string]> {
  return VARIANTS[(https ? 2 : 0) + (api ? 1 : 0)]!;
}

const VARIANTS = [false, true].flatMap((https) =>
  [false, true].map((api) => [
    ...STATIC_HEADERS,
    ...(https ? [['Strict-Transport-Security', HSTS] as const] : []),
    ...(api ? [['Cache-Control', 'no-store'] as const] : []),
  ]),
);

export function securityHeaders(config: AppConfig): MiddlewareHandler {
  return async (c, next) => {
    const headers = securityHeadersFor(isHttps(c, config), c.req.path.startsWith('/api/') || c.req.path === '/api');
    // On @hono/node-server, headers set on the Node response are merged into whatever response
    // the app returns, without building a Fetch Headers object per request. The app's response is
    // not looked at afterwards either: reading its headers turns node-server's lightweight response
    // into a full one (measured: 8-25% of a sync pull's throughput, ADR 033). Node lets the app's
    // own headers win, so no /api route sets Cache-Control but to no-store (the event stream does).
    const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
    if (outgoing && typeof outgoing.setHeader === 'function') {
      for (const [name, value] of headers) outgoing.setHeader(name, value);
      return next();
    }
    await next();
    for (const [name, value] of headers) c.res.headers.set(name, value);
  };
}
