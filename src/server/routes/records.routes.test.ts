import { describe, expect, it } from 'vitest';
import type { TestUser } from '../../../tests/factories/index.ts';
import {
  blob,
  call,
  createCouple,
  createUser,
  deleteAccount,
  departureOf,
  errorCodeOf,
  leaveSpace,
  newId,
  rotate,
  writeRecord,
} from '../../../tests/factories/index.ts';
import { createTestApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';

describeEachDatabase('records routes', (suite) => {
  const setup = () => createTestApp(suite.db);

  it('appends records with increasing seq and pulls them in order', async () => {
    const { app } = setup();
    const [a, b] = [await createUser(app), await createUser(app)];
    const space = await createCouple(app, a, b);
    const written = [];
    for (let i = 0; i < 5; i++) written.push(await writeRecord(app, i % 2 ? b : a, space.id, space.epoch));
    expect(written.map((w) => [w.status, w.body.seq, w.body.duplicate])).toEqual([
      [201, 1, false],
      [201, 2, false],
      [201, 3, false],
      [201, 4, false],
      [201, 5, false],
    ]);
    const pulled = await call(app, 'GET', `/api/spaces/${space.id}/records`, { as: b });
    expect(pulled.status).toBe(200);
    expect(pulled.body.records).toEqual(
      written.map((w, i) => ({ id: w.id, seq: i + 1, authorId: i % 2 ? b.id : a.id, epoch: 2, ciphertext: w.ciphertext, createdAt: expect.any(Number) })),
    );
    expect(pulled.body).toMatchObject({ cursor: 5, hasMore: false });
    const { body } = await call(app, 'GET', `/api/spaces/${space.id}`, { as: a });
    expect(body.space.headSeq).toBe(5);
  });

  it('pages with since/limit, cursor and hasMore', async () => {
    const { app } = setup();
    const a = await createUser(app);
    for (let i = 0; i < 7; i++) await writeRecord(app, a, a.personalSpaceId, 1);
    const page1 = await call(app, 'GET', `/api/spaces/${a.personalSpaceId}/records?limit=3`, { as: a });
    expect(page1.body.records.map((r: { seq: number }) => r.seq)).toEqual([1, 2, 3]);
    expect(page1.body).toMatchObject({ cursor: 3, hasMore: true });
    const page2 = await call(app, 'GET', `/api/spaces/${a.personalSpaceId}/records?since=3&limit=3`, { as: a });
    expect(page2.body.records.map((r: { seq: number }) => r.seq)).toEqual([4, 5, 6]);
    const page3 = await call(app, 'GET', `/api/spaces/${a.personalSpaceId}/records?since=6&limit=3`, { as: a });
    expect(page3.body).toMatchObject({ cursor: 7, hasMore: false });
    const empty = await call(app, 'GET', `/api/spaces/${a.personalSpaceId}/records?since=7`, { as: a });
    expect(empty.body).toEqual({ records: [], cursor: 7, hasMore: false });
    for (const query of ['since=-1', 'limit=0', 'limit=501', 'since=abc', 'since=1&since=2', 'other=1', 'since=1.5']) {
      const bad = await call(app, 'GET', `/api/spaces/${a.personalSpaceId}/records?${query}`, { as: a });
      expect(bad.status, query).toBe(400);
      expect(errorCodeOf(bad.body)).toBe('bad-request');
    }
  });

  it('is idempotent by record id: an identical retry is a duplicate, anything else a conflict', async () => {
    const { app } = setup();
    const [a, b] = [await createUser(app), await createUser(app)];
    const space = await createCouple(app, a, b);
    const first = await writeRecord(app, a, space.id, space.epoch);
    const retry = await writeRecord(app, a, space.id, space.epoch, { id: first.id, ciphertext: first.ciphertext });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ seq: first.body.seq, duplicate: true });
    const differentBody = await writeRecord(app, a, space.id, space.epoch, { id: first.id });
    expect(differentBody.status).toBe(409);
    expect(errorCodeOf(differentBody.body)).toBe('record-conflict');
    const differentAuthor = await writeRecord(app, b, space.id, space.epoch, { id: first.id, ciphertext: first.ciphertext });
    expect(errorCodeOf(differentAuthor.body)).toBe('record-conflict');
    const pulled = await call(app, 'GET', `/api/spaces/${space.id}/records`, { as: a });
    expect(pulled.body.records).toHaveLength(1);
  });

  it('stores concurrent writes once each, with distinct seqs', async () => {
    const { app } = setup();
    const [a, b] = [await createUser(app), await createUser(app)];
    const space = await createCouple(app, a, b);
    const same = { id: newId(), ciphertext: blob.ciphertext() };
    const results = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => writeRecord(app, i % 2 ? a : b, space.id, space.epoch)),
      ...Array.from({ length: 4 }, () => writeRecord(app, a, space.id, space.epoch, same)),
    ]);
    expect(results.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    expect(results.filter((r) => r.status === 201)).toHaveLength(21);
    const seqs = new Set(results.map((r) => r.body.seq));
    expect(seqs.size).toBe(21);
    const pulled = await call(app, 'GET', `/api/spaces/${space.id}/records`, { as: a });
    expect(pulled.body.records.map((r: { seq: number }) => r.seq)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
  });

  it('answers concurrent writes across spaces each as if alone (a stale epoch, a stranger, a taken id among them)', async () => {
    const { app } = setup();
    const [a, b, c] = [await createUser(app), await createUser(app), await createUser(app)];
    const ab = await createCouple(app, a, b);
    const taken = await writeRecord(app, a, ab.id, ab.epoch);
    const results = await Promise.all([
      ...Array.from({ length: 6 }, (_, i) => writeRecord(app, i % 2 ? a : b, ab.id, ab.epoch)),
      ...Array.from({ length: 6 }, () => writeRecord(app, c, c.personalSpaceId, 1)),
      writeRecord(app, a, ab.id, ab.epoch - 1),
      writeRecord(app, c, ab.id, ab.epoch),
      writeRecord(app, b, ab.id, ab.epoch, { id: taken.id }),
      writeRecord(app, a, ab.id, ab.epoch, { id: taken.id, ciphertext: taken.ciphertext }),
    ]);
    expect(results.map((r) => r.status)).toEqual([...Array(12).fill(201), 409, 404, 409, 200]);
    expect(results.slice(12).map((r) => errorCodeOf(r.body) ?? 'ok')).toEqual(['stale-epoch', 'not-found', 'record-conflict', 'ok']);
    const pulled = await call(app, 'GET', `/api/spaces/${ab.id}/records`, { as: b });
    expect(pulled.body.records.map((r: { seq: number }) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const own = await call(app, 'GET', `/api/spaces/${c.personalSpaceId}/records`, { as: c });
    expect(own.body.records.map((r: { seq: number }) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('refuses a write under an old epoch after rotation with stale-epoch', async () => {
    const { app } = setup();
    const [a, b] = [await createUser(app), await createUser(app)];
    const space = await createCouple(app, a, b);
    const old = space.epoch;
    expect((await rotate(app, b, space)).status).toBe(200);
    const stale = await writeRecord(app, a, space.id, old);
    expect(stale.status).toBe(409);
    expect(errorCodeOf(stale.body)).toBe('stale-epoch');
    const future = await writeRecord(app, a, space.id, space.epoch + 1);
    expect(errorCodeOf(future.body)).toBe('stale-epoch');
    expect((await writeRecord(app, a, space.id, space.epoch)).status).toBe(201);
  });

  it('after a member leaves: rotation-required until a rotation, then writes are accepted', async () => {
    const { app } = setup();
    const [a, b, c] = [await createUser(app), await createUser(app), await createUser(app)];
    const space = await createCouple(app, a, b, c);
    expect((await leaveSpace(app, c, space.id)).status).toBe(204);
    const refused = await writeRecord(app, a, space.id, space.epoch);
    expect(refused.status).toBe(409);
    expect(errorCodeOf(refused.body)).toBe('rotation-required');
    // Sealing the new key to the leaver as well is refused.
    const withLeaver = await call(app, 'POST', `/api/spaces/${space.id}/epochs`, {
      as: b,
      json: { epoch: space.epoch + 1, sealedKeys: [a.id, b.id, c.id].map((userId) => ({ userId, sealedKey: blob.sealed() })), membershipEntry: blob.junkMembershipEntry() },
    });
    expect(errorCodeOf(withLeaver.body)).toBe('members-mismatch');
    expect((await rotate(app, b, space)).status).toBe(200);
    expect((await writeRecord(app, a, space.id, space.epoch)).status).toBe(201);
    expect(errorCodeOf((await writeRecord(app, c, space.id, space.epoch)).body)).toBe('not-found');
  });

  it('validates the body', async () => {
    const { app } = setup();
    const a = await createUser(app);
    for (const json of [
      { id: newId(), epoch: 1, ciphertext: blob.ciphertext(40) },
      { id: newId(), epoch: 0, ciphertext: blob.ciphertext() },
      { id: newId(), epoch: 1, ciphertext: blob.ciphertext(64 * 1024 + 1) },
      { id: newId(), epoch: 1, ciphertext: '!!!!' },
      { id: 'x', epoch: 1, ciphertext: blob.ciphertext() },
      { id: newId(), epoch: 1, ciphertext: blob.ciphertext(), extra: true },
    ]) {
      const res = await call(app, 'POST', `/api/spaces/${a.personalSpaceId}/records`, { as: a, json });
      expect(res.status).toBe(400);
      expect(errorCodeOf(res.body)).toBe('bad-request');
    }
    const max = await writeRecord(app, a, a.personalSpaceId, 1, { ciphertext: blob.ciphertext(64 * 1024) });
    expect(max.status).toBe(201);
  });

  describe('deletion (a tombstone with deletes)', () => {
    const tombstone = (app: ReturnType<typeof setup>['app'], as: TestUser, spaceId: string, epoch: number, deletes: string[]) =>
      call(app, 'POST', `/api/spaces/${spaceId}/records`, { as, json: { id: newId(), epoch, ciphertext: blob.ciphertext(), deletes } });
    const ids = async (spaceId: string) =>
      (await suite.db.database.db.selectFrom('records').select('id').where('space_id', '=', spaceId).execute()).map((r) => r.id).sort();

    it('deletes the author’s records as the tombstone is stored; a retry and unknown ids are fine', async () => {
      const { app } = setup();
      const [a, b] = [await createUser(app), await createUser(app)];
      const space = await createCouple(app, a, b);
      const mine = [await writeRecord(app, a, space.id, space.epoch), await writeRecord(app, a, space.id, space.epoch)];
      const theirs = await writeRecord(app, b, space.id, space.epoch);
      const id = newId();
      const json = { id, epoch: space.epoch, ciphertext: blob.ciphertext(), deletes: [...mine.map((r) => r.id), newId()] };
      const res = await call(app, 'POST', `/api/spaces/${space.id}/records`, { as: a, json });
      expect(res.status).toBe(201);
      expect(await ids(space.id)).toEqual([id, theirs.id].sort());
      expect((await call(app, 'POST', `/api/spaces/${space.id}/records`, { as: a, json })).body.duplicate).toBe(true);
    });

    it('pages past the gaps deletions leave: full pages, the cursor moves on, no empty page with hasMore', async () => {
      const { app } = setup();
      const a = await createUser(app);
      const space = a.personalSpaceId;
      const written = [];
      for (let i = 0; i < 10; i++) written.push(await writeRecord(app, a, space, 1));
      expect((await tombstone(app, a, space, 1, written.slice(1, 9).map((r) => r.id))).status).toBe(201);
      const seqs = (body: { records: Array<{ seq: number }> }) => body.records.map((r) => r.seq);
      const page1 = await call(app, 'GET', `/api/spaces/${space}/records?limit=2`, { as: a });
      expect(seqs(page1.body)).toEqual([1, 10]);
      expect(page1.body).toMatchObject({ cursor: 10, hasMore: true });
      const page2 = await call(app, 'GET', `/api/spaces/${space}/records?since=10&limit=2`, { as: a });
      expect(seqs(page2.body)).toEqual([11]);
      expect(page2.body).toMatchObject({ cursor: 11, hasMore: false });
      const middle = await call(app, 'GET', `/api/spaces/${space}/records?since=2&limit=3`, { as: a });
      expect(seqs(middle.body)).toEqual([10, 11]);
      expect(middle.body).toMatchObject({ cursor: 11, hasMore: false });
      const all = await call(app, 'GET', `/api/spaces/${space}/records`, { as: a });
      expect(seqs(all.body)).toEqual([1, 10, 11]);
    });

    it('refuses to delete someone else’s record: forbidden, and nothing is written', async () => {
      const { app } = setup();
      const [a, b] = [await createUser(app), await createUser(app)];
      const space = await createCouple(app, a, b);
      const mine = await writeRecord(app, a, space.id, space.epoch);
      const theirs = await writeRecord(app, b, space.id, space.epoch);
      const before = await ids(space.id);
      const res = await tombstone(app, a, space.id, space.epoch, [mine.id, theirs.id]);
      expect(res.status).toBe(403);
      expect(errorCodeOf(res.body)).toBe('forbidden');
      expect(await ids(space.id)).toEqual(before);
      // The sequence the refused write claimed was given back: the next write follows on.
      const next = await writeRecord(app, a, space.id, space.epoch);
      expect(next.body.seq).toBe(3);
    });

    it('validates the list: ids only, at least one, at most 500', async () => {
      const { app } = setup();
      const a = await createUser(app);
      for (const deletes of [[], ['x'], Array.from({ length: 501 }, () => newId())]) {
        const res = await tombstone(app, a, a.personalSpaceId, 1, deletes as string[]);
        expect(res.status).toBe(400);
      }
    });

    it('leaving with an erasing departure deletes the leaver’s records; without, they stay', async () => {
      const { app } = setup();
      const [a, b, c] = [await createUser(app), await createUser(app), await createUser(app)];
      const space = await createCouple(app, a, b, c);
      const fromB = await writeRecord(app, b, space.id, space.epoch);
      const fromC = await writeRecord(app, c, space.id, space.epoch);
      expect((await leaveSpace(app, b, space.id)).status).toBe(204);
      expect((await leaveSpace(app, c, space.id, { erase: true })).status).toBe(204);
      expect(await ids(space.id)).toEqual([fromB.id]);
      void fromC;
    });

    it('deleting an account needs erasing departures', async () => {
      const { app } = setup();
      const [a, b] = [await createUser(app), await createUser(app)];
      const space = await createCouple(app, a, b);
      const departure = await departureOf(app, b, space.id, false);
      const res = await call(app, 'DELETE', '/api/auth/account', { as: b, json: { loginKey: b.loginKey, departures: [{ spaceId: space.id, departure }] } });
      expect(res.status).toBe(422);
      expect(errorCodeOf(res.body)).toBe('membership-invalid');
      expect((await deleteAccount(app, b)).status).toBe(204);
    });
  });
});
