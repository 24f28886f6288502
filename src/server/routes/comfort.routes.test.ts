import { describe, expect, it } from 'vitest';
import type { ComfortRunSummary } from '../../shared/api.ts';
import { COMFORT_RUN_TTL_MS, COMFORT_RUN_WAIT_MS, comfortCiphertextBytes } from '../../shared/limits.ts';
import { blob, call, createCouple, createUser, errorCodeOf, leaveSpace, newId, randomB64, type TestUser } from '../../../tests/factories/index.ts';
import { createTestApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { markerEvent, openEvents } from '../testing/sse.ts';

const SLOTS = 8;
type App = ReturnType<typeof createTestApp>['app'];
const runs = (spaceId: string) => `/api/spaces/${spaceId}/comfort-runs`;
const message = (phase: 1 | 2, bytes = comfortCiphertextBytes(SLOTS)) => ({ phase, ciphertext: randomB64(bytes), signature: blob.signature() });

describeEachDatabase('comfort match routes', (suite) => {
  const db = () => suite.db.database.db;

  async function triad(now?: () => number) {
    const t = createTestApp(suite.db, now ? { now } : {});
    const [a, b, c] = [await createUser(t.app), await createUser(t.app), await createUser(t.app)];
    const space = await createCouple(t.app, a, b, c);
    return { ...t, a, b, c, space };
  }

  async function start(app: App, from: TestUser, spaceId: string, partner: TestUser, slots = SLOTS) {
    const id = newId();
    const res = await call<{ run: ComfortRunSummary }>(app, 'POST', runs(spaceId), { as: from, json: { id, partnerId: partner.id, slots } });
    return { ...res, id, path: `${runs(spaceId)}/${id}` };
  }

  describe('the gated exchange', () => {
    it('holds each phase until both have posted, then releases both; done after phase 2', async () => {
      const { app, a, b, space } = await triad();
      const run = await start(app, a, space.id, b);
      expect(run.status).toBe(201);
      expect(run.body.run).toMatchObject({ id: run.id, spaceId: space.id, createdBy: a.id, slots: SLOTS, status: 'open', released: [] });
      expect(run.body.run.participants.map((p) => p.userId)).toEqual([a.id, b.id].sort());

      const a1 = message(1);
      expect((await call(app, 'POST', `${run.path}/messages`, { as: a, json: a1 })).status).toBe(201);
      // B sees that A posted, never what: A's message is held.
      const held = await call(app, 'GET', run.path, { as: b });
      expect(held.body.messages).toEqual([]);
      expect(held.body.run.participants.find((p: { userId: string }) => p.userId === a.id).posted).toEqual([1]);
      // A gets their own back.
      expect((await call(app, 'GET', run.path, { as: a })).body.messages.map((m: { ciphertext: string }) => m.ciphertext)).toEqual([a1.ciphertext]);
      // Phase 2 is refused until both phase 1 messages are in.
      expect(errorCodeOf((await call(app, 'POST', `${run.path}/messages`, { as: a, json: message(2) })).body)).toBe('phase-not-ready');

      const b1 = message(1);
      const afterB = await call(app, 'POST', `${run.path}/messages`, { as: b, json: b1 });
      expect(afterB.body.run.released).toEqual([1]);
      const forA = await call(app, 'GET', run.path, { as: a });
      expect(forA.body.messages.filter((m: { userId: string }) => m.userId === b.id).map((m: { ciphertext: string }) => m.ciphertext)).toEqual([b1.ciphertext]);

      const a2 = message(2);
      await call(app, 'POST', `${run.path}/messages`, { as: a, json: a2 });
      expect((await call(app, 'GET', run.path, { as: b })).body.messages.filter((m: { phase: number }) => m.phase === 2)).toEqual([]);
      const b2 = message(2);
      const done = await call(app, 'POST', `${run.path}/messages`, { as: b, json: b2 });
      expect(done.body.run).toMatchObject({ status: 'done', released: [1, 2] });
      const final = await call(app, 'GET', run.path, { as: a });
      expect(final.body.messages.filter((m: { userId: string; phase: number }) => m.userId === b.id && m.phase === 2).map((m: { ciphertext: string }) => m.ciphertext)).toEqual([b2.ciphertext]);
      // Both see that the match happened.
      for (const who of [a, b]) expect((await call(app, 'GET', runs(space.id), { as: who })).body.runs.map((r: ComfortRunSummary) => r.status)).toEqual(['done']);
    });

    it('refuses a replayed message (one per person and phase) and a message after the run closed', async () => {
      const { app, a, b, space } = await triad();
      const run = await start(app, a, space.id, b);
      const a1 = message(1);
      await call(app, 'POST', `${run.path}/messages`, { as: a, json: a1 });
      const again = await call(app, 'POST', `${run.path}/messages`, { as: a, json: a1 });
      expect([again.status, errorCodeOf(again.body)]).toEqual([409, 'already-submitted']);
      const declined = await call(app, 'POST', `${run.path}/decline`, { as: b });
      expect(declined.body.run.status).toBe('declined');
      expect(errorCodeOf((await call(app, 'POST', `${run.path}/messages`, { as: b, json: message(1) })).body)).toBe('run-closed');
      // What was posted is gone.
      expect(await db().selectFrom('comfort_messages').selectAll().where('run_id', '=', run.id).execute()).toEqual([]);
    });

    it('refuses sizes other than the run\'s, and oversize or malformed bodies', async () => {
      const { app, a, b, space } = await triad();
      const run = await start(app, a, space.id, b);
      for (const bytes of [comfortCiphertextBytes(SLOTS) - 32, comfortCiphertextBytes(SLOTS) + 32]) {
        const res = await call(app, 'POST', `${run.path}/messages`, { as: a, json: message(1, bytes) });
        expect([res.status, errorCodeOf(res.body)]).toEqual([400, 'bad-request']);
      }
      const huge = await call(app, 'POST', `${run.path}/messages`, { as: a, json: message(1, comfortCiphertextBytes(401)) });
      expect(huge.status).toBe(400);
      for (const json of [{ ...message(1), phase: 3 }, { ...message(1), extra: 1 }, { ...message(1), signature: blob.key32() }]) {
        expect((await call(app, 'POST', `${run.path}/messages`, { as: a, json })).status).toBe(400);
      }
      for (const slots of [0, 3, 402]) expect((await start(app, b, space.id, a, slots)).status).toBe(400);
    });
  });

  describe('who may take part', () => {
    it('an outsider and a third member of the space see nothing and can do nothing', async () => {
      const { app, a, b, c, space } = await triad();
      const outsider = await createUser(app);
      const run = await start(app, a, space.id, b);
      await call(app, 'POST', `${run.path}/messages`, { as: a, json: message(1) });
      expect((await call(app, 'GET', runs(space.id), { as: c })).body.runs).toEqual([]);
      for (const who of [c, outsider]) {
        expect(errorCodeOf((await call(app, 'GET', run.path, { as: who })).body)).toBe('not-found');
        expect(errorCodeOf((await call(app, 'POST', `${run.path}/messages`, { as: who, json: message(1) })).body)).toBe('not-found');
        expect(errorCodeOf((await call(app, 'POST', `${run.path}/decline`, { as: who })).body)).toBe('not-found');
      }
      expect(errorCodeOf((await call(app, 'GET', runs(space.id), { as: outsider })).body)).toBe('not-found');
      expect(errorCodeOf((await start(app, outsider, space.id, a)).body)).toBe('not-found');
      // Nor can one start a match with someone outside the space, or with oneself, or in a personal space.
      expect(errorCodeOf((await start(app, c, space.id, outsider)).body)).toBe('members-mismatch');
      expect(errorCodeOf((await start(app, c, space.id, c)).body)).toBe('members-mismatch');
      expect(errorCodeOf((await call(app, 'POST', runs(a.personalSpaceId), { as: a, json: { id: newId(), partnerId: b.id, slots: SLOTS } })).body)).toBe('personal-space');
      // Any other pair of the space may match at the same time.
      expect((await start(app, c, space.id, b)).status).toBe(201);
    });

    it('tells only the two of them, live', async () => {
      const { app, notifier, a, b, c, space } = await triad();
      const [ea, eb, ec] = [await openEvents(app, a.cookie), await openEvents(app, b.cookie), await openEvents(app, c.cookie)];
      const run = await start(app, a, space.id, b);
      const event = { spaceId: space.id, type: 'comfort', runId: run.id };
      expect(await ea.sse.next()).toEqual(event);
      expect(await eb.sse.next()).toEqual(event);
      await call(app, 'POST', `${run.path}/messages`, { as: b, json: message(1) });
      expect(await ea.sse.next()).toEqual(event);
      const marker = markerEvent();
      await notifier.publish([c.id], marker);
      expect(await ec.sse.until(marker)).toEqual([]);
      for (const e of [ea, eb, ec]) await e.sse.close();
    });

    it('a run stops when one of the two has left the space', async () => {
      const { app, a, b, space } = await triad();
      const run = await start(app, a, space.id, b);
      await call(app, 'POST', `${run.path}/messages`, { as: a, json: message(1) });
      expect((await leaveSpace(app, b, space.id)).status).toBe(204);
      expect(errorCodeOf((await call(app, 'POST', `${run.path}/messages`, { as: b, json: message(1) })).body)).toBe('not-found');
      expect(errorCodeOf((await call(app, 'POST', `${run.path}/messages`, { as: a, json: message(2) })).body)).toBe('members-mismatch');
    });
  });

  describe('time', () => {
    it('one run at a time per pair, a new one only after the wait, and open runs expire (their messages deleted)', async () => {
      let now = 1_800_000_000_000;
      const { app, a, b, space } = await triad(() => now);
      const first = await start(app, a, space.id, b);
      expect(errorCodeOf((await start(app, b, space.id, a)).body)).toBe('run-open');
      await call(app, 'POST', `${first.path}/decline`, { as: b });
      expect(errorCodeOf((await start(app, b, space.id, a)).body)).toBe('too-soon');
      now += COMFORT_RUN_WAIT_MS;
      const second = await start(app, b, space.id, a);
      expect(second.status).toBe(201);
      await call(app, 'POST', `${second.path}/messages`, { as: b, json: message(1) });
      now += COMFORT_RUN_TTL_MS;
      expect((await call(app, 'GET', second.path, { as: a })).body.run.status).toBe('expired');
      expect(errorCodeOf((await call(app, 'POST', `${second.path}/messages`, { as: a, json: message(1) })).body)).toBe('run-closed');
      expect(await db().selectFrom('comfort_messages').selectAll().where('run_id', '=', second.id).execute()).toEqual([]);
      expect((await start(app, a, space.id, b)).status).toBe(201);
    });
  });
});
