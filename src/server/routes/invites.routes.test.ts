import { describe, expect, it } from 'vitest';
import { INVITE_TTL_MS, LOCKOUT_FREE_FAILURES } from '../../shared/limits.ts';
import {
  acceptInvite,
  blob,
  call,
  createCouple,
  createInvite,
  createSharedSpace,
  createUser,
  errorCodeOf,
  inviteSecrets,
  newId,
  randomIp,
} from '../../../tests/factories/index.ts';
import { createTestApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';

describeEachDatabase('invites routes', (suite) => {
  describe('create, list, revoke', () => {
    it('creates an invite at the current epoch, valid for INVITE_TTL_MS', async () => {
      const now = Date.now();
      const { app } = createTestApp(suite.db, { now: () => now });
      const owner = await createUser(app);
      const space = await createSharedSpace(app, owner);
      const id = newId();
      const { tokenHash } = inviteSecrets();
      const sealedSecret = blob.sealed();
      const res = await call(app, 'POST', `/api/spaces/${space.id}/invites`, { as: owner, json: { id, tokenHash, sealedSecret } });
      expect(res.status).toBe(201);
      expect(res.body.invite).toEqual({ id, spaceId: space.id, createdBy: owner.id, createdAt: now, expiresAt: now + INVITE_TTL_MS, status: 'open', epoch: 1, sealedSecret });
      const again = await call(app, 'POST', `/api/spaces/${space.id}/invites`, { as: owner, json: { id, tokenHash, sealedSecret } });
      expect(again.status).toBe(409);
      expect(errorCodeOf(again.body)).toBe('id-taken');
    });

    it('refuses invites to a personal space', async () => {
      const { app } = createTestApp(suite.db);
      const owner = await createUser(app);
      const { tokenHash } = inviteSecrets();
      const res = await call(app, 'POST', `/api/spaces/${owner.personalSpaceId}/invites`, { as: owner, json: { id: newId(), tokenHash, sealedSecret: blob.sealed() } });
      expect(res.status).toBe(409);
      expect(errorCodeOf(res.body)).toBe('personal-space');
    });

    it('lists invites with their status: open, used, revoked, expired', async () => {
      let now = Date.now();
      const { app } = createTestApp(suite.db, { now: () => now });
      const [owner, joiner] = [await createUser(app), await createUser(app)];
      const space = await createSharedSpace(app, owner);
      const used = await createInvite(app, owner, space.id);
      const revoked = await createInvite(app, owner, space.id);
      const open = await createInvite(app, owner, space.id);
      await acceptInvite(app, joiner, used);
      expect((await call(app, 'DELETE', `/api/spaces/${space.id}/invites/${revoked.id}`, { as: owner })).status).toBe(204);
      const status = async () => {
        const { body } = await call(app, 'GET', `/api/spaces/${space.id}/invites`, { as: owner });
        return Object.fromEntries(body.invites.map((i: { id: string; status: string }) => [i.id, i.status]));
      };
      expect(await status()).toEqual({ [used.id]: 'used', [revoked.id]: 'revoked', [open.id]: 'open' });
      now += INVITE_TTL_MS;
      expect(await status()).toEqual({ [used.id]: 'used', [revoked.id]: 'revoked', [open.id]: 'expired' });
    });

    it('revoking an invite of another space is not-found', async () => {
      const { app } = createTestApp(suite.db);
      const owner = await createUser(app);
      const [s1, s2] = [await createSharedSpace(app, owner), await createSharedSpace(app, owner)];
      const invite = await createInvite(app, owner, s1.id);
      const res = await call(app, 'DELETE', `/api/spaces/${s2.id}/invites/${invite.id}`, { as: owner });
      expect(errorCodeOf(res.body)).toBe('not-found');
    });
  });

  describe('preview and accept', () => {
    it('previews an open invite without a session', async () => {
      const { app } = createTestApp(suite.db);
      const [a, b] = [await createUser(app), await createUser(app)];
      const space = await createCouple(app, a, b);
      const invite = await createInvite(app, a, space.id);
      const res = await call(app, 'POST', `/api/invites/${invite.id}/preview`, { json: { token: invite.token }, as: { ip: randomIp() } });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ spaceId: space.id, expiresAt: expect.any(Number), memberCount: 2 });
    });

    it('answers invite-not-found for a wrong token or an unknown id', async () => {
      const { app } = createTestApp(suite.db);
      const a = await createUser(app);
      const space = await createSharedSpace(app, a);
      const invite = await createInvite(app, a, space.id);
      for (const [id, token] of [
        [invite.id, blob.key32()],
        [newId(), invite.token],
      ] as const) {
        const preview = await call(app, 'POST', `/api/invites/${id}/preview`, { json: { token }, as: { ip: randomIp() } });
        expect(preview.status).toBe(404);
        expect(errorCodeOf(preview.body)).toBe('invite-not-found');
        const accept = await call(app, 'POST', `/api/invites/${id}/accept`, { json: { token, mac: blob.key32() }, as: a });
        expect(errorCodeOf(accept.body)).toBe('invite-not-found');
      }
    });

    it('orders revoked > used > expired', async () => {
      let now = Date.now();
      const { app } = createTestApp(suite.db, { now: () => now });
      const [a, b, c] = [await createUser(app), await createUser(app), await createUser(app)];
      const space = await createSharedSpace(app, a);
      const invite = await createInvite(app, a, space.id);
      const preview = async () => errorCodeOf((await call(app, 'POST', `/api/invites/${invite.id}/preview`, { json: { token: invite.token }, as: { ip: randomIp() } })).body);
      expect((await acceptInvite(app, b, invite)).status).toBe(200);
      expect(await preview()).toBe('invite-used');
      expect(errorCodeOf((await acceptInvite(app, c, invite)).body)).toBe('invite-used');
      now += INVITE_TTL_MS + 1;
      expect(await preview()).toBe('invite-used');
      await suite.db.database.db.updateTable('invites').set({ revoked_at: now }).where('id', '=', invite.id).execute();
      expect(await preview()).toBe('invite-revoked');

      const expiring = await createInvite(app, a, space.id);
      now += INVITE_TTL_MS;
      const expired = await acceptInvite(app, c, expiring);
      expect(expired.status).toBe(410);
      expect(errorCodeOf(expired.body)).toBe('invite-expired');
      const revokedOnly = await createInvite(app, a, space.id);
      await call(app, 'DELETE', `/api/spaces/${space.id}/invites/${revokedOnly.id}`, { as: a });
      expect(errorCodeOf((await acceptInvite(app, c, revokedOnly)).body)).toBe('invite-revoked');
    });

    it('answers already-member to an active or pending member', async () => {
      const { app } = createTestApp(suite.db);
      const [a, b] = [await createUser(app), await createUser(app)];
      const space = await createSharedSpace(app, a);
      const own = await acceptInvite(app, a, await createInvite(app, a, space.id));
      expect(own.status).toBe(409);
      expect(errorCodeOf(own.body)).toBe('already-member');
      await acceptInvite(app, b, await createInvite(app, a, space.id));
      const twice = await acceptInvite(app, b, await createInvite(app, a, space.id));
      expect(errorCodeOf(twice.body)).toBe('already-member');
    });

    it('is single use under concurrent accepts', async () => {
      const { app } = createTestApp(suite.db);
      const owner = await createUser(app);
      const joiners = await Promise.all(Array.from({ length: 6 }, () => createUser(app)));
      const space = await createSharedSpace(app, owner);
      const invite = await createInvite(app, owner, space.id);
      const results = await Promise.all(joiners.map((j) => acceptInvite(app, j, invite)));
      const winners = results.filter((r) => r.status === 200);
      expect(winners).toHaveLength(1);
      for (const loser of results.filter((r) => r.status !== 200)) expect(errorCodeOf(loser.body)).toBe('invite-used');
      const { body } = await call(app, 'GET', `/api/spaces/${space.id}`, { as: owner });
      expect(body.space.members.filter((m: { status: string }) => m.status === 'pending')).toHaveLength(1);
    });

    it('slows wrong tokens per address, never a signed-in person or the invitation itself', async () => {
      const { app } = createTestApp(suite.db);
      const a = await createUser(app);
      const space = await createSharedSpace(app, a);
      const invite = await createInvite(app, a, space.id);
      const ip = randomIp();
      for (let i = 0; i < LOCKOUT_FREE_FAILURES + 1; i++) {
        expect((await call(app, 'POST', `/api/invites/${newId()}/preview`, { json: { token: invite.token }, as: { ip } })).status).toBe(404);
      }
      const limited = await call(app, 'POST', `/api/invites/${invite.id}/preview`, { json: { token: invite.token }, as: { ip } });
      expect(limited.status).toBe(429);
      expect(errorCodeOf(limited.body)).toBe('rate-limited');
      expect(Number(limited.res.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another address, and a signed-in person on the same address, are not held back.
      expect((await call(app, 'POST', `/api/invites/${invite.id}/preview`, { json: { token: invite.token }, as: { ip: randomIp() } })).status).toBe(200);
      const joiner = await createUser(app);
      expect((await call(app, 'POST', `/api/invites/${invite.id}/preview`, { json: { token: invite.token }, as: { ...joiner, ip } })).status).toBe(200);
    });
  });
});
