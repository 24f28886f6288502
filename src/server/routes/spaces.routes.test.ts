import { describe, expect, it } from 'vitest';
import type { RequestableApp, TestUser } from '../../../tests/factories/index.ts';
import { MAX_SPACE_MEMBERS } from '../../shared/limits.ts';
import {
  acceptInvite,
  blob,
  call,
  createCouple,
  createEntry,
  createInvite,
  createSharedSpace,
  createUser,
  deleteAccount,
  departureOf,
  errorCodeOf,
  leaveSpace,
  memberIds,
  newId,
  randomIp,
  signupBody,
  nextEntry,
  rotate,
  writeRecord,
} from '../../../tests/factories/index.ts';
import { createTestApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';

describeEachDatabase('spaces routes', (suite) => {
  const setup = () => createTestApp(suite.db);

  describe('GET /api/spaces and POST /api/spaces', () => {
    it('creates a shared space with the creator as the active member at epoch 1', async () => {
      const { app } = setup();
      const owner = await createUser(app);
      const id = newId();
      const sealedKey = blob.sealed();
      const membershipEntry = createEntry(id, owner);
      const created = await call(app, 'POST', '/api/spaces', { as: owner, json: { id, sealedKey, membershipEntry } });
      expect(created.status).toBe(201);
      expect(created.body.space).toMatchObject({ id, kind: 'shared', epoch: 1, needsRotation: false, headSeq: 0 });
      expect(created.body.space.members).toEqual([
        { userId: owner.id, status: 'active', publicKeys: owner.publicKeys, joinedAt: expect.any(Number), inviteId: null, joinMac: null },
      ]);
      expect(created.body.space.myKeys).toEqual([{ epoch: 1, sealedKey, sealedBy: owner.id }]);
      expect(created.body.membershipLog).toEqual([{ seq: 1, epoch: 1, authorId: owner.id, entry: membershipEntry, createdAt: expect.any(Number) }]);

      const list = await call(app, 'GET', '/api/spaces', { as: owner });
      expect(list.status).toBe(200);
      expect(list.body.spaces.map((s: { id: string; kind: string }) => [s.id, s.kind]).sort()).toEqual(
        [
          [owner.personalSpaceId, 'personal'],
          [id, 'shared'],
        ].sort(),
      );
    });

    it('refuses a taken space id with id-taken', async () => {
      const { app } = setup();
      const owner = await createUser(app);
      const space = await createSharedSpace(app, owner);
      const again = await call(app, 'POST', '/api/spaces', { as: owner, json: { id: space.id, sealedKey: blob.sealed(), membershipEntry: blob.junkMembershipEntry() } });
      expect(again.status).toBe(409);
      expect(errorCodeOf(again.body)).toBe('id-taken');
      const personal = await call(app, 'POST', '/api/spaces', { as: owner, json: { id: owner.personalSpaceId, sealedKey: blob.sealed(), membershipEntry: blob.junkMembershipEntry() } });
      expect(errorCodeOf(personal.body)).toBe('id-taken');
    });

    it('lists members with public keys and status, and my keys for every epoch', async () => {
      const { app } = setup();
      const [a, b] = [await createUser(app), await createUser(app)];
      const space = await createCouple(app, a, b);
      const { body } = await call(app, 'GET', `/api/spaces/${space.id}`, { as: b });
      expect(body.space.epoch).toBe(2);
      expect(body.space.members.map((m: { userId: string; status: string }) => [m.userId, m.status])).toEqual([
        [a.id, 'active'],
        [b.id, 'active'],
      ]);
      expect(body.space.members[1].publicKeys).toEqual(b.publicKeys);
      expect(body.space.members[1].inviteId).toEqual(expect.any(String));
      expect(body.space.myKeys.map((k: { epoch: number; sealedBy: string }) => [k.epoch, k.sealedBy])).toEqual([[2, a.id]]);
      const mine = await call(app, 'GET', `/api/spaces/${space.id}`, { as: a });
      expect(mine.body.space.myKeys.map((k: { epoch: number }) => k.epoch)).toEqual([1, 2]);
      expect(mine.body.membershipLog.map((e: { seq: number; epoch: number }) => [e.seq, e.epoch])).toEqual([
        [1, 1],
        [2, 2],
      ]);
    });
  });

  describe('POST /api/spaces/:spaceId/epochs', () => {
    it('admits a pending member by sealing the new key to active members plus them', async () => {
      const { app } = setup();
      const [a, b] = [await createUser(app), await createUser(app)];
      const space = await createSharedSpace(app, a);
      const invite = await createInvite(app, a, space.id);
      expect((await acceptInvite(app, b, invite)).status).toBe(200);
      const before = await call(app, 'GET', `/api/spaces/${space.id}`, { as: a });
      expect(before.body.space.members.find((m: { userId: string }) => m.userId === b.id)).toMatchObject({ status: 'pending', inviteId: invite.id, joinMac: expect.any(String) });
      const rotated = await rotate(app, a, space, [b.id]);
      expect(rotated.status).toBe(200);
      expect(rotated.body.space.epoch).toBe(2);
      expect(rotated.body.space.members.every((m: { status: string }) => m.status === 'active')).toBe(true);
    });

    it('answers epoch-conflict unless the epoch is exactly current + 1', async () => {
      const { app } = setup();
      const a = await createUser(app);
      const space = await createSharedSpace(app, a);
      for (const epoch of [3, 5]) {
        const res = await call(app, 'POST', `/api/spaces/${space.id}/epochs`, {
          as: a,
          json: { epoch, sealedKeys: [{ userId: a.id, sealedKey: blob.sealed() }], membershipEntry: blob.junkMembershipEntry() },
        });
        expect(res.status).toBe(409);
        expect(errorCodeOf(res.body)).toBe('epoch-conflict');
      }
      expect((await rotate(app, a, space)).status).toBe(200);
      const stale = await call(app, 'POST', `/api/spaces/${space.id}/epochs`, {
        as: a,
        json: { epoch: 2, sealedKeys: [{ userId: a.id, sealedKey: blob.sealed() }], membershipEntry: blob.junkMembershipEntry() },
      });
      expect(errorCodeOf(stale.body)).toBe('epoch-conflict');
    });

    it('answers members-mismatch unless sealed to exactly active members plus admitted pending ones', async () => {
      const { app } = setup();
      const [a, b, c, outsider] = [await createUser(app), await createUser(app), await createUser(app), await createUser(app)];
      const space = await createCouple(app, a, b);
      const invite = await createInvite(app, a, space.id);
      await acceptInvite(app, c, invite);
      const entry = await nextEntry(app, a, space.id, 3, [a.id, b.id]);
      const attempt = (sealedTo: string[], admit: string[] = []) =>
        call(app, 'POST', `/api/spaces/${space.id}/epochs`, {
          as: a,
          json: { epoch: 3, sealedKeys: sealedTo.map((userId) => ({ userId, sealedKey: blob.sealed() })), admit, membershipEntry: entry },
        });
      const cases: Array<[string[], string[]]> = [
        [[a.id], []], // missing b
        [[a.id, b.id, c.id], []], // c pending but not admitted
        [[a.id, b.id], [c.id]], // admitted but not sealed to
        [[a.id, b.id, outsider.id], [outsider.id]], // not pending here
        [[a.id, b.id, b.id], []], // duplicate
        [[a.id, b.id, c.id], [c.id, c.id]], // duplicate admit
        [[a.id, b.id, c.id], [b.id, c.id]], // admitting an active member
      ];
      for (const [sealedTo, admit] of cases) {
        const res = await attempt(sealedTo, admit);
        expect(res.status, JSON.stringify([sealedTo.length, admit.length])).toBe(422);
        expect(errorCodeOf(res.body)).toBe('members-mismatch');
      }
      const detail = await call(app, 'GET', `/api/spaces/${space.id}`, { as: a });
      expect(detail.body.space.epoch).toBe(2);
      expect((await attempt([a.id, b.id])).status).toBe(200);
    });

    it('is forbidden to a pending member', async () => {
      const { app } = setup();
      const [a, b] = [await createUser(app), await createUser(app)];
      const space = await createSharedSpace(app, a);
      await acceptInvite(app, b, await createInvite(app, a, space.id));
      const res = await call(app, 'POST', `/api/spaces/${space.id}/epochs`, {
        as: b,
        json: { epoch: 2, sealedKeys: [{ userId: a.id, sealedKey: blob.sealed() }, { userId: b.id, sealedKey: blob.sealed() }], admit: [b.id], membershipEntry: blob.junkMembershipEntry() },
      });
      expect(res.status).toBe(403);
      expect(errorCodeOf(res.body)).toBe('forbidden');
      // ... who can still see the space and its log (to verify it) but not its records.
      expect((await call(app, 'GET', `/api/spaces/${space.id}`, { as: b })).status).toBe(200);
      expect(errorCodeOf((await call(app, 'GET', `/api/spaces/${space.id}/records`, { as: b })).body)).toBe('forbidden');
      expect(errorCodeOf((await writeRecord(app, b, space.id, 1)).body)).toBe('forbidden');
    });
  });

  describe('POST /api/spaces/:spaceId/leave', () => {
    it('refuses to leave a personal space', async () => {
      const { app } = setup();
      const a = await createUser(app);
      const res = await leaveSpace(app, a, a.personalSpaceId);
      expect(res.status).toBe(409);
      expect(errorCodeOf(res.body)).toBe('personal-space');
    });

    it('removes the leaver, their keys and open invites; the space needs rotation', async () => {
      const { app } = setup();
      const [a, b] = [await createUser(app), await createUser(app)];
      const space = await createCouple(app, a, b);
      const invite = await createInvite(app, b, space.id);
      expect((await leaveSpace(app, b, space.id)).status).toBe(204);
      expect(errorCodeOf((await call(app, 'GET', `/api/spaces/${space.id}`, { as: b })).body)).toBe('not-found');
      const { body } = await call(app, 'GET', `/api/spaces/${space.id}`, { as: a });
      expect(body.space.needsRotation).toBe(true);
      expect(body.space.members.map((m: { userId: string }) => m.userId)).toEqual([a.id]);
      const invites = await call(app, 'GET', `/api/spaces/${space.id}/invites`, { as: a });
      expect(invites.body.invites.find((i: { id: string }) => i.id === invite.id).status).toBe('revoked');
      const keys = await suite.db.database.db.selectFrom('space_keys').selectAll().where('space_id', '=', space.id).where('user_id', '=', b.id).execute();
      expect(keys).toEqual([]);
    });

    it('deletes the space when the last active member leaves', async () => {
      const { app } = setup();
      const [a, pending] = [await createUser(app), await createUser(app)];
      const space = await createSharedSpace(app, a);
      await acceptInvite(app, pending, await createInvite(app, a, space.id));
      await writeRecord(app, a, space.id, 1);
      expect((await leaveSpace(app, a, space.id)).status).toBe(204);
      const rows = await suite.db.database.db.selectFrom('spaces').select('id').where('id', '=', space.id).execute();
      expect(rows).toEqual([]);
      expect(await suite.db.database.db.selectFrom('records').select('id').where('space_id', '=', space.id).execute()).toEqual([]);
      expect(errorCodeOf((await call(app, 'GET', `/api/spaces/${space.id}`, { as: pending })).body)).toBe('not-found');
    });

    it('lets a pending member withdraw without forcing a rotation', async () => {
      const { app } = setup();
      const [a, b] = [await createUser(app), await createUser(app)];
      const space = await createSharedSpace(app, a);
      await acceptInvite(app, b, await createInvite(app, a, space.id));
      expect((await leaveSpace(app, b, space.id)).status).toBe(204);
      const { body } = await call(app, 'GET', `/api/spaces/${space.id}`, { as: a });
      expect(body.space.needsRotation).toBe(false);
      expect(body.space.members).toHaveLength(1);
    });
  });

  describe('membership entries and departures are checked before they are stored', () => {
    const logOf = async (app: RequestableApp, as: TestUser, spaceId: string) => (await call(app, 'GET', `/api/spaces/${spaceId}`, { as })).body.membershipLog;

    it('refuses a junk, foreign or unchained entry with membership-invalid, and the log stays usable', async () => {
      const { app } = setup();
      const [a, b, m] = [await createUser(app), await createUser(app), await createUser(app)];
      const space = await createCouple(app, a, b);
      const before = await logOf(app, a, space.id);
      const members = [a.id, b.id];
      const post = (membershipEntry: string, as: TestUser = a) =>
        call(app, 'POST', `/api/spaces/${space.id}/epochs`, {
          as,
          json: { epoch: space.epoch + 1, sealedKeys: members.map((userId) => ({ userId, sealedKey: blob.sealed() })), membershipEntry },
        });
      const good = await nextEntry(app, a, space.id, space.epoch + 1, members);
      const bad = [
        blob.junkMembershipEntry(),
        // signed by b but sent by a
        await nextEntry(app, b, space.id, space.epoch + 1, members),
        // another epoch than the one it is sent with
        await nextEntry(app, a, space.id, space.epoch + 2, members),
        // a different member set than the sealed keys
        await nextEntry(app, a, space.id, space.epoch + 1, [a.id]),
        // signed by someone outside the space (m's keys are not in the previous entry)
        await nextEntry(app, { ...m, cookie: a.cookie, ip: a.ip }, space.id, space.epoch + 1, members),
        // one byte changed
        (() => {
          const bytes = Buffer.from(good, 'base64url');
          bytes[bytes.length - 70]! ^= 1;
          return bytes.toString('base64url');
        })(),
      ];
      for (const entry of bad) {
        const res = await post(entry);
        expect(res.status).toBe(422);
        expect(errorCodeOf(res.body)).toBe('membership-invalid');
      }
      expect(await logOf(app, a, space.id)).toEqual(before);
      const detail = await call(app, 'GET', `/api/spaces/${space.id}`, { as: a });
      expect(detail.body.space.epoch).toBe(space.epoch);
      // The same entry, well formed, extends the chain.
      expect((await post(good)).status).toBe(200);
      expect((await logOf(app, a, space.id)).length).toBe(before.length + 1);
    });

    it('refuses a space whose first entry is junk or lists someone else', async () => {
      const { app } = setup();
      const [a, b] = [await createUser(app), await createUser(app)];
      for (const entry of [(id: string) => blob.junkMembershipEntry(), (id: string) => createEntry(id, b)]) {
        const id = newId();
        const res = await call(app, 'POST', '/api/spaces', { as: a, json: { id, sealedKey: blob.sealed(), membershipEntry: entry(id) } });
        expect(res.status).toBe(422);
        expect(errorCodeOf(res.body)).toBe('membership-invalid');
        expect(await suite.db.database.db.selectFrom('spaces').select('id').where('id', '=', id).execute()).toEqual([]);
      }
    });

    it('refuses a sign-up whose personal space entry is not signed by the new account', async () => {
      const { app } = setup();
      const other = await createUser(app);
      const body = signupBody();
      body.personalSpace.membershipEntry = createEntry(body.personalSpace.id, other);
      const res = await call(app, 'POST', '/api/auth/signup', { json: body, as: { ip: randomIp() } });
      expect(res.status).toBe(422);
      expect(errorCodeOf(res.body)).toBe('membership-invalid');
      expect(await suite.db.database.db.selectFrom('users').select('id').where('id', '=', body.userId).execute()).toEqual([]);
    });

    it('an active member leaves only with their own signed departure, which the others can read', async () => {
      const { app } = setup();
      const [a, b, c] = [await createUser(app), await createUser(app), await createUser(app)];
      const space = await createCouple(app, a, b, c);
      const leave = (json: object) => call(app, 'POST', `/api/spaces/${space.id}/leave`, { as: c, json });
      const missing = await leave({});
      expect(missing.status).toBe(422);
      expect(errorCodeOf(missing.body)).toBe('departure-required');
      // Signed by a member for c, or by c for another space: refused, and c is still in.
      const forged = await departureOf(app, { ...a, id: c.id }, space.id);
      const other = await createCouple(app, c, a);
      const elsewhere = await departureOf(app, c, other.id);
      for (const departure of [forged, elsewhere, blob.signature()]) {
        const res = await leave({ departure });
        expect(res.status).toBe(422);
        expect(errorCodeOf(res.body)).toBe('membership-invalid');
      }
      const still = await call(app, 'GET', `/api/spaces/${space.id}`, { as: a });
      expect(still.body.space.members.map((m: { userId: string }) => m.userId)).toContain(c.id);
      expect(still.body.departures).toEqual([]);

      const departure = await departureOf(app, c, space.id);
      expect((await leave({ departure })).status).toBe(204);
      const after = await call(app, 'GET', `/api/spaces/${space.id}`, { as: a });
      expect(after.body.departures).toEqual([{ userId: c.id, departure, createdAt: expect.any(Number) }]);
    });

    it('deleting an account needs a departure for each shared space with others in it', async () => {
      const { app } = setup();
      const [a, b] = [await createUser(app), await createUser(app)];
      const space = await createCouple(app, a, b);
      const res = await call(app, 'DELETE', '/api/auth/account', { as: b, json: { loginKey: b.loginKey } });
      expect(res.status).toBe(422);
      expect(errorCodeOf(res.body)).toBe('departure-required');
      expect((await call(app, 'GET', '/api/auth/me', { as: b })).status).toBe(200);
      expect((await deleteAccount(app, b)).status).toBe(204);
      const after = await call(app, 'GET', `/api/spaces/${space.id}`, { as: a });
      expect(after.body.departures.map((d: { userId: string }) => d.userId)).toEqual([b.id]);
    });
  });

  describe('removing a member on purpose (a rotation that names whom it removes)', () => {
    it('removes an active member at once, with a signed entry that leaves them out', async () => {
      const { app } = setup();
      const [a, b, c] = [await createUser(app), await createUser(app), await createUser(app)];
      const space = await createCouple(app, a, b, c);
      const entry = await nextEntry(app, a, space.id, space.epoch + 1, [a.id, b.id], 'leave');
      const res = await call(app, 'POST', `/api/spaces/${space.id}/epochs`, {
        as: a,
        json: { epoch: space.epoch + 1, sealedKeys: [a.id, b.id].map((userId) => ({ userId, sealedKey: blob.sealed() })), remove: [c.id], membershipEntry: entry },
      });
      expect(res.status).toBe(200);
      expect(res.body.space.members.map((m: { userId: string }) => m.userId).sort()).toEqual([a.id, b.id].sort());
      expect(errorCodeOf((await call(app, 'GET', `/api/spaces/${space.id}`, { as: c })).body)).toBe('not-found');
      const keys = await suite.db.database.db.selectFrom('space_keys').selectAll().where('space_id', '=', space.id).where('user_id', '=', c.id).execute();
      expect(keys).toEqual([]);
    });

    it('refuses to remove oneself, a pending or unknown member, or to admit and remove at once; nothing changes', async () => {
      const { app } = setup();
      const [a, b, c, d] = [await createUser(app), await createUser(app), await createUser(app), await createUser(app)];
      const space = await createCouple(app, a, b, c);
      await acceptInvite(app, d, await createInvite(app, a, space.id));
      const attempt = (sealedTo: string[], remove: string[], admit: string[] = []) =>
        call(app, 'POST', `/api/spaces/${space.id}/epochs`, {
          as: a,
          json: { epoch: space.epoch + 1, sealedKeys: sealedTo.map((userId) => ({ userId, sealedKey: blob.sealed() })), admit, remove, membershipEntry: blob.junkMembershipEntry() },
        });
      const cases: Array<[string[], string[], string[]]> = [
        [[b.id, c.id], [a.id], []], // myself
        [[a.id, b.id, c.id], [d.id], []], // pending
        [[a.id, b.id, c.id], [newId()], []], // not a member
        [[a.id, b.id, d.id], [c.id], [d.id]], // admit and remove in one entry
        [[a.id, b.id], [c.id, c.id], []], // twice
        [[a.id, b.id, c.id], [c.id], []], // still sealed to the removed member
      ];
      for (const [sealedTo, remove, admit] of cases) {
        const res = await attempt(sealedTo, remove, admit);
        expect(res.status, JSON.stringify(remove)).toBe(422);
        expect(errorCodeOf(res.body)).toBe('members-mismatch');
      }
      expect((await memberIds(app, a, space.id)).sort()).toEqual([a.id, b.id, c.id].sort());
    });
  });

  describe('DELETE /api/spaces/:spaceId/members/:userId', () => {
    it('declines a pending member only', async () => {
      const { app } = setup();
      const [a, b, c] = [await createUser(app), await createUser(app), await createUser(app)];
      const space = await createCouple(app, a, b);
      await acceptInvite(app, c, await createInvite(app, a, space.id));
      const active = await call(app, 'DELETE', `/api/spaces/${space.id}/members/${b.id}`, { as: a });
      expect(active.status).toBe(403);
      expect(errorCodeOf(active.body)).toBe('forbidden');
      const unknown = await call(app, 'DELETE', `/api/spaces/${space.id}/members/${newId()}`, { as: a });
      expect(errorCodeOf(unknown.body)).toBe('not-found');
      const ok = await call(app, 'DELETE', `/api/spaces/${space.id}/members/${c.id}`, { as: a });
      expect(ok.status).toBe(204);
      expect(errorCodeOf((await call(app, 'GET', `/api/spaces/${space.id}`, { as: c })).body)).toBe('not-found');
      const { body } = await call(app, 'GET', `/api/spaces/${space.id}`, { as: a });
      expect(body.space.needsRotation).toBe(false);
      expect(body.space.members).toHaveLength(2);
    });
  });

  it('holds at most MAX_SPACE_MEMBERS members', async () => {
    const { app } = setup();
    const owner = await createUser(app);
    const space = await createSharedSpace(app, owner);
    for (let i = 1; i < MAX_SPACE_MEMBERS; i++) {
      const joiner = await createUser(app);
      expect((await acceptInvite(app, joiner, await createInvite(app, owner, space.id))).status).toBe(200);
    }
    const late = await createUser(app);
    const full = await acceptInvite(app, late, await createInvite(app, owner, space.id));
    expect(full.status).toBe(403);
    expect(errorCodeOf(full.body)).toBe('forbidden');
  });
});
