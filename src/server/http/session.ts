/**
 * The session cookie: an opaque random 32-byte token (base64url); the database keeps only its
 * SHA-256, so a database leak yields no usable session. Over HTTPS the name carries the `__Host-`
 * prefix (Secure, Path=/, no Domain: it cannot be set or overwritten by a sibling subdomain,
 * RFC 6265bis section 4.1.3.2). HttpOnly (no script access) and SameSite=Strict (never sent on
 * cross-site requests). Expiry is enforced on the server; Max-Age only tidies the browser.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { SESSION_TTL_MS } from '../../shared/limits.ts';
import type { AppConfig, AppEnv } from '../context.ts';
import type { AuthService } from '../services/auth.service.ts';
import { AppError } from './errors.ts';
import { isHttps } from './request-info.ts';

const SECURE_COOKIE_NAME = '__Host-innermost_session';
const PLAIN_COOKIE_NAME = 'innermost_session';

function sessionCookieName(c: Context, config: AppConfig): string {
  return isHttps(c, config) ? SECURE_COOKIE_NAME : PLAIN_COOKIE_NAME;
}

function serialize(name: string, value: string, maxAgeSeconds: number, secure: boolean): string {
  const parts = [`${name}=${value}`, `Max-Age=${maxAgeSeconds}`, 'Path=/', 'HttpOnly', 'SameSite=Strict'];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

export function setSessionCookie(c: Context, config: AppConfig, token: string, expiresAt: number, now: number): void {
  const name = sessionCookieName(c, config);
  const maxAge = Math.max(0, Math.round(Math.min(expiresAt - now, SESSION_TTL_MS) / 1000));
  c.header('Set-Cookie', serialize(name, token, maxAge, name === SECURE_COOKIE_NAME), { append: true });
}

export function clearSessionCookie(c: Context, config: AppConfig): void {
  const name = sessionCookieName(c, config);
  c.header('Set-Cookie', serialize(name, '', 0, name === SECURE_COOKIE_NAME), { append: true });
}

/** Only the cookie name expected for this transport is read (see the __Host- note above). */
function readSessionToken(c: Context, config: AppConfig): string | undefined {
  return getCookie(c, sessionCookieName(c, config));
}

export function sessionMiddleware(deps: { config: AppConfig; auth: AuthService; now: () => number }) {
  /** The request's valid session (its cookie refreshed when due), or null. */
  async function currentSession(c: Context): Promise<{ userId: string; sessionId: string; expiresAt: number } | null> {
    const token = readSessionToken(c, deps.config);
    const session = token ? await deps.auth.authenticate(token) : null;
    if (!session || !token) return null;
    if (session.refreshed) setSessionCookie(c, deps.config, token, session.expiresAt, deps.now());
    return { userId: session.userId, sessionId: session.sessionId, expiresAt: session.expiresAt };
  }

  /**
   * requireSession for routes under /spaces/:spaceId: the session and the caller's membership of
   * that space are read in one statement; the membership (null: none) is exposed as
   * c.var.membership for the service to judge. The param is only a bound value here; the route
   * still validates it.
   */
  const requireSessionInSpace: MiddlewareHandler<AppEnv> = async (c, next) => {
    const token = readSessionToken(c, deps.config);
    const session = token ? await deps.auth.authenticateInSpace(token, c.req.param('spaceId') ?? '') : null;
    if (!session || !token) throw new AppError('unauthenticated');
    if (session.refreshed) setSessionCookie(c, deps.config, token, session.expiresAt, deps.now());
    c.set('auth', { userId: session.userId, sessionId: session.sessionId, expiresAt: session.expiresAt });
    c.set('membership', session.membership);
    await next();
  };

  /** Requires a valid session ('unauthenticated' otherwise) and exposes it as c.var.auth. */
  const requireSession: MiddlewareHandler<AppEnv> = async (c, next) => {
    const session = await currentSession(c);
    if (!session) throw new AppError('unauthenticated');
    c.set('auth', session);
    await next();
  };
  return { requireSession, requireSessionInSpace, currentSession };
}
