/**
 * Sign-up modes (issue 17, ADR 030): open, invitation-only (an invitation to a shared place, or an
 * operator's one-time link, lets a new person in) and closed (operator's links only). Before,
 * anyone could make accounts without end.
 */
import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { call, createInvite, createSharedSpace, createUser, errorCodeOf, randomIp, signupBody } from '../../../tests/factories/index.ts';
import { createSignupLink } from '../signup-links.ts';
import { createTestApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { snapshotDatabase } from '../testing/snapshot.ts';

describeEachDatabase('sign-up modes', (suite) => {
  const signup = (app: ReturnType<typeof createTestApp>['app'], permit?: unknown, overrides: Parameters<typeof signupBody>[0] = {}) =>
    call(app, 'POST', '/api/auth/signup', { json: { ...signupBody(overrides), ...(permit ? { permit } : {}) }, as: { ip: randomIp() } });

  it('says which mode it runs in', async () => {
    for (const mode of ['open', 'invite', 'closed'] as const) {
      const { app } = createTestApp(suite.db, { config: { signup: mode } });
      expect((await call(app, 'GET', '/api/auth/signup-mode')).body).toEqual({ mode });
    }
  });

  it('invitation-only: refuses a stranger, lets in one person per invitation', async () => {
    const open = createTestApp(suite.db).app;
    const owner = await createUser(open);
    const space = await createSharedSpace(open, owner);
    const invite = await createInvite(open, owner, space.id);
    const { app } = createTestApp(suite.db, { config: { signup: 'invite' } });

    const before = await snapshotDatabase(suite.db.database.db);
    const stranger = await signup(app);
    expect(stranger.status).toBe(403);
    expect(errorCodeOf(stranger.body)).toBe('signup-closed');
    expect(errorCodeOf((await signup(app, { inviteId: invite.id, token: randomBytes(32).toString('base64url') })).body)).toBe('invite-not-found');
    expect(await snapshotDatabase(suite.db.database.db)).toEqual(before);

    const joiner = await signup(app, { inviteId: invite.id, token: invite.token });
    expect(joiner.status).toBe(201);
    // The invitation is still there to accept (the join flow does that next)...
    const cookie = joiner.res.headers.getSetCookie()[0]!.split(';')[0]!;
    const accepted = await call(app, 'POST', `/api/invites/${invite.id}/accept`, { as: { cookie }, json: { token: invite.token, mac: randomBytes(32).toString('base64url') } });
    expect(accepted.status).toBe(200);
    // ...but it never makes a second account.
    const second = await createInvite(open, owner, space.id);
    expect((await signup(app, { inviteId: second.id, token: second.token })).status).toBe(201);
    const again = await signup(app, { inviteId: second.id, token: second.token });
    expect(errorCodeOf(again.body)).toBe('invite-used');
  });

  it('a failed sign-up keeps its permit', async () => {
    const { app } = createTestApp(suite.db, { config: { signup: 'closed' } });
    const link = await createSignupLink(suite.db.database, { now: Date.now() });
    const taken = await createUser(createTestApp(suite.db).app);
    const clash = await signup(app, { link: link.token }, { email: taken.email });
    expect(errorCodeOf(clash.body)).toBe('email-taken');
    expect((await signup(app, { link: link.token })).status).toBe(201);
  });

  it('closed: only an operator\'s link, once, before it runs out', async () => {
    const open = createTestApp(suite.db).app;
    const owner = await createUser(open);
    const invite = await createInvite(open, owner, (await createSharedSpace(open, owner)).id);
    const { app } = createTestApp(suite.db, { config: { signup: 'closed' } });

    expect(errorCodeOf((await signup(app)).body)).toBe('signup-closed');
    expect(errorCodeOf((await signup(app, { inviteId: invite.id, token: invite.token })).body)).toBe('signup-closed');
    const link = await createSignupLink(suite.db.database, { now: Date.now() });
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await signup(app, { link: link.token })).status).toBe(201);
    const reused = await signup(app, { link: link.token });
    expect(reused.status).toBe(403);
    expect(errorCodeOf(reused.body)).toBe('signup-link-invalid');
    expect(errorCodeOf((await signup(app, { link: randomBytes(32).toString('base64url') })).body)).toBe('signup-link-invalid');
    const stale = await createSignupLink(suite.db.database, { now: Date.now() - 8 * 24 * 60 * 60 * 1000 });
    expect(errorCodeOf((await signup(app, { link: stale.token })).body)).toBe('signup-link-invalid');
    // Only a hash of the token is stored.
    const rows = await suite.db.database.db.selectFrom('signup_permits').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(link.token);
  });

  it('open: anyone (a permit, if sent, is not needed and not used)', async () => {
    const { app } = createTestApp(suite.db, { config: { signup: 'open' } });
    expect((await signup(app)).status).toBe(201);
    const link = await createSignupLink(suite.db.database, { now: Date.now() });
    expect((await signup(app, { link: link.token })).status).toBe(201);
    const closed = createTestApp(suite.db, { config: { signup: 'closed' } }).app;
    expect((await signup(closed, { link: link.token })).status).toBe(201);
  });
});
