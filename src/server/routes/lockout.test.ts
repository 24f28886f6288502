/**
 * Lock-out that locks no one out (issue 17, ADR 030). Before: ten wrong sign-ins from ten
 * addresses made the owner's right password answer 429 for 15 minutes, five did the same to
 * recovery, and 30 wrong tokens from any accounts blocked a real invitation.
 */
import { expect, it } from 'vitest';
import { LOCKOUT_FREE_FAILURES, LOCKOUT_MAX_DELAY_MS } from '../../shared/limits.ts';
import {
  acceptInvite,
  blob,
  call,
  createInvite,
  createSharedSpace,
  createUser,
  deviceCookieFrom,
  errorCodeOf,
  newId,
  randomEmail,
  randomIp,
  signupBody,
  type TestUser,
} from '../../../tests/factories/index.ts';
import { lockoutDelayMs } from '../http/lockout.ts';
import { createTestApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';

describeEachDatabase('lock-out', (suite) => {
  let now = Date.now();
  const setup = () => {
    now = Date.now();
    return createTestApp(suite.db, { now: () => now });
  };
  const wrongSignIn = (app: ReturnType<typeof setup>['app'], email: string, ip = randomIp()) =>
    call(app, 'POST', '/api/auth/signin', { json: { email, loginKey: blob.key32() }, as: { ip } });
  const rightSignIn = (app: ReturnType<typeof setup>['app'], user: TestUser, as: { cookie?: string; ip?: string } = {}) =>
    call(app, 'POST', '/api/auth/signin', { json: { email: user.email, loginKey: user.loginKey }, as: { ip: randomIp(), ...as } });

  it('strangers failing from many addresses never lock out a device that signed in before', async () => {
    const { app } = setup();
    const user = await createUser(app);
    const first = await rightSignIn(app, user);
    expect(first.status).toBe(200);
    const device = deviceCookieFrom(first.res)!;
    expect(device).toMatch(/^innermost_device=/);

    // Thirty wrong tries from thirty addresses: past the free ones the account makes them wait.
    const codes: Array<string | undefined> = [];
    for (let i = 0; i < 30; i++) codes.push(errorCodeOf((await wrongSignIn(app, user.email)).body));
    expect(codes.slice(0, LOCKOUT_FREE_FAILURES + 1)).toEqual(Array(LOCKOUT_FREE_FAILURES + 1).fill('invalid-credentials'));
    expect(codes.slice(LOCKOUT_FREE_FAILURES + 1)).toEqual(Array(30 - LOCKOUT_FREE_FAILURES - 1).fill('rate-limited'));
    // The known device gets in at once, from any address.
    const known = await rightSignIn(app, user, { cookie: device });
    expect(known.status).toBe(200);
    // So does a browser holding a live session of the account.
    expect((await rightSignIn(app, user, { cookie: user.cookie })).status).toBe(200);
    // A new device waits, but only as long as the doubling delay says, never a fixed quarter hour.
    const fresh = await rightSignIn(app, user);
    expect(fresh.status).toBe(429);
    expect(errorCodeOf(fresh.body)).toBe('rate-limited');
    const wait = Number(fresh.res.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(LOCKOUT_MAX_DELAY_MS / 1000);
    now += wait * 1000;
    expect((await rightSignIn(app, user)).status).toBe(200);
  });

  it('counts failures only, and each failure past the free ones doubles the wait', async () => {
    const { app } = setup();
    const user = await createUser(app);
    const ip = randomIp();
    // Right answers cost nothing, however many.
    for (let i = 0; i < 3 * LOCKOUT_FREE_FAILURES; i++) expect((await rightSignIn(app, user, { ip })).status).toBe(200);

    for (let i = 0; i < LOCKOUT_FREE_FAILURES; i++) expect((await wrongSignIn(app, user.email, ip)).status).toBe(401);
    const waits: number[] = [];
    for (let round = 0; round < 4; round++) {
      expect((await wrongSignIn(app, user.email, ip)).status).toBe(401);
      const held = await wrongSignIn(app, user.email, ip);
      expect(held.status).toBe(429);
      // A refusal while waiting is not a failure: asking again does not make the wait longer.
      const again = await wrongSignIn(app, user.email, ip);
      expect(again.res.headers.get('retry-after')).toBe(held.res.headers.get('retry-after'));
      waits.push(Number(held.res.headers.get('retry-after')));
      now += Number(held.res.headers.get('retry-after')) * 1000;
    }
    expect(waits).toEqual([1, 2, 3, 4].map((n) => lockoutDelayMs(LOCKOUT_FREE_FAILURES + n) / 1000));
    expect(waits[3]).toBe(waits[0]! * 8);
    expect(lockoutDelayMs(1000)).toBe(LOCKOUT_MAX_DELAY_MS);
  });

  it('holds back one address trying many accounts, not the others', async () => {
    const { app } = setup();
    const user = await createUser(app);
    const ip = randomIp();
    for (let i = 0; i < LOCKOUT_FREE_FAILURES + 1; i++) await wrongSignIn(app, randomEmail(), ip);
    expect((await wrongSignIn(app, randomEmail(), ip)).status).toBe(429);
    expect((await rightSignIn(app, user)).status).toBe(200);
    // The table names neither emails nor addresses.
    const keys = await suite.db.database.db.selectFrom('auth_failures').select('key').execute();
    expect(keys.length).toBeGreaterThan(0);
    for (const { key } of keys) {
      expect(key).not.toContain('@');
      expect(key).not.toContain(ip);
    }
  });

  it('recovery: strangers\' wrong codes never hold back a known device', async () => {
    const { app } = setup();
    const user = await createUser(app);
    const device = deviceCookieFrom((await rightSignIn(app, user)).res)!;
    const recover = (recoveryAuth: string, as: { cookie?: string; ip?: string } = {}) =>
      call(app, 'POST', '/api/auth/recovery/bundle', { json: { email: user.email, recoveryAuth }, as: { ip: randomIp(), ...as } });
    for (let i = 0; i < 20; i++) expect(['invalid-recovery-code', 'rate-limited']).toContain(errorCodeOf((await recover(blob.key32())).body));
    expect((await recover(user.recoveryAuth, { cookie: device })).status).toBe(200);
    expect((await recover(user.recoveryAuth)).status).toBe(429);
  });

  it('invitations: 30 wrong tokens from 30 accounts do not block the real one', async () => {
    const { app } = setup();
    const owner = await createUser(app);
    const space = await createSharedSpace(app, owner);
    const invite = await createInvite(app, owner, space.id);
    for (let i = 0; i < 30; i++) {
      const stranger = await createUser(app);
      const wrong = await acceptInvite(app, stranger, { ...invite, token: blob.key32() });
      expect(errorCodeOf(wrong.body)).toBe('invite-not-found');
    }
    const joiner = await createUser(app);
    expect((await call(app, 'POST', `/api/invites/${invite.id}/preview`, { json: { token: invite.token }, as: { ip: randomIp() } })).status).toBe(200);
    expect((await acceptInvite(app, joiner, invite)).status).toBe(200);
  });

  it('invitations: one account guessing is slowed on its own account, whatever its address', async () => {
    const { app } = setup();
    const owner = await createUser(app);
    const guesser = await createUser(app);
    for (let i = 0; i < LOCKOUT_FREE_FAILURES + 1; i++) {
      await acceptInvite(app, { ...guesser, ip: randomIp() }, { id: newId(), token: blob.key32(), spaceId: owner.personalSpaceId });
    }
    const held = await acceptInvite(app, { ...guesser, ip: randomIp() }, { id: newId(), token: blob.key32(), spaceId: owner.personalSpaceId });
    expect(held.status).toBe(429);
  });

  it('the browser that made the account is a known device from the start', async () => {
    const { app } = setup();
    const body = signupBody();
    const made = await call(app, 'POST', '/api/auth/signup', { json: body, as: { ip: randomIp() } });
    expect(made.status).toBe(201);
    const device = deviceCookieFrom(made.res)!;
    expect(device).toBeDefined();
    for (let i = 0; i < 20; i++) await wrongSignIn(app, body.email);
    const back = await call(app, 'POST', '/api/auth/signin', { json: { email: body.email, loginKey: body.loginKey }, as: { cookie: device, ip: randomIp() } });
    expect(back.status).toBe(200);
    // A device cookie proves one email only: it does not help with another account.
    const other = await createUser(app);
    for (let i = 0; i < 20; i++) await wrongSignIn(app, other.email);
    expect((await rightSignIn(app, other, { cookie: device })).status).toBe(429);
  });
});
