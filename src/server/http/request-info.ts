/**
 * What the app may believe about a request's transport. X-Forwarded-* headers are honoured only
 * with TRUST_PROXY, i.e. behind a proxy that sets them; otherwise any client could forge them.
 */
import type { AppConfig } from '../context.ts';

/**
 * What these functions read of a request: a Hono Context is one, and so is what the records lane
 * (routes/records.lane.ts) builds from a bare node:http request.
 */
export interface RequestLike {
  req: { url: string; header(name: string): string | undefined };
  env?: unknown;
}

function forwardedProto(c: RequestLike, config: AppConfig): string | undefined {
  if (!config.trustProxy) return undefined;
  return c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
}

/** The request reached us over HTTPS (directly, via a trusted proxy) or the public origin is HTTPS. */
export function isHttps(c: RequestLike, config: AppConfig): boolean {
  if (config.publicOrigin?.startsWith('https:')) return true;
  const proto = forwardedProto(c, config);
  if (proto) return proto === 'https';
  return c.req.url.startsWith('https:');
}

/** The origin this request was addressed to (scheme from the trusted proxy when there is one). */
export function requestOrigin(c: RequestLike, config: AppConfig): string {
  const url = new URL(c.req.url);
  const proto = forwardedProto(c, config);
  if (proto === 'https' || proto === 'http') return `${proto}://${url.host}`;
  return url.origin;
}

/**
 * The client's address for rate limiting. Behind a trusted proxy: the right-most X-Forwarded-For
 * entry, the one our proxy appended (entries to its left come from the client and can be forged).
 * Assumes one proxy hop.
 */
export function clientAddress(c: RequestLike, config: AppConfig): string {
  if (config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    const last = forwarded?.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
    if (last) return last.slice(0, 64);
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
