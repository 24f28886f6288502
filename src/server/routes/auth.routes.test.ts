import { describe, expect, it } from 'vitest';
import {
  RATE_LIMIT_SIGNUP_MAX,
  RATE_LIMIT_WINDOW_MS,
  SESSION_TOUCH_INTERVAL_MS,
  SESSION_TTL_MS,
} from '../../shared/limits.ts';
import { blob, call, createUser, errorCodeOf, randomEmail, randomIp, sessionCookieFrom, signIn, signupBody } from '../../../tests/factories/index.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { createTestApp } from '../testing/app.ts';

describeEachDatabase('auth routes', (suite) => {
  const setup = (options: Parameters<typeof createTestApp>[1] = {}) => createTestApp(suite.db, options);

  describe('GET /api/auth/params', () => {
    it('returns the stored salt and kdf for a known email', async () => {
      const { app } = setup();
      const user = await createUser(app, { kdf: { algorithm: 'argon2id', memoryKiB: 131072, iterations: 4, parallelism: 2 } });
      const { status, body } = await call(app, 'GET', `/api/auth/params?email=${encodeURIComponent(user.email)}`);
      expect(status).toBe(200);
      expect(body).toEqual({ salt: user.signup.salt, kdf: { algorithm: 'argon2id', memoryKiB: 131072, iterations: 4, parallelism: 2 } });
    });

    it('returns a deterministic fake salt and default params for an unknown email', async () => {
      const { app } = setup();
      const email = randomEmail();
      const a = await call(app, 'GET', `/api/auth/params?email=${encodeURIComponent(email)}`);
      const b = await call(app, 'GET', `/api/auth/params?email=${encodeURIComponent(email.toUpperCase())}`);
      const other = await call(app, 'GET', `/api/auth/params?email=${encodeURIComponent(randomEmail())}`);
      expect(a.status).toBe(200);
      expect(a.body.kdf).toEqual({ algorithm: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 1 });
      expect(a.body.salt).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(b.body.salt).toBe(a.body.salt);
      expect(other.body.salt).not.toBe(a.body.salt);
    });

    it('rejects a missing or malformed email', async () => {
      const { app } = setup();
      expect(errorCodeOf((await call(app, 'GET', '/api/auth/params')).body)).toBe('bad-request');
      expect(errorCodeOf((await call(app, 'GET', '/api/auth/params?email=nope')).body)).toBe('bad-request');
    });
  });

  describe('POST /api/auth/signup', () => {
    it('creates the account, its personal space and a session', async () => {
      const { app } = setup();
      const body = signupBody();
      const res = await call(app, 'POST', '/api/auth/signup', { json: body, as: { ip: randomIp() } });
      expect(res.status).toBe(201);
      expect(res.body.user).toEqual({
        id: body.userId,
        email: body.email,
        salt: body.salt,
        kdf: body.kdf,
        wrappedUkByMaster: body.wrappedUkByMaster,
        wrappedIdentity: body.wrappedIdentity,
        publicKeys: body.publicKeys,
        personalSpaceId: body.personalSpace.id,
      });
      const cookie = sessionCookieFrom(res.res)!;
      const setCookie = res.res.headers.getSetCookie()[0]!;
      expect(setCookie).toMatch(/^innermost_session=[A-Za-z0-9_-]{43}; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Strict$/);
      const spaces = await call(app, 'GET', '/api/spaces', { as: { cookie } });
      expect(spaces.status).toBe(200);
      expect(spaces.body.spaces).toHaveLength(1);
      const personal = spaces.body.spaces[0];
      expect(personal).toMatchObject({ id: body.personalSpace.id, kind: 'personal', epoch: 1, needsRotation: false, headSeq: 0 });
      expect(personal.myKeys).toEqual([{ epoch: 1, sealedKey: body.personalSpace.sealedKey, sealedBy: body.userId }]);
      const detail = await call(app, 'GET', `/api/spaces/${body.personalSpace.id}`, { as: { cookie } });
      expect(detail.body.membershipLog).toEqual([
        { seq: 1, epoch: 1, authorId: body.userId, entry: body.personalSpace.membershipEntry, createdAt: expect.any(Number) },
      ]);
    });

    it('normalises the email (trim, lower case) and refuses it twice with email-taken', async () => {
      const { app } = setup();
      const user = await createUser(app);
      const again = await call(app, 'POST', '/api/auth/signup', { json: signupBody({ email: `  ${user.email.toUpperCase()} ` }), as: { ip: randomIp() } });
      expect(again.status).toBe(409);
      expect(errorCodeOf(again.body)).toBe('email-taken');
    });

    it('refuses a taken user id or personal space id with id-taken', async () => {
      const { app } = setup();
      const user = await createUser(app);
      const sameUserId = await call(app, 'POST', '/api/auth/signup', { json: signupBody({ userId: user.id }), as: { ip: randomIp() } });
      expect(errorCodeOf(sameUserId.body)).toBe('id-taken');
      const body = signupBody();
      const sameSpaceId = await call(app, 'POST', '/api/auth/signup', {
        json: { ...body, personalSpace: { ...body.personalSpace, id: user.personalSpaceId } },
        as: { ip: randomIp() },
      });
      expect(sameSpaceId.status).toBe(409);
      expect(errorCodeOf(sameSpaceId.body)).toBe('id-taken');
    });

    it('refuses unknown keys, wrong sizes and low-level junk with bad-request', async () => {
      const { app } = setup();
      for (const json of [
        { ...signupBody(), extra: 1 },
        { ...signupBody(), loginKey: blob.salt() },
        { ...signupBody(), kdf: { algorithm: 'scrypt', memoryKiB: 1, iterations: 1, parallelism: 1 } },
        { ...signupBody(), userId: 'not-a-uuid' },
        [],
        'string',
        null,
      ]) {
        const res = await call(app, 'POST', '/api/auth/signup', { json, as: { ip: randomIp() } });
        expect(res.status, JSON.stringify(json).slice(0, 80)).toBe(400);
        expect(errorCodeOf(res.body)).toBe('bad-request');
      }
    });
  });

  describe('sign-in and sessions', () => {
    it('signs in with the right login key, each time with a new session', async () => {
      const { app } = setup();
      const user = await createUser(app);
      const first = await signIn(app, user);
      const second = await signIn(app, user);
      expect(first).not.toBe(second);
      expect(first).not.toBe(user.cookie);
      const me = await call(app, 'GET', '/api/auth/me', { as: { cookie: second } });
      expect(me.status).toBe(200);
      expect(me.body.user.id).toBe(user.id);
      const sessions = await call(app, 'GET', '/api/auth/sessions', { as: { cookie: second } });
      expect(sessions.body.sessions).toHaveLength(3);
      expect(sessions.body.sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    });

    it('answers invalid-credentials for a wrong key and for an unknown email alike', async () => {
      const { app } = setup();
      const user = await createUser(app);
      const wrong = await call(app, 'POST', '/api/auth/signin', { json: { email: user.email, loginKey: blob.key32() }, as: user });
      const unknown = await call(app, 'POST', '/api/auth/signin', { json: { email: randomEmail(), loginKey: blob.key32() }, as: user });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body).toEqual(unknown.body);
      expect(errorCodeOf(wrong.body)).toBe('invalid-credentials');
      expect(sessionCookieFrom(wrong.res)).toBeUndefined();
    });

    it('labels sessions coarsely from the User-Agent', async () => {
      const { app } = setup();
      const user = await createUser(app);
      await call(app, 'POST', '/api/auth/signin', {
        json: { email: user.email, loginKey: user.loginKey },
        as: user,
        headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0' },
      });
      const { body } = await call(app, 'GET', '/api/auth/sessions', { as: user });
      expect(body.sessions.map((s: { label: string }) => s.label).sort()).toEqual(['Firefox on Linux', 'Unknown device']);
    });

    it('signs out: 204, cookie cleared, the session no longer works', async () => {
      const { app } = setup();
      const user = await createUser(app);
      const out = await call(app, 'POST', '/api/auth/signout', { as: user });
      expect(out.status).toBe(204);
      expect(out.res.headers.getSetCookie()[0]).toMatch(/^innermost_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Strict$/);
      const me = await call(app, 'GET', '/api/auth/me', { as: user });
      expect(me.status).toBe(401);
      expect(errorCodeOf(me.body)).toBe('unauthenticated');
    });

    it('answers unauthenticated without a cookie or with a forged one', async () => {
      const { app } = setup();
      for (const cookie of [undefined, 'innermost_session=x', `innermost_session=${blob.key32()}`, `__Host-innermost_session=${blob.key32()}`]) {
        const res = await call(app, 'GET', '/api/auth/me', { as: cookie ? { cookie } : undefined });
        expect(res.status).toBe(401);
        expect(errorCodeOf(res.body)).toBe('unauthenticated');
      }
    });

    it('GET /api/auth/session answers 200 either way: the account when signed in, null otherwise', async () => {
      const { app } = setup();
      const user = await createUser(app);
      const signedIn = await call(app, 'GET', '/api/auth/session', { as: user });
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.user).toMatchObject({ id: user.id, email: user.email, personalSpaceId: user.personalSpaceId });
      for (const cookie of [undefined, 'innermost_session=x', `innermost_session=${blob.key32()}`]) {
        const res = await call(app, 'GET', '/api/auth/session', { as: cookie ? { cookie } : undefined });
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ user: null });
      }
      await call(app, 'POST', '/api/auth/signout', { as: user });
      expect((await call(app, 'GET', '/api/auth/session', { as: user })).body).toEqual({ user: null });
    });

    it('deletes one of my sessions; another user\'s session id is not-found', async () => {
      const { app } = setup();
      const user = await createUser(app);
      const other = await createUser(app);
      const second = await signIn(app, user);
      const { body } = await call(app, 'GET', '/api/auth/sessions', { as: { cookie: second } });
      const firstId = body.sessions.find((s: { current: boolean }) => !s.current).id;
      const otherSessions = await call(app, 'GET', '/api/auth/sessions', { as: other });
      const foreign = await call(app, 'DELETE', `/api/auth/sessions/${otherSessions.body.sessions[0].id}`, { as: { cookie: second } });
      expect(errorCodeOf(foreign.body)).toBe('not-found');
      expect((await call(app, 'GET', '/api/auth/me', { as: other })).status).toBe(200);
      const del = await call(app, 'DELETE', `/api/auth/sessions/${firstId}`, { as: { cookie: second } });
      expect(del.status).toBe(204);
      expect((await call(app, 'GET', '/api/auth/me', { as: user })).status).toBe(401);
      expect((await call(app, 'GET', '/api/auth/me', { as: { cookie: second } })).status).toBe(200);
    });

    it('revokes every other session', async () => {
      const { app } = setup();
      const user = await createUser(app);
      const a = await signIn(app, user);
      const b = await signIn(app, user);
      expect((await call(app, 'POST', '/api/auth/sessions/revoke-others', { as: { cookie: b } })).status).toBe(204);
      expect((await call(app, 'GET', '/api/auth/me', { as: user })).status).toBe(401);
      expect((await call(app, 'GET', '/api/auth/me', { as: { cookie: a } })).status).toBe(401);
      expect((await call(app, 'GET', '/api/auth/me', { as: { cookie: b } })).status).toBe(200);
    });

    it('expires sessions on the server and slides the expiry at most every touch interval', async () => {
      let now = Date.now();
      const { app } = setup({ now: () => now });
      const user = await createUser(app);
      const first = await call(app, 'GET', '/api/auth/sessions', { as: user });
      const created = first.body.sessions[0];
      now += SESSION_TOUCH_INTERVAL_MS / 2;
      const quiet = await call(app, 'GET', '/api/auth/me', { as: user });
      expect(quiet.res.headers.getSetCookie()).toEqual([]);
      now += SESSION_TOUCH_INTERVAL_MS;
      const touched = await call(app, 'GET', '/api/auth/me', { as: user });
      expect(touched.res.headers.getSetCookie()[0]).toMatch(/Max-Age=2592000/);
      const after = await call(app, 'GET', '/api/auth/sessions', { as: user });
      expect(after.body.sessions[0].lastSeenAt).toBe(now);
      expect(after.body.sessions[0].expiresAt).toBe(now + SESSION_TTL_MS);
      expect(after.body.sessions[0].expiresAt).toBeGreaterThan(created.expiresAt);
      now += SESSION_TTL_MS;
      expect((await call(app, 'GET', '/api/auth/me', { as: user })).status).toBe(401);
    });

    it('uses the __Host- cookie, Secure, when the public origin is https', async () => {
      const { app } = setup({ config: { publicOrigin: 'https://innermost.example' } });
      const body = signupBody();
      const res = await call(app, 'POST', '/api/auth/signup', { json: body, as: { ip: randomIp() } });
      const setCookie = res.res.headers.getSetCookie()[0]!;
      expect(setCookie).toMatch(/^__Host-innermost_session=[A-Za-z0-9_-]{43}; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Strict; Secure$/);
      const cookie = sessionCookieFrom(res.res)!;
      expect((await call(app, 'GET', '/api/auth/me', { as: { cookie } })).status).toBe(200);
      // The unprefixed name is not honoured over HTTPS (it could be planted by a sibling subdomain).
      const plain = cookie.replace('__Host-', '');
      expect((await call(app, 'GET', '/api/auth/me', { as: { cookie: plain } })).status).toBe(401);
      expect(res.res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    });
  });

  describe('rate limits', () => {
    it('limit sign-ups per address (every attempt counts); lock-out is in lockout.test.ts', async () => {
      const { app } = setup();
      const ip = randomIp();
      for (let i = 0; i < RATE_LIMIT_SIGNUP_MAX; i++) {
        expect((await call(app, 'POST', '/api/auth/signup', { json: signupBody(), as: { ip } })).status).toBe(201);
      }
      const limited = await call(app, 'POST', '/api/auth/signup', { json: signupBody(), as: { ip } });
      expect(errorCodeOf(limited.body)).toBe('rate-limited');
      expect(Number(limited.res.headers.get('retry-after'))).toBeLessThanOrEqual(RATE_LIMIT_WINDOW_MS / 1000);
      expect((await call(app, 'POST', '/api/auth/signup', { json: signupBody(), as: { ip: randomIp() } })).status).toBe(201);
    });
  });

  describe('recovery', () => {
    it('returns the recovery bundle for the right code only', async () => {
      const { app } = setup();
      const user = await createUser(app);
      const ok = await call(app, 'POST', '/api/auth/recovery/bundle', { json: { email: user.email, recoveryAuth: user.recoveryAuth }, as: user });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ userId: user.id, wrappedUkByRecovery: user.signup.wrappedUkByRecovery });
      const wrong = await call(app, 'POST', '/api/auth/recovery/bundle', { json: { email: user.email, recoveryAuth: blob.key32() }, as: user });
      expect(wrong.status).toBe(401);
      expect(errorCodeOf(wrong.body)).toBe('invalid-recovery-code');
      const unknown = await call(app, 'POST', '/api/auth/recovery/bundle', { json: { email: randomEmail(), recoveryAuth: blob.key32() }, as: user });
      expect(unknown.body).toEqual(wrong.body);
    });

    it('completes recovery: new credentials and recovery code, every old session ends', async () => {
      const { app } = setup();
      const user = await createUser(app);
      const other = await signIn(app, user);
      const next = { salt: blob.salt(), loginKey: blob.key32(), wrappedUkByMaster: blob.sealed(), wrappedUkByRecovery: blob.sealed(), newRecoveryAuth: blob.key32() };
      const wrong = await call(app, 'POST', '/api/auth/recovery/complete', {
        json: { email: user.email, recoveryAuth: blob.key32(), kdf: user.signup.kdf, ...next },
        as: user,
      });
      expect(errorCodeOf(wrong.body)).toBe('invalid-recovery-code');
      expect((await call(app, 'GET', '/api/auth/me', { as: user })).status).toBe(200);

      const done = await call(app, 'POST', '/api/auth/recovery/complete', {
        json: { email: user.email, recoveryAuth: user.recoveryAuth, kdf: user.signup.kdf, ...next },
        as: user,
      });
      expect(done.status).toBe(200);
      expect(done.body.user).toMatchObject({ id: user.id, salt: next.salt, wrappedUkByMaster: next.wrappedUkByMaster });
      const fresh = sessionCookieFrom(done.res)!;
      expect((await call(app, 'GET', '/api/auth/me', { as: user })).status).toBe(401);
      expect((await call(app, 'GET', '/api/auth/me', { as: { cookie: other } })).status).toBe(401);
      expect((await call(app, 'GET', '/api/auth/me', { as: { cookie: fresh } })).status).toBe(200);
      // Old password and old code are dead; the new ones work.
      const oldLogin = await call(app, 'POST', '/api/auth/signin', { json: { email: user.email, loginKey: user.loginKey }, as: user });
      expect(errorCodeOf(oldLogin.body)).toBe('invalid-credentials');
      await signIn(app, { ...user, loginKey: next.loginKey });
      const oldCode = await call(app, 'POST', '/api/auth/recovery/bundle', { json: { email: user.email, recoveryAuth: user.recoveryAuth }, as: user });
      expect(errorCodeOf(oldCode.body)).toBe('invalid-recovery-code');
      const newCode = await call(app, 'POST', '/api/auth/recovery/bundle', { json: { email: user.email, recoveryAuth: next.newRecoveryAuth }, as: user });
      expect(newCode.body.wrappedUkByRecovery).toBe(next.wrappedUkByRecovery);
    });
  });

  describe('POST /api/auth/recovery/renew', () => {
    it('makes a new recovery code with the current login key; the old code stops working', async () => {
      const { app } = setup();
      const user = await createUser(app);
      const next = { recoveryAuth: blob.key32(), wrappedUkByRecovery: blob.sealed() };
      const wrong = await call(app, 'POST', '/api/auth/recovery/renew', { as: user, json: { currentLoginKey: blob.key32(), ...next } });
      expect(wrong.status).toBe(401);
      expect(errorCodeOf(wrong.body)).toBe('invalid-credentials');
      const unchanged = await call(app, 'POST', '/api/auth/recovery/bundle', { json: { email: user.email, recoveryAuth: user.recoveryAuth }, as: user });
      expect(unchanged.status).toBe(200);
      const ok = await call(app, 'POST', '/api/auth/recovery/renew', { as: user, json: { currentLoginKey: user.loginKey, ...next } });
      expect(ok.status).toBe(200);
      expect(ok.body.user.id).toBe(user.id);
      const oldCode = await call(app, 'POST', '/api/auth/recovery/bundle', { json: { email: user.email, recoveryAuth: user.recoveryAuth }, as: user });
      expect(errorCodeOf(oldCode.body)).toBe('invalid-recovery-code');
      const newCode = await call(app, 'POST', '/api/auth/recovery/bundle', { json: { email: user.email, recoveryAuth: next.recoveryAuth }, as: user });
      expect(newCode.body.wrappedUkByRecovery).toBe(next.wrappedUkByRecovery);
      // The password is untouched.
      await signIn(app, user);
    });
  });

  describe('POST /api/auth/password', () => {
    it('changes the password with the current login key and ends the other sessions', async () => {
      const { app } = setup();
      const user = await createUser(app);
      const other = await signIn(app, user);
      const next = { salt: blob.salt(), kdf: user.signup.kdf, loginKey: blob.key32(), wrappedUkByMaster: blob.sealed() };
      const wrong = await call(app, 'POST', '/api/auth/password', { as: user, json: { currentLoginKey: blob.key32(), ...next } });
      expect(wrong.status).toBe(401);
      expect(errorCodeOf(wrong.body)).toBe('invalid-credentials');
      const ok = await call(app, 'POST', '/api/auth/password', { as: user, json: { currentLoginKey: user.loginKey, ...next } });
      expect(ok.status).toBe(200);
      expect(ok.body.user).toMatchObject({ salt: next.salt, wrappedUkByMaster: next.wrappedUkByMaster });
      expect((await call(app, 'GET', '/api/auth/me', { as: user })).status).toBe(200);
      expect((await call(app, 'GET', '/api/auth/me', { as: { cookie: other } })).status).toBe(401);
      const params = await call(app, 'GET', `/api/auth/params?email=${encodeURIComponent(user.email)}`);
      expect(params.body.salt).toBe(next.salt);
      await signIn(app, { ...user, loginKey: next.loginKey });
      const old = await call(app, 'POST', '/api/auth/signin', { json: { email: user.email, loginKey: user.loginKey }, as: user });
      expect(errorCodeOf(old.body)).toBe('invalid-credentials');
    });
  });
});
