import { expect, it } from 'vitest';
import type { LiveEvent } from '../../shared/api.ts';
import {
  acceptInvite,
  blob,
  call,
  createCouple,
  createInvite,
  createSharedSpace,
  createUser,
  deleteAccount,
  errorCodeOf,
  signIn,
  writeRecord,
} from '../../../tests/factories/index.ts';
import { TABLES } from '../db/types.ts';
import { createTestApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';

describeEachDatabase('DELETE /api/auth/account', (suite) => {
  it('needs the login key', async () => {
    const { app } = createTestApp(suite.db);
    const user = await createUser(app);
    const res = await deleteAccount(app, user, blob.key32());
    expect(res.status).toBe(401);
    expect(errorCodeOf(res.body)).toBe('invalid-credentials');
    expect((await call(app, 'GET', '/api/auth/me', { as: user })).status).toBe(200);
  });

  it('removes every row of theirs and flags rotation for the members who remain', async () => {
    const { app, notifier } = createTestApp(suite.db);
    const [leaver, partner, third, pendingOnly] = [await createUser(app), await createUser(app), await createUser(app), await createUser(app)];
    await signIn(app, leaver);
    const couple = await createCouple(app, partner, leaver);
    const triad = await createCouple(app, leaver, partner, third);
    const alone = await createSharedSpace(app, leaver); // only a pending member besides them
    await acceptInvite(app, pendingOnly, await createInvite(app, leaver, alone.id));
    const openInvite = await createInvite(app, leaver, triad.id);
    const usedByLeaver = await createInvite(app, partner, (await createSharedSpace(app, partner)).id);
    await acceptInvite(app, leaver, usedByLeaver);
    for (const space of [couple, triad]) {
      await writeRecord(app, leaver, space.id, space.epoch);
      await writeRecord(app, partner, space.id, space.epoch);
    }
    await writeRecord(app, leaver, leaver.personalSpaceId, 1);

    const events: Array<[string, LiveEvent]> = [];
    for (const u of [partner, third, pendingOnly]) notifier.subscribe(u.id, (e) => events.push([u.id, e]));

    const res = await deleteAccount(app, leaver, leaver.loginKey);
    expect(res.status).toBe(204);
    expect(res.res.headers.getSetCookie()[0]).toMatch(/^innermost_session=; Max-Age=0/);

    const db = suite.db.database.db;
    const byUser = async () => ({
      users: await db.selectFrom('users').select('id').where('id', '=', leaver.id).execute(),
      sessions: await db.selectFrom('sessions').select('id').where('user_id', '=', leaver.id).execute(),
      members: await db.selectFrom('space_members').select('space_id').where('user_id', '=', leaver.id).execute(),
      keys: await db.selectFrom('space_keys').select('space_id').where('user_id', '=', leaver.id).execute(),
      records: await db.selectFrom('records').select('id').where('author_id', '=', leaver.id).execute(),
      invitesMade: await db.selectFrom('invites').select('id').where('created_by', '=', leaver.id).execute(),
      invitesUsed: await db.selectFrom('invites').select('id').where('used_by', '=', leaver.id).execute(),
      personal: await db.selectFrom('spaces').select('id').where('id', '=', leaver.personalSpaceId).execute(),
      personalLog: await db.selectFrom('membership_log').select('seq').where('space_id', '=', leaver.personalSpaceId).execute(),
      alone: await db.selectFrom('spaces').select('id').where('id', '=', alone.id).execute(),
    });
    expect(await byUser()).toEqual({
      users: [],
      sessions: [],
      members: [],
      keys: [],
      records: [],
      invitesMade: [],
      invitesUsed: [],
      personal: [],
      personalLog: [],
      alone: [],
    });
    expect(await db.selectFrom('invites').select('id').where('id', '=', openInvite.id).execute()).toEqual([]);
    // No row anywhere still mentions their email.
    for (const table of TABLES) {
      const rows = await db.selectFrom(table).selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain(leaver.email);
    }

    for (const space of [couple, triad]) {
      const { body } = await call(app, 'GET', `/api/spaces/${space.id}`, { as: partner });
      expect(body.space.needsRotation).toBe(true);
      expect(body.space.members.map((m: { userId: string }) => m.userId)).not.toContain(leaver.id);
      const records = await call(app, 'GET', `/api/spaces/${space.id}/records`, { as: partner });
      expect(records.body.records.map((r: { authorId: string }) => r.authorId)).toEqual([partner.id]);
      expect(errorCodeOf((await writeRecord(app, partner, space.id, space.epoch)).body)).toBe('rotation-required');
    }
    expect(events).toEqual(
      expect.arrayContaining([
        [partner.id, { spaceId: couple.id, type: 'members' }],
        [partner.id, { spaceId: triad.id, type: 'members' }],
        [third.id, { spaceId: triad.id, type: 'members' }],
        [pendingOnly.id, { spaceId: alone.id, type: 'removed' }],
      ]),
    );
    expect((await call(app, 'GET', '/api/auth/me', { as: leaver })).status).toBe(401);
    const signin = await call(app, 'POST', '/api/auth/signin', { json: { email: leaver.email, loginKey: leaver.loginKey }, as: leaver });
    expect(errorCodeOf(signin.body)).toBe('invalid-credentials');
    // The email is free again.
    expect((await createUser(app, { email: leaver.email })).email).toBe(leaver.email);
  });
});
