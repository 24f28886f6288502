import { type Context, Hono } from 'hono';
import {
  AuthParamsQuery,
  ChangePasswordBody,
  DeleteAccountBody,
  RecoveryBundleBody,
  RecoveryCompleteBody,
  RenewRecoveryBody,
  SessionIdParam,
  SigninBody,
  SignupBody,
} from '../../shared/api.ts';
import { RATE_LIMIT_SIGNUP_MAX } from '../../shared/limits.ts';
import type { AppEnv } from '../context.ts';
import type { LockoutKey } from '../http/lockout.ts';
import { requireJson } from '../http/body.ts';
import { clientAddress } from '../http/request-info.ts';
import { clearSessionCookie, setSessionCookie } from '../http/session.ts';
import { validate } from '../http/validate.ts';
import { toAccountBundle } from '../services/auth.service.ts';
import type { RouteDeps } from './deps.ts';

export function authRoutes(deps: RouteDeps) {
  const { auth, config, rateLimiter, lockout, devices, requireSession, currentSession, now } = deps;
  const meta = (c: { req: { header(name: string): string | undefined } }) => ({ userAgent: c.req.header('user-agent') });

  /**
   * Whose failures hold this attempt back (http/lockout.ts): a device that signed in as this
   * email before (its cookie, or a live session of that account) only its own; anyone else the
   * account's and the address's.
   */
  async function lockoutKeys(c: Context<AppEnv>, email: string): Promise<LockoutKey[]> {
    const device = devices.deviceFor(c, email);
    if (device) return [{ kind: 'device', value: device }];
    const session = await currentSession(c);
    if (session && (await auth.me(session.userId).catch(() => undefined))?.email === email) return [{ kind: 'user', value: session.userId }];
    return [
      { kind: 'account', value: email },
      { kind: 'address', value: clientAddress(c, config) },
    ];
  }

  return new Hono<AppEnv>()
    .get('/params', validate('query', AuthParamsQuery), async (c) => {
      const { email } = c.req.valid('query');
      return c.json(await auth.params(email), 200);
    })
    // Who may sign up here, so the sign-up screen can explain an instance that is not open.
    .get('/signup-mode', (c) => c.json({ mode: config.signup ?? 'open' }, 200))
    .post('/signup', requireJson, validate('json', SignupBody), async (c) => {
      const body = c.req.valid('json');
      // Every attempt counts here (there is nothing to guess): it slows a script making accounts.
      await rateLimiter.hit('signup', RATE_LIMIT_SIGNUP_MAX, [{ kind: 'address', value: clientAddress(c, config) }]);
      const { user, session } = await auth.signup(body, meta(c));
      setSessionCookie(c, config, session.token, session.expiresAt, now());
      devices.remember(c, user.email);
      return c.json({ user: toAccountBundle(user) }, 201);
    })
    .post('/signin', requireJson, validate('json', SigninBody), async (c) => {
      const body = c.req.valid('json');
      const keys = await lockoutKeys(c, body.email);
      const { user, session } = await lockout.guard('signin', keys, ['invalid-credentials'], () => auth.signin(body, meta(c)));
      if (keys[0]?.kind === 'device') await lockout.clear('signin', keys[0]);
      setSessionCookie(c, config, session.token, session.expiresAt, now());
      devices.remember(c, user.email);
      return c.json({ user: toAccountBundle(user) }, 200);
    })
    .post('/signout', requireSession, async (c) => {
      await auth.signout(c.var.auth.userId, c.var.auth.sessionId);
      clearSessionCookie(c, config);
      return c.body(null, 204);
    })
    // Who is signed in, if anyone: 200 either way, so a signed-out first screen makes no failed request.
    .get('/session', async (c) => {
      const session = await currentSession(c);
      return c.json({ user: session ? toAccountBundle(await auth.me(session.userId)) : null }, 200);
    })
    .get('/me', requireSession, async (c) => {
      return c.json({ user: toAccountBundle(await auth.me(c.var.auth.userId)) }, 200);
    })
    .get('/sessions', requireSession, async (c) => {
      return c.json({ sessions: await auth.listSessions(c.var.auth.userId, c.var.auth.sessionId) }, 200);
    })
    .delete('/sessions/:sessionId', requireSession, validate('param', SessionIdParam), async (c) => {
      const { sessionId } = c.req.valid('param');
      await auth.deleteSession(c.var.auth.userId, sessionId);
      if (sessionId === c.var.auth.sessionId) clearSessionCookie(c, config);
      return c.body(null, 204);
    })
    .post('/sessions/revoke-others', requireSession, async (c) => {
      await auth.revokeOtherSessions(c.var.auth.userId, c.var.auth.sessionId);
      return c.body(null, 204);
    })
    .post('/recovery/bundle', requireJson, validate('json', RecoveryBundleBody), async (c) => {
      const body = c.req.valid('json');
      const keys = await lockoutKeys(c, body.email);
      return c.json(await lockout.guard('recovery', keys, ['invalid-recovery-code'], () => auth.recoveryBundle(body)), 200);
    })
    .post('/recovery/complete', requireJson, validate('json', RecoveryCompleteBody), async (c) => {
      const body = c.req.valid('json');
      const keys = await lockoutKeys(c, body.email);
      const { user, session } = await lockout.guard('recovery', keys, ['invalid-recovery-code'], () => auth.recoveryComplete(body, meta(c)));
      setSessionCookie(c, config, session.token, session.expiresAt, now());
      devices.remember(c, user.email);
      return c.json({ user: toAccountBundle(user) }, 200);
    })
    .post('/password', requireSession, requireJson, validate('json', ChangePasswordBody), async (c) => {
      const user = await auth.changePassword(c.var.auth.userId, c.var.auth.sessionId, c.req.valid('json'));
      return c.json({ user: toAccountBundle(user) }, 200);
    })
    .post('/recovery/renew', requireSession, requireJson, validate('json', RenewRecoveryBody), async (c) => {
      const user = await auth.renewRecovery(c.var.auth.userId, c.req.valid('json'));
      return c.json({ user: toAccountBundle(user) }, 200);
    })
    .delete('/account', requireSession, requireJson, validate('json', DeleteAccountBody), async (c) => {
      await auth.deleteAccount(c.var.auth.userId, c.req.valid('json'));
      clearSessionCookie(c, config);
      return c.body(null, 204);
    });
}
