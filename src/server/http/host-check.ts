/**
 * DNS rebinding defence: with PUBLIC_ORIGIN set, every request must be addressed to its host. A
 * page on another name that rebinds its DNS to this server's address sends its own name in Host,
 * and its fetches count as same-origin in the browser, so the CSRF check alone would let it drive
 * the signed-out routes (sign-up, sign-in, invites) from a victim's network. Behind TRUST_PROXY,
 * X-Forwarded-Host (when the proxy sets it) is what the browser asked for. Health probes are
 * exempt: load balancers call them by address.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppConfig } from '../context.ts';
import { AppError } from './errors.ts';
import type { RequestLike } from './request-info.ts';

const PROBES = new Set(['/healthz', '/readyz']);

/** Throws 'wrong-host' for a request to `path` not addressed to PUBLIC_ORIGIN's host (when set). */
export function hostChecker(config: AppConfig): (c: RequestLike, path: string) => void {
  const expected = config.publicOrigin ? new URL(config.publicOrigin).host : undefined;
  return (c, path) => {
    if (expected && !PROBES.has(path)) {
      const forwarded = config.trustProxy ? c.req.header('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
      const host = (forwarded || c.req.header('host') || new URL(c.req.url).host).toLowerCase();
      if (host !== expected) throw new AppError('wrong-host');
    }
  };
}

export function hostCheck(config: AppConfig): MiddlewareHandler {
  const check = hostChecker(config);
  return async (c, next) => {
    check(c, c.req.path);
    await next();
  };
}
