/**
 * Cross-site request forgery defence for every state-changing /api request (OWASP CSRF Prevention
 * Cheat Sheet: "Verifying Origin with standard headers" and Fetch Metadata):
 *
 * - if `Sec-Fetch-Site` is present it must be `same-origin` or `none` (a user typing/bookmarking);
 *   `same-site` and `cross-site` are refused;
 * - if `Origin` is present it must equal PUBLIC_ORIGIN or the request's own origin (`null` is
 *   refused);
 * - a request with neither header is allowed: every browser that can carry our cookie sends at
 *   least one of them on a non-GET request, so such a request comes from a non-browser client
 *   (curl, a script, app.request in tests), which cannot be forged cross-site.
 *
 * The session cookie is also SameSite=Strict, a second, independent layer.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppConfig } from '../context.ts';
import { AppError } from './errors.ts';
import { type RequestLike, requestOrigin } from './request-info.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Throws 'csrf-rejected' for a state-changing request another site may have sent. */
export function assertSameOrigin(config: AppConfig, c: RequestLike, method: string): void {
  if (SAFE_METHODS.has(method)) return;
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') throw new AppError('csrf-rejected');
  const origin = c.req.header('origin');
  if (origin !== undefined && origin !== config.publicOrigin && origin !== requestOrigin(c, config)) {
    throw new AppError('csrf-rejected');
  }
}

export function csrfProtection(config: AppConfig): MiddlewareHandler {
  return async (c, next) => {
    assertSameOrigin(config, c, c.req.method);
    await next();
  };
}
