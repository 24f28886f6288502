/**
 * Quotas and rates (issue 17, ADR 030). Before: one new account wrote 300 records of 64 KiB in
 * under a second and made 200 shared places and 200 invitations, and one user held 500 live
 * streams. Each refusal is a 4xx with its own code; a refused write changes nothing.
 */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../limits.ts';
import {
  blob,
  call,
  createCouple,
  createInvite,
  createSharedSpace,
  createUser,
  deleteAccount,
  errorCodeOf,
  leaveSpace,
  newId,
  writeRecord,
} from '../../../tests/factories/index.ts';
import { createTestApp, type TestAppOptions } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { snapshotDatabase } from '../testing/snapshot.ts';
import { openEvents } from '../testing/sse.ts';

/** 297 bytes: the factory's default record ciphertext. */
const RECORD = 297;

describeEachDatabase('quotas and rates', (suite) => {
  let now = Date.now();
  const setup = (limits: TestAppOptions['config'] extends infer C ? (C extends { limits?: infer L } ? L : never) : never = {}) => {
    now = Date.now();
    return createTestApp(suite.db, { now: () => now, config: { limits: { writesPerMinute: 0, ...limits } } });
  };

  /** Every storage count equals what the records table really holds. */
  async function expectCountsTrue(): Promise<void> {
    const db = suite.db.database.db;
    const spaces = await sql<{ id: string; counted: number | string; real: number | string }>`
      select s.id, s.bytes_used as counted, (select coalesce(sum(length(r.ciphertext)), 0) from records r where r.space_id = s.id) as real from spaces s`.execute(db);
    for (const row of spaces.rows) expect(Number(row.counted), `space ${row.id}`).toBe(Number(row.real));
    const users = await sql<{ id: string; counted: number | string; real: number | string }>`
      select u.id, u.bytes_used as counted, (select coalesce(sum(length(r.ciphertext)), 0) from records r where r.author_id = u.id) as real from users u`.execute(db);
    for (const row of users.rows) expect(Number(row.counted), `user ${row.id}`).toBe(Number(row.real));
  }

  it('a shared place is full at its quota; a refused write changes nothing; deleting always works and makes room', async () => {
    const { app } = setup({ spaceStorageBytes: 3 * RECORD });
    const a = await createUser(app);
    const b = await createUser(app);
    const space = await createCouple(app, a, b);
    const first = await writeRecord(app, a, space.id, space.epoch);
    await writeRecord(app, b, space.id, space.epoch);
    const third = await writeRecord(app, a, space.id, space.epoch);
    const before = await snapshotDatabase(suite.db.database.db);
    const full = await writeRecord(app, b, space.id, space.epoch);
    expect(full.status).toBe(403);
    expect(errorCodeOf(full.body)).toBe('storage-full-space');
    expect(await snapshotDatabase(suite.db.database.db)).toEqual(before);
    // A tombstone that frees more than it adds goes through even when full.
    const tombstone = await call(app, 'POST', `/api/spaces/${space.id}/records`, {
      as: a,
      json: { id: newId(), epoch: space.epoch, ciphertext: blob.ciphertext(41), deletes: [first.id, third.id] },
    });
    expect(tombstone.status).toBe(201);
    expect((await writeRecord(app, b, space.id, space.epoch)).status).toBe(201);
    await expectCountsTrue();
  });

  it('a person is full at their quota, across all the places they write in', async () => {
    const { app } = setup({ personStorageBytes: 3 * RECORD });
    const a = await createUser(app);
    const b = await createUser(app);
    const space = await createCouple(app, a, b);
    await writeRecord(app, a, a.personalSpaceId, 1);
    await writeRecord(app, a, space.id, space.epoch);
    await writeRecord(app, a, a.personalSpaceId, 1);
    const full = await writeRecord(app, a, space.id, space.epoch);
    expect(full.status).toBe(403);
    expect(errorCodeOf(full.body)).toBe('storage-full-person');
    // The other person's room is their own.
    expect((await writeRecord(app, b, space.id, space.epoch)).status).toBe(201);
    // A retry of a write that was stored is still answered as a duplicate, full or not.
    const again = await call(app, 'POST', `/api/spaces/${a.personalSpaceId}/records`, { as: a, json: { id: newId(), epoch: 1, ciphertext: blob.ciphertext() } });
    expect(errorCodeOf(again.body)).toBe('storage-full-person');
    await expectCountsTrue();
  });

  it('storage counts stay true through leaving, taking back, removal and account deletion', async () => {
    const { app } = setup();
    const [a, b, c] = [await createUser(app), await createUser(app), await createUser(app)];
    const space = await createCouple(app, a, b, c);
    for (const who of [a, b, c, a, b, c]) expect((await writeRecord(app, who, space.id, space.epoch)).status).toBe(201);
    await writeRecord(app, b, b.personalSpaceId, 1);
    await expectCountsTrue();
    // c leaves and takes back what they shared.
    expect((await leaveSpace(app, c, space.id, { erase: true })).status).toBe(204);
    await expectCountsTrue();
    // b deletes their account: their records everywhere go.
    expect((await deleteAccount(app, b)).status).toBe(204);
    await expectCountsTrue();
    // a leaves last without taking back: the place is deleted with every record in it.
    const other = await createSharedSpace(app, a);
    await writeRecord(app, a, other.id, 1);
    expect((await leaveSpace(app, a, other.id)).status).toBe(204);
    await expectCountsTrue();
  });

  it('shared places and open invitations per person', async () => {
    const { app } = setup({ spacesPerPerson: 2, openInvitesPerPerson: 2 });
    const a = await createUser(app);
    const first = await createSharedSpace(app, a);
    await createSharedSpace(app, a);
    const third = await call(app, 'POST', '/api/spaces', { as: a, json: { id: newId(), sealedKey: blob.sealed(), membershipEntry: blob.junkMembershipEntry() } });
    expect(third.status).toBe(403);
    expect(errorCodeOf(third.body)).toBe('too-many-spaces');

    const one = await createInvite(app, a, first.id);
    await createInvite(app, a, first.id);
    const over = await call(app, 'POST', `/api/spaces/${first.id}/invites`, { as: a, json: { id: newId(), tokenHash: blob.key32(), sealedSecret: blob.sealed() } });
    expect(over.status).toBe(403);
    expect(errorCodeOf(over.body)).toBe('too-many-invites');
    // Withdrawing one (or one running out) makes room.
    expect((await call(app, 'DELETE', `/api/spaces/${first.id}/invites/${one.id}`, { as: a })).status).toBe(204);
    await createInvite(app, a, first.id);
  });

  it('with the defaults, a script writing as fast as it can is paced; a person is not', async () => {
    now = Date.now();
    const { app } = createTestApp(suite.db, { now: () => now });
    const a = await createUser(app);
    const statuses: number[] = [];
    for (let i = 0; i < DEFAULT_LIMITS.writeBurst + 5; i++) statuses.push((await writeRecord(app, a, a.personalSpaceId, 1)).status);
    expect(statuses.slice(0, DEFAULT_LIMITS.writeBurst).every((s) => s === 201)).toBe(true);
    const paced = await writeRecord(app, a, a.personalSpaceId, 1);
    expect(paced.status).toBe(429);
    expect(errorCodeOf(paced.body)).toBe('too-many-writes');
    const wait = Number(paced.res.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    // Someone else is not affected, and the same person writes again once the wait is over.
    const b = await createUser(app);
    expect((await writeRecord(app, b, b.personalSpaceId, 1)).status).toBe(201);
    now += wait * 1000;
    expect((await writeRecord(app, a, a.personalSpaceId, 1)).status).toBe(201);
  });

  it('live-event streams are capped per session: a new one closes the oldest', async () => {
    const { app } = setup({ streamsPerSession: 2 });
    const a = await createUser(app);
    const first = await openEvents(app, a.cookie);
    const second = await openEvents(app, a.cookie);
    const third = await openEvents(app, a.cookie);
    expect(await first.sse.ended(2000)).toBe(true);
    expect(await second.sse.ended(200)).toBe(false);
    expect(await third.sse.ended(200)).toBe(false);
    // Another session of the same person has its own allowance.
    const other = await call(app, 'POST', '/api/auth/signin', { json: { email: a.email, loginKey: a.loginKey }, as: a });
    const cookie = other.res.headers.getSetCookie()[0]!.split(';')[0]!;
    const elsewhere = await openEvents(app, cookie);
    expect(await second.sse.ended(200)).toBe(false);
    for (const s of [second, third, elsewhere]) await s.sse.close();
  });
});
