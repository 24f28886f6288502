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

const PROBES = new Set(['/healthz', '/readyz']);

export function hostCheck(config: AppConfig): MiddlewareHandler {
  const expected = config.publicOrigin ? new URL(config.publicOrigin).host : undefined;
  return async (c, next) => {
    if (expected && !PROBES.has(c.req.path)) {
      const forwarded = config.trustProxy ? c.req.header('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
      const host = (forwarded || c.req.header('host') || new URL(c.req.url).host).toLowerCase();
      if (host !== expected) throw new AppError('wrong-host');
    }
    await next();
  };
}
