/**
 * The epoch rule and the removal rule against a real server whose operator is hostile: the
 * client functions that decide which key to trust (verifyMembership, openKeys, membersToKeep)
 * read what a real server answers after the operator changed its database directly.
 */
import { expect, it } from 'vitest';
import { fromB64 } from '../../shared/base64.ts';
import type { SpaceResponse } from '../../shared/api.ts';
import { encryptRecord, decryptRecord } from '../../crypto/records.ts';
import { generateSpaceKey, sealSpaceKey } from '../../crypto/space-keys.ts';
import { call, createUser, type TestUser } from '../../../tests/factories/index.ts';
import { createTestApp } from '../../server/testing/app.ts';
import { describeEachDatabase } from '../../server/testing/databases.ts';
import { createSpaceWithKeys, leaveWithKeys, rotateWithKeys, signedNext, type KeyedSpace } from '../../../tests/factories/keyed-spaces.ts';
import { currentKey, emptySpaceState, membersToKeep, MembershipMismatch, openKeys, verifyMembership } from './space-state.ts';

function ringOf(user: TestUser) {
  return { userId: user.id, email: user.email, uk: new Uint8Array(32), identity: user.identity };
}

describeEachDatabase('space state against a hostile operator', (suite) => {
  const setup = () => createTestApp(suite.db);
  const db = () => suite.db.database.db;

  async function view(app: ReturnType<typeof setup>['app'], user: TestUser, spaceId: string) {
    const { body } = await call<SpaceResponse>(app, 'GET', `/api/spaces/${spaceId}`, { as: user });
    const state = emptySpaceState(body.space);
    let mismatch: unknown = null;
    try {
      verifyMembership(state, body.membershipLog, body.departures);
    } catch (error) {
      mismatch = error;
    }
    openKeys(state, ringOf(user));
    return { state, mismatch, body };
  }

  /** A, B and M share a space; M leaves with a signed departure; A rotates to epoch 4. */
  async function afterMLeft() {
    const { app } = setup();
    const [a, b, m] = [await createUser(app), await createUser(app), await createUser(app)];
    const space = await createSpaceWithKeys(app, a, [b, m]);
    expect(space.epoch).toBe(3);
    const mKey = space.keys.get(3)!;
    await leaveWithKeys(app, m, space);
    await rotateWithKeys(app, a, space, [a, b]);
    expect(space.epoch).toBe(4);
    return { app, a, b, m, space, mKey };
  }

  it('honest: both remaining members open epoch 4 from the member who introduced it', async () => {
    const { app, a, b, space } = await afterMLeft();
    for (const user of [a, b]) {
      const { state, mismatch } = await view(app, user, space.id);
      expect(mismatch).toBeNull();
      expect(state.integrityWarning).toBeNull();
      expect(currentKey(state)).toEqual({ epoch: 4, key: space.keys.get(4) });
    }
  });

  it('finding 1: an epoch 5 announced by the operator with a key chosen and sealed by M is refused', async () => {
    const { app, a, b, m, space } = await afterMLeft();
    // The operator bumps the epoch and stores a key M chose, sealed by M to A and B.
    const evil = generateSpaceKey();
    await db().updateTable('spaces').set({ epoch: 5, needs_rotation: 0 }).where('id', '=', space.id).execute();
    await db()
      .insertInto('space_keys')
      .values(
        [a, b].map((u) => ({
          space_id: space.id,
          epoch: 5,
          user_id: u.id,
          sealed_key: Buffer.from(
            sealSpaceKey({ spaceKey: evil, spaceId: space.id, epoch: 5, recipientUserId: u.id, recipientPublicKey: u.identity.x25519.publicKey, senderUserId: m.id, senderSigningKey: m.identity.ed25519.secretKey }),
          ),
          sealed_by: m.id,
        })),
      )
      .execute();
    for (const user of [a, b]) {
      const { state, mismatch } = await view(app, user, space.id);
      expect(mismatch).toBeInstanceOf(MembershipMismatch);
      expect(state.keys.has(5)).toBe(false);
      // Nothing is written under a key M holds.
      expect(currentKey(state)?.key).not.toEqual(evil);
    }
    // Had B written, M could not read it: B's writes go under epoch 4's key at most.
    const { state } = await view(app, b, space.id);
    state.epoch = 4; // the verified epoch the client keeps from before
    const written = currentKey({ ...state, keys: new Map([[4, space.keys.get(4)!]]) });
    expect(written?.epoch).toBe(4);
    const ciphertext = encryptRecord({ spaceKey: written!.key, spaceId: space.id, recordId: '0190a1b2-0000-7000-8000-0000000000e1', authorId: b.id, epoch: 4, body: new TextEncoder().encode('hello') });
    expect(() => decryptRecord({ spaceKey: evil, spaceId: space.id, recordId: '0190a1b2-0000-7000-8000-0000000000e1', authorId: b.id, epoch: 4, ciphertext })).toThrow();
  });

  it('finding 1: a key for a known epoch sealed by a former member instead of its introducer is refused', async () => {
    const { app, a, b, m, space } = await afterMLeft();
    const evil = generateSpaceKey();
    await db()
      .updateTable('space_keys')
      .set({
        sealed_key: Buffer.from(
          sealSpaceKey({ spaceKey: evil, spaceId: space.id, epoch: 4, recipientUserId: b.id, recipientPublicKey: b.identity.x25519.publicKey, senderUserId: m.id, senderSigningKey: m.identity.ed25519.secretKey }),
        ),
        sealed_by: m.id,
      })
      .where('space_id', '=', space.id)
      .where('epoch', '=', 4)
      .where('user_id', '=', b.id)
      .execute();
    const { state } = await view(app, b, space.id);
    expect(state.keys.has(4)).toBe(false);
    expect(state.integrityWarning).toBe('key');
    expect(currentKey(state)).toBeNull();
    void a;
  });

  it('finding 1: an entry for epoch 5 signed by M is not a fact of the log', async () => {
    const { app, a, m, space } = await afterMLeft();
    // The operator appends an entry M signed (M is not a member of epoch 4).
    const { entry } = await signedNext(app, a, space, [a.id], 'leave', m);
    await db().insertInto('membership_log').values({ space_id: space.id, seq: 99, epoch: 5, author_id: m.id, entry: Buffer.from(fromB64(entry)), created_at: Date.now() }).execute();
    await db().updateTable('spaces').set({ epoch: 5 }).where('id', '=', space.id).execute();
    const { mismatch, state } = await view(app, a, space.id);
    expect(mismatch).not.toBeNull();
    expect(state.epoch).toBe(0);
    expect(currentKey(state)).toBeNull();
  });

  it('honest members derive the same head of the history, which the safety code covers', async () => {
    const { app, a, b, space } = await afterMLeft();
    const honest = (await view(app, a, space.id)).state.head;
    expect(honest).not.toBeNull();
    expect((await view(app, b, space.id)).state.head).toEqual(honest);
  });

  it('finding 3: a member hidden by the operator is not removed by anyone’s app', async () => {
    const { app } = setup();
    const [a, b, c] = [await createUser(app), await createUser(app), await createUser(app)];
    const space = await createSpaceWithKeys(app, a, [b, c]);
    // A's app verified the space while it was honest.
    const { state } = await view(app, a, space.id);
    expect(membersToKeep(state)?.length).toBe(3);
    // The operator hides C and asks for a rotation.
    await db().deleteFrom('space_members').where('space_id', '=', space.id).where('user_id', '=', c.id).execute();
    await db().updateTable('spaces').set({ needs_rotation: 1 }).where('id', '=', space.id).execute();
    const hostile = (await call<SpaceResponse>(app, 'GET', `/api/spaces/${space.id}`, { as: a })).body;
    expect(() => verifyMembership({ ...state, summary: hostile.space }, hostile.membershipLog, hostile.departures)).toThrow(MembershipMismatch);
    // With the server's list as it now is, A's app would keep C: no rotation is signed.
    expect(membersToKeep({ ...state, summary: hostile.space })).toBeNull();
  });

  it('a real departure lets the others rotate without the leaver, and only without them', async () => {
    const { app } = setup();
    const [a, b, c] = [await createUser(app), await createUser(app), await createUser(app)];
    const space: KeyedSpace = await createSpaceWithKeys(app, a, [b, c]);
    await leaveWithKeys(app, c, space);
    const { state, mismatch } = await view(app, a, space.id);
    expect(mismatch).toBeNull();
    expect([...state.departed]).toEqual([c.id]);
    expect(membersToKeep(state)?.map((m) => m.userId).sort()).toEqual([a.id, b.id].sort());
  });
});
