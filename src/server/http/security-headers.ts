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

const STATIC_HEADERS: Array<[string, string]> = [
  ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['Permissions-Policy', PERMISSIONS_POLICY],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['X-Frame-Options', 'DENY'],
];

export function securityHeaders(config: AppConfig): MiddlewareHandler {
  return async (c, next) => {
    const api = c.req.path.startsWith('/api/') || c.req.path === '/api';
    const https = isHttps(c, config);
    // On @hono/node-server, headers set on the Node response are merged into whatever response
    // the app returns, without building a Fetch Headers object per request. The app's response is
    // not looked at afterwards either: reading its headers turns node-server's lightweight response
    // into a full one (measured: 8-25% of a sync pull's throughput, ADR 033). Node lets the app's
    // own headers win, so no /api route sets Cache-Control but to no-store (the event stream does).
    const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
    if (outgoing && typeof outgoing.setHeader === 'function') {
      for (const [name, value] of STATIC_HEADERS) outgoing.setHeader(name, value);
      if (https) outgoing.setHeader('Strict-Transport-Security', HSTS);
      if (api) outgoing.setHeader('Cache-Control', 'no-store');
      return next();
    }
    await next();
    const h = c.res.headers;
    for (const [name, value] of STATIC_HEADERS) h.set(name, value);
    if (https) h.set('Strict-Transport-Security', HSTS);
    if (api) h.set('Cache-Control', 'no-store');
  };
}
