import { Hono } from 'hono';
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
import {
  RATE_LIMIT_RECOVERY_MAX,
  RATE_LIMIT_SIGNIN_MAX,
  RATE_LIMIT_SIGNUP_MAX,
} from '../../shared/limits.ts';
import type { AppEnv } from '../context.ts';
import { requireJson } from '../http/body.ts';
import { clientAddress } from '../http/request-info.ts';
import { clearSessionCookie, setSessionCookie } from '../http/session.ts';
import { validate } from '../http/validate.ts';
import { toAccountBundle } from '../services/auth.service.ts';
import type { RouteDeps } from './deps.ts';

export function authRoutes(deps: RouteDeps) {
  const { auth, config, rateLimiter, requireSession, currentSession, now } = deps;
  const limitByAccount = (c: Parameters<typeof clientAddress>[0], route: string, max: number, email: string) =>
    rateLimiter.hit(route, max, [
      { kind: 'address', value: clientAddress(c, config) },
      { kind: 'account', value: email },
    ]);
  const meta = (c: { req: { header(name: string): string | undefined } }) => ({ userAgent: c.req.header('user-agent') });

  return new Hono<AppEnv>()
    .get('/params', validate('query', AuthParamsQuery), async (c) => {
      const { email } = c.req.valid('query');
      return c.json(await auth.params(email), 200);
    })
    .post('/signup', requireJson, validate('json', SignupBody), async (c) => {
      const body = c.req.valid('json');
      await limitByAccount(c, 'signup', RATE_LIMIT_SIGNUP_MAX, body.email);
      const { user, session } = await auth.signup(body, meta(c));
      setSessionCookie(c, config, session.token, session.expiresAt, now());
      return c.json({ user: toAccountBundle(user) }, 201);
    })
    .post('/signin', requireJson, validate('json', SigninBody), async (c) => {
      const body = c.req.valid('json');
      await limitByAccount(c, 'signin', RATE_LIMIT_SIGNIN_MAX, body.email);
      const { user, session } = await auth.signin(body, meta(c));
      setSessionCookie(c, config, session.token, session.expiresAt, now());
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
      await limitByAccount(c, 'recovery/bundle', RATE_LIMIT_RECOVERY_MAX, body.email);
      return c.json(await auth.recoveryBundle(body), 200);
    })
    .post('/recovery/complete', requireJson, validate('json', RecoveryCompleteBody), async (c) => {
      const body = c.req.valid('json');
      await limitByAccount(c, 'recovery/complete', RATE_LIMIT_RECOVERY_MAX, body.email);
      const { user, session } = await auth.recoveryComplete(body, meta(c));
      setSessionCookie(c, config, session.token, session.expiresAt, now());
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
