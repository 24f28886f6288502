import { describe, expect, it } from 'vitest';
import type { LiveEvent, RoundSummary } from '../../shared/api.ts';
import { MAX_SPACE_MEMBERS, MAX_SUBMISSION_BYTES } from '../../shared/limits.ts';
import {
  acceptInvite,
  blob,
  call,
  createCouple,
  createInvite,
  createRound,
  createUser,
  deleteAccount,
  errorCodeOf,
  leaveSpace,
  newId,
  rotate,
  startRound,
  submitAnswer,
  type TestUser,
  withdrawRound,
} from '../../../tests/factories/index.ts';
import { createTestApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { snapshotDatabase } from '../testing/snapshot.ts';
import { markerEvent, openEvents } from '../testing/sse.ts';

const path = (round: { spaceId: string; id: string }) => `/api/spaces/${round.spaceId}/rounds/${round.id}`;
const submittedOf = (round: RoundSummary) => Object.fromEntries(round.participants.map((p) => [p.userId, p.submitted]));

describeEachDatabase('rounds routes', (suite) => {
  const setup = () => createTestApp(suite.db);
  const db = () => suite.db.database.db;
  /** Every stored answer of a round (ciphertext as base64url, null once deleted). */
  const storedAnswers = async (roundId: string) =>
    (await db().selectFrom('round_participants').select(['user_id', 'ciphertext', 'signature']).where('round_id', '=', roundId).orderBy('user_id').execute()).map((r) => ({
      userId: r.user_id,
      ciphertext: r.ciphertext ? r.ciphertext.toString('base64url') : null,
      signature: r.signature ? r.signature.toString('base64url') : null,
    }));

  async function triad() {
    const t = setup();
    const [a, b, c] = [await createUser(t.app), await createUser(t.app), await createUser(t.app)];
    const space = await createCouple(t.app, a, b, c);
    return { ...t, a, b, c, space };
  }

  describe('the reveal gate', () => {
    it('starts a round, shows who has answered, reveals on the last answer, then everyone gets every answer', async () => {
      let now = 1_800_000_000_000;
      const t = createTestApp(suite.db, { now: () => now });
      const [a, b, c] = [await createUser(t.app), await createUser(t.app), await createUser(t.app)];
      const space = await createCouple(t.app, a, b, c);
      const started = await startRound(t.app, a, space, [a.id, b.id, c.id]);
      expect(started.status).toBe(201);
      const sortedIds = [a.id, b.id, c.id].sort();
      expect(started.body.round).toEqual({
        id: started.id,
        spaceId: space.id,
        createdBy: a.id,
        createdAt: now,
        epoch: space.epoch,
        header: started.header,
        status: 'open',
        cancelReason: null,
        revealedAt: null,
        closedAt: null,
        participants: sortedIds.map((userId) => ({ userId, submitted: false, submittedAt: null })),
      });
      const round = { id: started.id, spaceId: space.id };

      const listed = await call(t.app, 'GET', `/api/spaces/${space.id}/rounds`, { as: c });
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual({ rounds: [started.body.round] });
      const fresh = await call(t.app, 'GET', path(round), { as: b });
      expect(fresh.body).toEqual({ round: started.body.round, submissions: [] });

      now += 1000;
      const fromB = await submitAnswer(t.app, b, round);
      expect(fromB.status).toBe(201);
      expect(fromB.body.round.status).toBe('open');
      expect(submittedOf(fromB.body.round)).toEqual({ [a.id]: false, [b.id]: true, [c.id]: false });
      expect(fromB.body.round.participants.find((p: { userId: string }) => p.userId === b.id).submittedAt).toBe(now);
      // Status is visible to everyone in the round; the answer only to its author.
      const seenByA = await call(t.app, 'GET', path(round), { as: a });
      expect(submittedOf(seenByA.body.round)).toEqual({ [a.id]: false, [b.id]: true, [c.id]: false });
      expect(seenByA.body.submissions).toEqual([]);
      const seenByB = await call(t.app, 'GET', path(round), { as: b });
      expect(seenByB.body.submissions).toEqual([{ userId: b.id, ciphertext: fromB.ciphertext, signature: fromB.signature, submittedAt: now }]);

      now += 1000;
      const fromA = await submitAnswer(t.app, a, round);
      expect(fromA.body.round.status).toBe('open');
      now += 1000;
      const fromC = await submitAnswer(t.app, c, round);
      expect(fromC.status).toBe(201);
      expect(fromC.body.round).toMatchObject({ status: 'revealed', revealedAt: now, closedAt: now, cancelReason: null });
      expect(submittedOf(fromC.body.round)).toEqual({ [a.id]: true, [b.id]: true, [c.id]: true });

      const expected = [
        { userId: b.id, ciphertext: fromB.ciphertext, signature: fromB.signature, submittedAt: now - 2000 },
        { userId: a.id, ciphertext: fromA.ciphertext, signature: fromA.signature, submittedAt: now - 1000 },
        { userId: c.id, ciphertext: fromC.ciphertext, signature: fromC.signature, submittedAt: now },
      ];
      for (const user of [a, b, c]) {
        const detail = await call(t.app, 'GET', path(round), { as: user });
        expect(detail.status).toBe(200);
        expect(detail.body.round).toEqual(fromC.body.round);
        expect(detail.body.submissions).toEqual(expected);
      }
    });

    it('shows a round only to its participants; the list holds them newest first', async () => {
      let now = 1_800_000_000_000;
      const t = createTestApp(suite.db, { now: () => now });
      const [a, b, c] = [await createUser(t.app), await createUser(t.app), await createUser(t.app)];
      const space = await createCouple(t.app, a, b, c);
      const first = await createRound(t.app, a, space, [b]);
      now += 1;
      const second = await createRound(t.app, b, space, [a, c]);
      now += 1;
      const third = await createRound(t.app, c, space, [b]);
      const ids = async (user: TestUser) =>
        (await call(t.app, 'GET', `/api/spaces/${space.id}/rounds`, { as: user })).body.rounds.map((r: { id: string }) => r.id);
      expect(await ids(a)).toEqual([second.id, first.id]);
      expect(await ids(b)).toEqual([third.id, second.id, first.id]);
      expect(await ids(c)).toEqual([third.id, second.id]);
      // c is a member of the space but not in the first round: for c it does not exist.
      const hidden = await call(t.app, 'GET', path(first), { as: c });
      expect(hidden.status).toBe(404);
      expect(errorCodeOf(hidden.body)).toBe('not-found');
      expect(JSON.stringify(hidden.body)).not.toContain(first.header);
      expect(errorCodeOf((await call(t.app, 'GET', path({ spaceId: space.id, id: newId() }), { as: a })).body)).toBe('not-found');
      // The same round id under another space the caller belongs to is not found either.
      expect(errorCodeOf((await call(t.app, 'GET', path({ spaceId: a.personalSpaceId, id: first.id }), { as: a })).body)).toBe('not-found');
    });

    it('stores two last answers racing, both succeed and the round is revealed exactly once', async () => {
      const { app, a, b, c, space } = await triad();
      for (let i = 0; i < 8; i++) {
        const round = await createRound(app, a, space, [b, c]);
        await submitAnswer(app, a, round);
        const raced = await Promise.all([submitAnswer(app, b, round), submitAnswer(app, c, round)]);
        expect(raced.map((r) => r.status)).toEqual([201, 201]);
        expect(raced.filter((r) => r.body.round.status === 'revealed')).toHaveLength(1);
        const detail = await call(app, 'GET', path(round), { as: a });
        expect(detail.body.round.status).toBe('revealed');
        expect(detail.body.submissions).toHaveLength(3);
      }
    });

    it('reveals exactly once when every participant answers at the same moment', async () => {
      const t = setup();
      const users = [];
      for (let i = 0; i < MAX_SPACE_MEMBERS; i++) users.push(await createUser(t.app));
      const [starter, ...others] = users;
      const space = await createCouple(t.app, starter!, ...others);
      for (let i = 0; i < 3; i++) {
        const round = await createRound(t.app, starter!, space, others);
        const answers = await Promise.all(users.map((u) => submitAnswer(t.app, u, round)));
        expect(answers.every((r) => r.status === 201)).toBe(true);
        expect(answers.filter((r) => r.body.round.status === 'revealed')).toHaveLength(1);
        const row = await db().selectFrom('rounds').selectAll().where('id', '=', round.id).executeTakeFirstOrThrow();
        expect(row.status).toBe('revealed');
        const revealedAt = answers.find((r) => r.body.round.status === 'revealed')!.body.round.revealedAt;
        expect(row.revealed_at).toBe(revealedAt);
      }
    });

    it('lets the starter withdraw an open round; the answers given so far are deleted and never shown', async () => {
      const { app, a, b, c, space } = await triad();
      const round = await createRound(app, a, space, [b, c]);
      const fromB = await submitAnswer(app, b, round);
      const withdrawn = await withdrawRound(app, a, round);
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.round).toMatchObject({ status: 'withdrawn', cancelReason: null, revealedAt: null, closedAt: expect.any(Number) });
      // Who had answered stays (the others saw it live); what they answered is gone.
      expect(submittedOf(withdrawn.body.round)).toEqual({ [a.id]: false, [b.id]: true, [c.id]: false });
      expect((await storedAnswers(round.id)).every((r) => r.ciphertext === null && r.signature === null)).toBe(true);
      for (const user of [a, b, c]) {
        const detail = await call(app, 'GET', path(round), { as: user });
        expect(detail.body.submissions).toEqual([]);
        expect(JSON.stringify(detail.body)).not.toContain(fromB.ciphertext);
      }
    });
  });

  describe('refusals change nothing', () => {
    async function expectRefused(
      label: string,
      request: () => Promise<{ status: number; body: unknown }>,
      code: string,
      status: number,
    ) {
      const before = await snapshotDatabase(db());
      const res = await request();
      expect({ label, code: errorCodeOf(res.body), status: res.status }).toEqual({ label, code, status });
      expect(await snapshotDatabase(db()), label).toEqual(before);
    }

    it('already-submitted: a second answer, identical or not, changes nothing', async () => {
      const { app, a, b, space } = await triad();
      const round = await createRound(app, a, space, [b]);
      const first = await submitAnswer(app, b, round);
      await expectRefused('replay', () => submitAnswer(app, b, round, { ciphertext: first.ciphertext, signature: first.signature }), 'already-submitted', 409);
      await expectRefused('different', () => submitAnswer(app, b, round), 'already-submitted', 409);
      const detail = await call(app, 'GET', path(round), { as: b });
      expect(detail.body.submissions).toEqual([{ userId: b.id, ciphertext: first.ciphertext, signature: first.signature, submittedAt: expect.any(Number) }]);
    });

    it('round-closed: answering or withdrawing a revealed, withdrawn or cancelled round', async () => {
      const { app, a, b, c, space } = await triad();
      const revealed = await createRound(app, a, space, [b]);
      await submitAnswer(app, a, revealed);
      await submitAnswer(app, b, revealed);
      await expectRefused('answer revealed', () => submitAnswer(app, b, revealed), 'round-closed', 409);
      await expectRefused('withdraw revealed', () => withdrawRound(app, a, revealed), 'round-closed', 409);

      const withdrawn = await createRound(app, a, space, [b]);
      await withdrawRound(app, a, withdrawn);
      await expectRefused('answer withdrawn', () => submitAnswer(app, b, withdrawn), 'round-closed', 409);
      await expectRefused('withdraw twice', () => withdrawRound(app, a, withdrawn), 'round-closed', 409);

      const cancelled = await createRound(app, a, space, [b, c]);
      expect((await leaveSpace(app, c, space.id)).status).toBe(204);
      await expectRefused('answer cancelled', () => submitAnswer(app, b, cancelled), 'round-closed', 409);
      await expectRefused('withdraw cancelled', () => withdrawRound(app, a, cancelled), 'round-closed', 409);
    });

    it('not-found on every round route for a member outside the round, forbidden only to a participant', async () => {
      const { app, a, b, c, space } = await triad();
      const round = await createRound(app, a, space, [b]);
      // Not yours answers exactly like not there (ADR 030): no route tells an outsider a round exists.
      await expectRefused('member not in the round answers', () => submitAnswer(app, c, round), 'not-found', 404);
      await expectRefused('member not in the round reads', () => call(app, 'GET', path(round), { as: c }), 'not-found', 404);
      await expectRefused('unknown round', () => submitAnswer(app, a, { spaceId: space.id, id: newId() }), 'not-found', 404);
      await expectRefused('participant withdraws', () => withdrawRound(app, b, round), 'forbidden', 403);
      await expectRefused('member not in the round withdraws', () => withdrawRound(app, c, round), 'not-found', 404);
      // Once closed, an outsider still learns nothing (not 'round-closed').
      await withdrawRound(app, a, round);
      await expectRefused('member not in the round answers a closed round', () => submitAnswer(app, c, round), 'not-found', 404);
      await expectRefused('member not in the round withdraws a closed round', () => withdrawRound(app, c, round), 'not-found', 404);
      await expectRefused('withdraw unknown', () => withdrawRound(app, a, { spaceId: space.id, id: newId() }), 'not-found', 404);
      const list = await call(app, 'GET', `/api/spaces/${space.id}/rounds`, { as: c });
      expect(list.body).toEqual({ rounds: [] });
    });

    it('payload-too-large for a submission over the body limit; bad-request over MAX_SUBMISSION_BYTES', async () => {
      const { app, a, b, space } = await triad();
      const round = await createRound(app, a, space, [b]);
      await expectRefused('over the body limit', () => submitAnswer(app, b, round, { ciphertext: blob.submission(200 * 1024) }), 'payload-too-large', 413);
      await expectRefused('one byte too many', () => submitAnswer(app, b, round, { ciphertext: blob.submission(MAX_SUBMISSION_BYTES + 1) }), 'bad-request', 400);
      await expectRefused('shorter than an envelope', () => submitAnswer(app, b, round, { ciphertext: blob.submission(40) }), 'bad-request', 400);
      await expectRefused('short signature', () => submitAnswer(app, b, round, { signature: blob.key32() }), 'bad-request', 400);
      await expectRefused('extra key', () => call(app, 'POST', `${path(round)}/submission`, { as: b, json: { ciphertext: blob.submission(), signature: blob.signature(), userId: a.id } }), 'bad-request', 400);
      expect((await submitAnswer(app, b, round, { ciphertext: blob.submission(MAX_SUBMISSION_BYTES) })).status).toBe(201);
    });

    it('stale-epoch, rotation-required, personal-space and id-taken when starting a round', async () => {
      const { app, a, b, c, space } = await triad();
      const old = space.epoch;
      expect((await rotate(app, b, space)).status).toBe(200);
      await expectRefused('old epoch', () => startRound(app, a, space, [a.id, b.id], { epoch: old }), 'stale-epoch', 409);
      await expectRefused('future epoch', () => startRound(app, a, space, [a.id, b.id], { epoch: space.epoch + 1 }), 'stale-epoch', 409);
      await expectRefused('personal space', () => startRound(app, a, { id: a.personalSpaceId, epoch: 1 }, [a.id, b.id]), 'personal-space', 409);
      const taken = await createRound(app, a, space, [b]);
      await expectRefused('id taken', () => startRound(app, b, space, [a.id, b.id], { id: taken.id }), 'id-taken', 409);
      const elsewhere = await createCouple(app, b, c);
      await expectRefused('id taken in another space', () => startRound(app, b, elsewhere, [b.id, c.id], { id: taken.id }), 'id-taken', 409);
      expect((await leaveSpace(app, c, space.id)).status).toBe(204);
      await expectRefused('rotation pending', () => startRound(app, a, space, [a.id, b.id]), 'rotation-required', 409);
      expect((await rotate(app, a, space)).status).toBe(200);
      expect((await startRound(app, a, space, [a.id, b.id])).status).toBe(201);
    });

    it('members-mismatch unless the participants are distinct active members, the starter among them', async () => {
      const { app, a, b, c, space } = await triad();
      const [pending, outsider] = [await createUser(app), await createUser(app)];
      await acceptInvite(app, pending, await createInvite(app, a, space.id));
      const cases: Array<[string, string[]]> = [
        ['a pending member', [a.id, b.id, pending.id]],
        ['an outsider', [a.id, outsider.id]],
        ['an unknown user', [a.id, newId()]],
        ['a duplicate', [a.id, b.id, b.id]],
        ['without the starter', [b.id, c.id]],
      ];
      for (const [label, participants] of cases) {
        await expectRefused(label, () => startRound(app, a, space, participants), 'members-mismatch', 422);
      }
      await expectRefused('one participant', () => startRound(app, a, space, [a.id]), 'bad-request', 400);
      await expectRefused('too many', () => startRound(app, a, space, Array.from({ length: MAX_SPACE_MEMBERS + 1 }, () => newId())), 'bad-request', 400);
      await expectRefused('header too big', () => startRound(app, a, space, [a.id, b.id], { header: blob.submission(4 * 1024 + 1) }), 'bad-request', 400);
      // A pending member (not yet admitted) may not start or answer a round.
      await expectRefused('pending starts', () => startRound(app, pending, space, [pending.id, a.id]), 'forbidden', 403);
    });
  });

  describe('leaving and account deletion', () => {
    it('a leave cancels the open rounds the leaver takes part in, deletes their answers and tells the others', async () => {
      const { app, notifier, a, b, c, space } = await triad();
      const withLeaver = await createRound(app, a, space, [b, c]);
      const fromA = await submitAnswer(app, a, withLeaver);
      const fromC = await submitAnswer(app, c, withLeaver);
      const withoutLeaver = await createRound(app, a, space, [b]);
      const revealed = await createRound(app, c, space, [a]);
      const revealedAnswers = [await submitAnswer(app, a, revealed), await submitAnswer(app, c, revealed)];
      const events: Array<[string, LiveEvent]> = [];
      for (const u of [a, b, c]) notifier.subscribe(u.id, (e) => events.push([u.id, e]));

      expect((await leaveSpace(app, c, space.id)).status).toBe(204);

      const cancelled = await call(app, 'GET', path(withLeaver), { as: a });
      expect(cancelled.body.round).toMatchObject({ status: 'cancelled', cancelReason: 'participant-left', closedAt: expect.any(Number), revealedAt: null });
      expect(cancelled.body.submissions).toEqual([]);
      expect(JSON.stringify(cancelled.body)).not.toContain(fromA.ciphertext);
      expect(JSON.stringify(cancelled.body)).not.toContain(fromC.ciphertext);
      expect((await storedAnswers(withLeaver.id)).map((r) => [r.ciphertext, r.signature])).toEqual([
        [null, null],
        [null, null],
        [null, null],
      ]);
      // Rounds without the leaver stay open; revealed answers stay revealed.
      expect((await call(app, 'GET', path(withoutLeaver), { as: b })).body.round.status).toBe('open');
      const stillRevealed = await call(app, 'GET', path(revealed), { as: a });
      expect(stillRevealed.body.round.status).toBe('revealed');
      expect(stillRevealed.body.submissions.map((s: { ciphertext: string }) => s.ciphertext).sort()).toEqual(revealedAnswers.map((r) => r.ciphertext).sort());

      expect(events).toEqual(
        expect.arrayContaining([
          [a.id, { spaceId: space.id, type: 'rounds', roundId: withLeaver.id }],
          [b.id, { spaceId: space.id, type: 'rounds', roundId: withLeaver.id }],
        ]),
      );
      expect(events.filter(([, e]) => e.type === 'rounds' && e.roundId !== withLeaver.id)).toEqual([]);
      expect(events.filter(([u, e]) => u === c.id && e.type === 'rounds')).toEqual([]);
      expect(errorCodeOf((await call(app, 'GET', path(withLeaver), { as: c })).body)).toBe('not-found');
    });

    it('an account deletion cancels their open rounds, takes their answers and leaves rounds they started to the others', async () => {
      const { app, notifier, a, b, c, space } = await triad();
      const open = await createRound(app, c, space, [a, b]);
      const fromA = await submitAnswer(app, a, open);
      const revealed = await createRound(app, a, space, [c]);
      const answers = [await submitAnswer(app, a, revealed), await submitAnswer(app, c, revealed)];
      const untouched = await createRound(app, a, space, [b]);
      const events: Array<[string, LiveEvent]> = [];
      for (const u of [a, b]) notifier.subscribe(u.id, (e) => events.push([u.id, e]));

      const res = await deleteAccount(app, c, c.loginKey);
      expect(res.status).toBe(204);

      const cancelled = await call(app, 'GET', path(open), { as: a });
      expect(cancelled.body.round).toMatchObject({ status: 'cancelled', cancelReason: 'participant-left', createdBy: c.id });
      expect(cancelled.body.round.participants.map((p: { userId: string }) => p.userId).sort()).toEqual([a.id, b.id].sort());
      expect(cancelled.body.submissions).toEqual([]);
      expect((await storedAnswers(open.id)).every((r) => r.ciphertext === null)).toBe(true);
      expect(JSON.stringify(cancelled.body)).not.toContain(fromA.ciphertext);
      // A revealed round keeps the others' answers; the deleted account's answer goes with it.
      const kept = await call(app, 'GET', path(revealed), { as: a });
      expect(kept.body.round.status).toBe('revealed');
      expect(kept.body.submissions.map((s: { ciphertext: string }) => s.ciphertext)).toEqual([answers[0]!.ciphertext]);
      expect(await db().selectFrom('round_participants').select('round_id').where('user_id', '=', c.id).execute()).toEqual([]);
      expect((await call(app, 'GET', path(untouched), { as: b })).body.round.status).toBe('open');
      expect(events).toEqual(
        expect.arrayContaining([
          [a.id, { spaceId: space.id, type: 'rounds', roundId: open.id }],
          [b.id, { spaceId: space.id, type: 'rounds', roundId: open.id }],
        ]),
      );
      expect(events.filter(([, e]) => e.type === 'rounds' && e.roundId !== open.id)).toEqual([]);
    });

    it('the last active member leaving deletes the space with its rounds', async () => {
      const { app } = setup();
      const [a, b] = [await createUser(app), await createUser(app)];
      const space = await createCouple(app, a, b);
      const round = await createRound(app, a, space, [b]);
      for (const user of [a, b]) await submitAnswer(app, user, round);
      expect((await leaveSpace(app, a, space.id)).status).toBe(204);
      // A revealed round stays revealed when a participant leaves.
      expect((await call(app, 'GET', path(round), { as: b })).body.submissions).toHaveLength(2);
      expect((await leaveSpace(app, b, space.id)).status).toBe(204);
      expect(await db().selectFrom('rounds').select('id').where('id', '=', round.id).execute()).toEqual([]);
      expect(await db().selectFrom('round_participants').select('user_id').where('round_id', '=', round.id).execute()).toEqual([]);
    });
  });

  describe('live status', () => {
    it('tells the participants of every change, and nobody else', async () => {
      const { app, notifier, a, b, c, space } = await triad();
      const outsider = await createUser(app);
      const [ea, eb, ec, eo] = [await openEvents(app, a.cookie), await openEvents(app, b.cookie), await openEvents(app, c.cookie), await openEvents(app, outsider.cookie)];
      const round = await createRound(app, a, space, [b]);
      const event = { spaceId: space.id, type: 'rounds', roundId: round.id };
      for (const step of [
        () => Promise.resolve(), // created
        () => submitAnswer(app, b, round),
        () => submitAnswer(app, a, round), // revealed
      ]) {
        await step();
        expect(await ea.sse.next()).toEqual(event);
        expect(await eb.sse.next()).toEqual(event);
      }
      const withdrawn = await createRound(app, b, space, [a]);
      await withdrawRound(app, b, withdrawn);
      for (const e of [ea, eb]) {
        expect(await e.sse.next()).toEqual({ ...event, roundId: withdrawn.id });
        expect(await e.sse.next()).toEqual({ ...event, roundId: withdrawn.id });
      }
      // A marker published after all of that: nothing reached c (a member not in the rounds) or
      // the outsider before it.
      const marker = markerEvent();
      await notifier.publish([c.id, outsider.id], marker);
      expect(await ec.sse.until(marker)).toEqual([]);
      expect(await eo.sse.until(marker)).toEqual([]);
      for (const e of [ea, eb, ec, eo]) await e.sse.close();
    });
  });
});
