/**
 * The sync engine as the app runs it (real crypto, the app's API client, IndexedDB on
 * fake-indexeddb), one engine per device, against a real server in-process: two and three
 * devices, live changes, offline and reconnect, rotation during writes, and a hostile server
 * that reorders, withholds and injects.
 */
import { afterEach, beforeAll, expect, it } from 'vitest';
import { createUser, type TestUser } from '../../../tests/factories/index.ts';
import { createSpaceWithKeys, leaveWithKeys } from '../../../tests/factories/keyed-spaces.ts';
import { startClient, type TestClient } from '../../../tests/factories/sync-clients.ts';
import { checkinDocs, checkinKind, checkinSettingsKind } from '../features/checkins/kinds.ts';
import { registerAllKinds } from '../app/kinds.ts';
import { profileKind, spaceDocs } from '../spaces/kinds.ts';
import { createTestApp } from '../../server/testing/app.ts';
import { describeEachDatabase } from '../../server/testing/databases.ts';
import { generateSpaceKey, sealSpaceKey } from '../../crypto/space-keys.ts';
import { decryptRecord } from '../../crypto/records.ts';

beforeAll(() => registerAllKinds());

const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.stop();
});

describeEachDatabase('sync engine', (suite) => {
  async function world(n: 2 | 3) {
    const t = createTestApp(suite.db);
    const users: TestUser[] = [];
    for (let i = 0; i < n; i++) users.push(await createUser(t.app));
    const space = await createSpaceWithKeys(t.app, users[0]!, users.slice(1));
    const devices: TestClient[] = [];
    for (const u of users) {
      const c = await startClient(t.app, u);
      clients.push(c);
      devices.push(c);
    }
    for (const d of devices) await d.engine.syncNow();
    return { t, users, space, devices };
  }

  const nameIn = (c: TestClient, spaceId: string, userId: string) => {
    const state = c.engine.spaceState(spaceId);
    return state ? (spaceDocs(state).profiles.get(userId)?.displayName ?? null) : null;
  };

  it('two devices: a write reaches the other live, which pulls only that space', async () => {
    const { space, users, devices } = await world(2);
    const [a, b] = devices as [TestClient, TestClient];
    expect(b.engine.spaceState(space.id)?.epoch).toBe(space.epoch);
    b.requests.length = 0;
    await a.engine.write(space.id, profileKind, { displayName: 'Alex', pronouns: '' });
    await b.until(() => nameIn(b, space.id, users[0]!.id) === 'Alex');
    // Pull only what changed: no list of spaces, no other space, no membership read.
    expect(b.requests.filter((r) => r.startsWith('GET'))).toEqual([expect.stringMatching(new RegExp(`^GET /api/spaces/${space.id}/records\\?since=\\d+$`))]);
  });

  it('offline writes wait in the outbox and arrive after reconnecting', async () => {
    const { space, users, devices } = await world(2);
    const [a, b] = devices as [TestClient, TestClient];
    a.setOnline(false);
    await a.engine.write(space.id, profileKind, { displayName: 'Offline Alex', pronouns: '' });
    expect(a.engine.status().pendingWrites).toBe(1);
    expect(nameIn(b, space.id, users[0]!.id)).toBeNull();
    a.setOnline(true);
    await b.until(() => nameIn(b, space.id, users[0]!.id) === 'Offline Alex');
    await a.until(() => a.engine.status().pendingWrites === 0);
  });

  it('three devices: after a member leaves, a remaining device rotates on the leaver’s departure and the writes go on', async () => {
    const { t, space, users, devices } = await world(3);
    const [a, b, c] = devices as [TestClient, TestClient, TestClient];
    await c.stop();
    await leaveWithKeys(t.app, users[2]!, space);
    // A and B learn of it live; one of them rotates (with the leaver's signed departure).
    await a.until(() => (a.engine.spaceState(space.id)?.epoch ?? 0) === space.epoch + 1, 8_000);
    await b.until(() => (b.engine.spaceState(space.id)?.epoch ?? 0) === space.epoch + 1, 8_000);
    const stateA = a.engine.spaceState(space.id)!;
    expect(stateA.logMembers.map((m) => m.userId).sort()).toEqual([users[0]!.id, users[1]!.id].sort());
    expect(stateA.integrityWarning).toBeNull();
    await b.engine.write(space.id, profileKind, { displayName: 'Blake', pronouns: '' });
    await a.until(() => nameIn(a, space.id, users[1]!.id) === 'Blake');
  });

  it('a write made during a rotation is re-encrypted under the new key and never lost', async () => {
    const { t, space, users, devices } = await world(3);
    const [a, b] = devices as [TestClient, TestClient];
    // B writes while offline under the current epoch; meanwhile C leaves and A rotates.
    b.setOnline(false);
    await b.engine.write(space.id, profileKind, { displayName: 'Queued Blake', pronouns: '' });
    await leaveWithKeys(t.app, users[2]!, space);
    await a.until(() => (a.engine.spaceState(space.id)?.epoch ?? 0) === space.epoch + 1, 8_000);
    b.setOnline(true);
    await a.until(() => nameIn(a, space.id, users[1]!.id) === 'Queued Blake', 8_000);
    await b.until(() => b.engine.status().pendingWrites === 0);
  });

  it('hostile: records replayed and reordered cannot turn sharing back on (finding 2)', async () => {
    const { t, space, users, devices } = await world(2);
    const [a] = devices as [TestClient];
    const personal = users[0]!.personalSpaceId;
    await a.engine.write(personal, checkinSettingsKind, { health: false, shareWith: [space.id] });
    await a.engine.flush();
    await a.engine.write(personal, checkinSettingsKind, { health: false, shareWith: [] });
    await a.engine.flush();
    // A second device of A's, whose server reverses the record order and swaps their sequence numbers.
    const other = await startClient(t.app, users[0]!, { start: false });
    clients.push(other);
    other.setRewrite((req, body) => {
      if (!req.path.startsWith(`/api/spaces/${personal}/records`)) return undefined;
      const records = [...body.records].reverse();
      const seqs = records.map((r: { seq: number }) => r.seq).sort((x: number, y: number) => x - y);
      return { ...body, records: records.map((r: object, i: number) => ({ ...r, seq: seqs[i] })) };
    });
    await other.engine.start({ userId: users[0]!.id, email: users[0]!.email, uk: new Uint8Array(32), identity: users[0]!.identity });
    await other.engine.syncNow();
    expect(checkinDocs(other.engine.spaceState(personal)!).settings).toEqual({ health: false, shareWith: [] });
  });

  it('hostile: a server can withhold a newer version (a stated limit), but a replayed older one never rolls it back', async () => {
    const { space, users, devices } = await world(2);
    const [a, b] = devices as [TestClient, TestClient];
    const recordsPath = `/api/spaces/${space.id}/records`;
    await a.engine.write(space.id, profileKind, { displayName: 'First', pronouns: '' });
    await b.until(() => nameIn(b, space.id, users[0]!.id) === 'First');
    // Withheld: B's server answers as if nothing new had arrived.
    b.setRewrite((req, body) => (req.path.startsWith(recordsPath) ? { ...body, records: [], hasMore: false, cursor: b.engine.spaceState(space.id)!.cursor } : undefined));
    await a.engine.write(space.id, profileKind, { displayName: 'Second', pronouns: '' });
    await a.engine.flush();
    await b.engine.syncNow();
    expect(nameIn(b, space.id, users[0]!.id)).toBe('First');
    b.setRewrite(null);
    await b.engine.syncNow();
    expect(nameIn(b, space.id, users[0]!.id)).toBe('Second');
    // Replayed from the start, newest first: the older version arrives last and loses.
    const state = b.engine.spaceState(space.id)!;
    state.cursor = 0;
    b.setRewrite((req, body) => (req.path.startsWith(recordsPath) ? { ...body, records: [...body.records].reverse() } : undefined));
    await b.engine.syncNow();
    expect(nameIn(b, space.id, users[0]!.id)).toBe('Second');
  });

  it('hostile: an epoch injected by the operator with a former member’s key is refused, and writes stay on the signed epoch (finding 1)', async () => {
    const { t, space, users, devices } = await world(3);
    const [a, b, m] = devices as [TestClient, TestClient, TestClient];
    const mallory = users[2]!;
    await m.stop();
    await leaveWithKeys(t.app, mallory, space);
    await a.until(() => (a.engine.spaceState(space.id)?.epoch ?? 0) === space.epoch + 1, 8_000);
    await b.until(() => (b.engine.spaceState(space.id)?.epoch ?? 0) === space.epoch + 1, 8_000);
    const signed = space.epoch + 1;
    // The operator moves the space to an epoch no member introduced, with a key Mallory chose.
    const evil = generateSpaceKey();
    const db = suite.db.database.db;
    await db.updateTable('spaces').set({ epoch: signed + 1 }).where('id', '=', space.id).execute();
    await db
      .insertInto('space_keys')
      .values(
        users.slice(0, 2).map((u) => ({
          space_id: space.id,
          epoch: signed + 1,
          user_id: u.id,
          sealed_key: Buffer.from(
            sealSpaceKey({ spaceKey: evil, spaceId: space.id, epoch: signed + 1, recipientUserId: u.id, recipientPublicKey: u.identity.x25519.publicKey, senderUserId: mallory.id, senderSigningKey: mallory.identity.ed25519.secretKey }),
          ),
          sealed_by: mallory.id,
        })),
      )
      .execute();
    await b.engine.syncNow();
    const state = b.engine.spaceState(space.id)!;
    expect(state.integrityWarning).not.toBeNull();
    expect(state.keys.has(signed + 1)).toBe(false);
    expect(state.epoch).toBe(signed);
    // B writes: the server refuses the old epoch, so nothing is stored under a key Mallory holds.
    await b.engine.write(space.id, profileKind, { displayName: 'Blake', pronouns: '' });
    await b.engine.flush();
    const rows = await db.selectFrom('records').selectAll().where('space_id', '=', space.id).execute();
    for (const row of rows) {
      expect(() =>
        decryptRecord({ spaceKey: evil, spaceId: space.id, recordId: row.id, authorId: row.author_id, epoch: row.epoch, ciphertext: new Uint8Array(row.ciphertext) }),
      ).toThrow();
    }
  });

  it('hostile: a member hidden by the operator is never rotated out by anyone’s app (finding 3)', async () => {
    const { space, users, devices } = await world(3);
    const [a, b] = devices as [TestClient, TestClient];
    const db = suite.db.database.db;
    await db.deleteFrom('space_members').where('space_id', '=', space.id).where('user_id', '=', users[2]!.id).execute();
    await db.updateTable('spaces').set({ needs_rotation: 1 }).where('id', '=', space.id).execute();
    await a.engine.syncNow();
    await b.engine.syncNow();
    const log = await db.selectFrom('membership_log').select('epoch').where('space_id', '=', space.id).execute();
    expect(Math.max(...log.map((l) => l.epoch))).toBe(space.epoch);
    expect(a.engine.spaceState(space.id)?.integrityWarning).toBe('membership');
    expect(b.engine.spaceState(space.id)?.integrityWarning).toBe('membership');
  });

  it('a check-in shared to the space reaches the partner, and the kinds stay where they may live', async () => {
    const { space, users, devices } = await world(2);
    const [a, b] = devices as [TestClient, TestClient];
    const checkin = { v: 1 as const, at: Date.now(), tz: 'Europe/Berlin', emotional: 6, physical: 4 };
    await a.engine.write(space.id, checkinKind, { checkin });
    await b.until(() => [...checkinDocs(b.engine.spaceState(space.id)!).checkins.values()].some((d) => d.authorId === users[0]!.id));
    await expect(a.engine.write(space.id, checkinSettingsKind, { health: true, shareWith: [] })).rejects.toMatchObject({ code: 'bad-request' });
  });

  it('deleting: a signed tombstone removes my record from the server and from the partner’s device', async () => {
    const { t, space, users, devices } = await world(2);
    const [a, b] = devices as [TestClient, TestClient];
    const checkin = { v: 1 as const, at: Date.now(), tz: 'Europe/Berlin', emotional: 6, physical: 4 };
    const id = await a.engine.write(space.id, checkinKind, { checkin });
    const partnerHas = () => checkinDocs(b.engine.spaceState(space.id)!).checkins.has(id);
    await b.until(partnerHas);
    expect(await a.engine.deleteRecords(space.id, [id])).toBe(1);
    expect(checkinDocs(a.engine.spaceState(space.id)!).checkins.has(id)).toBe(false);
    await b.until(() => !partnerHas());
    const rows = await suite.db.database.db.selectFrom('records').select('id').where('id', '=', id).execute();
    expect(rows).toEqual([]);
    // A device that comes later never sees it either, and one that reloads does not bring it back.
    const later = await startClient(t.app, users[1]!);
    clients.push(later);
    await later.engine.syncNow();
    expect(checkinDocs(later.engine.spaceState(space.id)!).checkins.has(id)).toBe(false);
  });

  it('deleting: a member cannot delete someone else’s record, even with the server’s help', async () => {
    const { space, users, devices } = await world(3);
    const [a, b, c] = devices as [TestClient, TestClient, TestClient];
    const checkin = { v: 1 as const, at: Date.now(), tz: 'Europe/Berlin', emotional: 6, physical: 4 };
    const id = await a.engine.write(space.id, checkinKind, { checkin });
    await c.until(() => checkinDocs(c.engine.spaceState(space.id)!).checkins.has(id));
    // B's app will not even try; B's own tombstone naming A's record is refused by the server.
    expect(await b.engine.deleteRecords(space.id, [id])).toBe(0);
    // A hostile server stores a tombstone B made in A's name (encrypted by B with A as author).
    const { encryptRecord } = await import('../../crypto/records.ts');
    const { signTombstone } = await import('../../crypto/tombstone.ts');
    const { encodeRecord } = await import('./kinds.ts');
    const { tombstoneKind } = await import('./tombstones.ts');
    const key = b.engine.spaceState(space.id)!.keys.get(space.epoch)!;
    const forgedId = '0190ffff-0000-7000-8000-000000000001';
    const sig = Buffer.from(signTombstone({ spaceId: space.id, authorId: users[0]!.id, recordIds: [id], signingKey: users[1]!.identity.ed25519.secretKey })).toString('base64url');
    const ciphertext = encryptRecord({ spaceKey: key, spaceId: space.id, recordId: forgedId, authorId: users[0]!.id, epoch: space.epoch, body: encodeRecord(tombstoneKind, { targets: [id], sig }, null) });
    const db = suite.db.database.db;
    const head = await db.updateTable('spaces').set((eb) => ({ head_seq: eb('head_seq', '+', 1) })).where('id', '=', space.id).returning('head_seq').executeTakeFirstOrThrow();
    await db.insertInto('records').values({ space_id: space.id, seq: head.head_seq, id: forgedId, author_id: users[0]!.id, epoch: space.epoch, ciphertext: Buffer.from(ciphertext), created_at: Date.now() }).execute();
    await c.engine.syncNow();
    expect(checkinDocs(c.engine.spaceState(space.id)!).checkins.has(id)).toBe(true);
    expect(c.engine.spaceState(space.id)!.integrityWarning).toBe('record');
  });

  it('leaving and taking back what I shared: gone from the server, and from the others’ devices when they sync', async () => {
    const { t, space, users, devices } = await world(3);
    const [a, , c] = devices as [TestClient, TestClient, TestClient];
    const checkin = { v: 1 as const, at: Date.now(), tz: 'Europe/Berlin', emotional: 6, physical: 4 };
    const id = await c.engine.write(space.id, checkinKind, { checkin });
    await c.engine.write(space.id, profileKind, { displayName: 'Casey', pronouns: '' });
    await a.until(() => checkinDocs(a.engine.spaceState(space.id)!).checkins.has(id) && nameIn(a, space.id, users[2]!.id) === 'Casey');
    await c.stop();
    const { leaveSpace } = await import('../../../tests/factories/index.ts');
    expect((await leaveSpace(t.app, users[2]!, space.id, { erase: true })).status).toBe(204);
    await a.until(() => !checkinDocs(a.engine.spaceState(space.id)!).checkins.has(id) && nameIn(a, space.id, users[2]!.id) === null, 8_000);
    const rows = await suite.db.database.db.selectFrom('records').select('id').where('space_id', '=', space.id).where('author_id', '=', users[2]!.id).execute();
    expect(rows).toEqual([]);
  });

  it('removing a member on purpose: they lose the space at once, the others follow the signed removal', async () => {
    const { t, space, users, devices } = await world(3);
    const [a, b, c] = devices as [TestClient, TestClient, TestClient];
    await a.engine.removeMember(space.id, users[2]!.id);
    await c.until(() => c.engine.spaceState(space.id) === undefined);
    await b.until(() => (b.engine.spaceState(space.id)?.epoch ?? 0) === space.epoch + 1);
    const state = b.engine.spaceState(space.id)!;
    expect(state.integrityWarning).toBeNull();
    expect(state.logMembers.map((m) => m.userId).sort()).toEqual([users[0]!.id, users[1]!.id].sort());
    expect(state.history.at(-1)).toMatchObject({ action: 'leave', by: users[0]!.id });
    // C's session can no longer reach the space.
    const res = await t.app.request(`/api/spaces/${space.id}/records`, { headers: { cookie: users[2]!.cookie } });
    expect(res.status).toBe(404);
    // Nobody can remove themselves this way, or someone who is not there.
    await expect(a.engine.removeMember(space.id, users[0]!.id)).rejects.toMatchObject({ code: 'not-found' });
    await expect(a.engine.removeMember(space.id, users[2]!.id)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('hostile: junk served as the newest membership entry is an integrity warning, never a new epoch or member', async () => {
    const { space, devices } = await world(2);
    const [a, b] = devices as [TestClient, TestClient];
    const db = suite.db.database.db;
    // The server itself refuses junk (see spaces.routes.test.ts); a hostile one stores it anyway.
    await db.insertInto('membership_log').values({ space_id: space.id, seq: 99, epoch: space.epoch + 1, author_id: 'x', entry: Buffer.alloc(200, 7), created_at: Date.now() }).execute();
    await db.updateTable('spaces').set({ epoch: space.epoch + 1 }).where('id', '=', space.id).execute();
    await b.engine.syncNow();
    const state = b.engine.spaceState(space.id)!;
    expect(state.integrityWarning).toBe('membership');
    expect(state.epoch).toBe(space.epoch);
    expect(state.logMembers).toHaveLength(2);
    // The device signs nothing on top of a history it cannot verify.
    const before = await db.selectFrom('membership_log').select('seq').where('space_id', '=', space.id).execute();
    await b.engine.syncNow();
    expect(await db.selectFrom('membership_log').select('seq').where('space_id', '=', space.id).execute()).toEqual(before);
    void a;
  });
});
