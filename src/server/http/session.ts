/**
 * The session cookie: an opaque random 32-byte token (base64url); the database keeps only its
 * SHA-256, so a database leak yields no usable session. Over HTTPS the name carries the `__Host-`
 * prefix (Secure, Path=/, no Domain: it cannot be set or overwritten by a sibling subdomain,
 * RFC 6265bis section 4.1.3.2). HttpOnly (no script access) and SameSite=Strict (never sent on
 * cross-site requests). Expiry is enforced on the server; Max-Age only tidies the browser.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { parse as parseCookies } from 'hono/utils/cookie';
import { SESSION_TTL_MS } from '../../shared/limits.ts';
import type { AppConfig, AppEnv } from '../context.ts';
import type { AuthService } from '../services/auth.service.ts';
import { AppError } from './errors.ts';
import { type RequestLike, isHttps } from './request-info.ts';
import type { SpaceMembership } from '../services/auth.service.ts';

const SECURE_COOKIE_NAME = '__Host-innermost_session';
const PLAIN_COOKIE_NAME = 'innermost_session';

function sessionCookieName(c: RequestLike, config: AppConfig): string {
  return isHttps(c, config) ? SECURE_COOKIE_NAME : PLAIN_COOKIE_NAME;
}

function serialize(name: string, value: string, maxAgeSeconds: number, secure: boolean): string {
  const parts = [`${name}=${value}`, `Max-Age=${maxAgeSeconds}`, 'Path=/', 'HttpOnly', 'SameSite=Strict'];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

/** The Set-Cookie value that hands out (or renews) `token` until `expiresAt`. */
function sessionCookie(c: RequestLike, config: AppConfig, token: string, expiresAt: number, now: number): string {
  const name = sessionCookieName(c, config);
  const maxAge = Math.max(0, Math.round(Math.min(expiresAt - now, SESSION_TTL_MS) / 1000));
  return serialize(name, token, maxAge, name === SECURE_COOKIE_NAME);
}

export function setSessionCookie(c: Context, config: AppConfig, token: string, expiresAt: number, now: number): void {
  c.header('Set-Cookie', sessionCookie(c, config, token, expiresAt, now), { append: true });
}

export function clearSessionCookie(c: Context, config: AppConfig): void {
  const name = sessionCookieName(c, config);
  c.header('Set-Cookie', serialize(name, '', 0, name === SECURE_COOKIE_NAME), { append: true });
}

/**
 * Only the cookie name expected for this transport is read (see the __Host- note above), with
 * hono's parser, as its getCookie would.
 */
function readSessionToken(c: RequestLike, config: AppConfig): string | undefined {
  const header = c.req.header('cookie');
  if (!header) return undefined;
  const name = sessionCookieName(c, config);
  return parseCookies(header, name)[name];
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
   * The session and the caller's membership of one space, read in one statement ('unauthenticated'
   * without a valid session); `setCookie` when the cookie is due to be renewed.
   */
  async function sessionInSpace(
    c: RequestLike,
    spaceId: string,
  ): Promise<{ auth: { userId: string; sessionId: string; expiresAt: number }; membership: SpaceMembership | null; setCookie?: string }> {
    const token = readSessionToken(c, deps.config);
    const session = token ? await deps.auth.authenticateInSpace(token, spaceId) : null;
    if (!session || !token) throw new AppError('unauthenticated');
    return {
      auth: { userId: session.userId, sessionId: session.sessionId, expiresAt: session.expiresAt },
      membership: session.membership,
      setCookie: session.refreshed ? sessionCookie(c, deps.config, token, session.expiresAt, deps.now()) : undefined,
    };
  }

  /**
   * requireSession for routes under /spaces/:spaceId (sessionInSpace); the membership (null: none)
   * is exposed as c.var.membership for the service to judge. The param is only a bound value
   * here; the route still validates it.
   */
  const requireSessionInSpace: MiddlewareHandler<AppEnv> = async (c, next) => {
    const { auth, membership, setCookie } = await sessionInSpace(c, c.req.param('spaceId') ?? '');
    if (setCookie) c.header('Set-Cookie', setCookie, { append: true });
    c.set('auth', auth);
    c.set('membership', membership);
    await next();
  };

  /** Requires a valid session ('unauthenticated' otherwise) and exposes it as c.var.auth. */
  const requireSession: MiddlewareHandler<AppEnv> = async (c, next) => {
    const session = await currentSession(c);
    if (!session) throw new AppError('unauthenticated');
    c.set('auth', session);
    await next();
  };
  return { requireSession, requireSessionInSpace, sessionInSpace, currentSession };
}
