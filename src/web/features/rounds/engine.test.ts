/**
 * The rounds engine and its signals, running as the app runs them (the lazy facade, spaces'
 * views, the real sync engine of a test device, the app's API client for the round routes)
 * against a real server in-process: rounds listed per space (started here or, live, by a
 * partner), follow-up notes, read-together positions and reflections (records in the spaces'
 * logs). See tests/factories/web-page.ts.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { createUser, newId, startRound, type TestUser } from '../../../../tests/factories/index.ts';
import { createSpaceWithKeys, type KeyedSpace } from '../../../../tests/factories/keyed-spaces.ts';
import { allSent, openPage, waitFor, type DeviceSlot, type Page } from '../../../../tests/factories/web-page.ts';
import type { TestClient } from '../../../../tests/factories/sync-clients.ts';
import { encryptRoundHeader } from '../../../crypto/rounds.ts';
import { toB64 } from '../../../shared/base64.ts';
import { createTestApp } from '../../../server/testing/app.ts';
import { describeEachDatabase } from '../../../server/testing/databases.ts';
import { encodeHeader } from './answers.ts';

const slot = vi.hoisted((): DeviceSlot => ({ engine: null }));
vi.mock('../../sync/index.ts', async () => (await import('../../../../tests/factories/web-page.ts')).syncIndexFor(slot));

let page: Page | null = null;
afterEach(async () => {
  await page?.close();
  page = null;
  slot.engine = null;
});

async function modules() {
  return {
    store: await import('./store.ts'),
    actions: await import('./actions.ts'),
    kinds: await import('./kinds.ts'),
    spacesKinds: await import('../../spaces/kinds.ts'),
  };
}

describeEachDatabase('rounds engine', (suite) => {
  /** Alex (this page), Blake and Casey share one space; Blake's device has written his name. */
  async function world() {
    const t = createTestApp(suite.db);
    const alex = await createUser(t.app);
    const blake = await createUser(t.app);
    const casey = await createUser(t.app);
    const us = await createSpaceWithKeys(t.app, alex, [blake, casey]);
    page = await openPage(t.app, alex, slot);
    const m = await modules();
    await m.actions.rounds.activate();
    const blakeDevice = await page.startDevice(blake);
    await blakeDevice.engine.write(us.id, m.spacesKinds.profileKind, { displayName: 'Blake', pronouns: '' });
    return { t, alex, blake, casey, us, page, blakeDevice, ...m, act: m.actions.roundActions };
  }
  type World = Awaited<ReturnType<typeof world>>;

  /** A round Alex starts with Blake, through the action; listed once it returns. */
  async function alexStartsWithBlake(w: World): Promise<string> {
    const { roundId } = await w.act.startRound({ spaceId: w.us.id, exerciseId: 'appreciations', participantIds: [w.blake.id] });
    return roundId;
  }

  /** A round `starter` starts through the server route, with a real header sealed with the space's key. */
  async function partnerStarts(w: World, starter: TestUser, device: TestClient, space: KeyedSpace, others: TestUser[], exerciseId: string) {
    const state = device.engine.spaceState(space.id)!;
    const id = newId();
    const header = encryptRoundHeader({
      spaceKey: state.keys.get(state.epoch)!,
      spaceId: space.id,
      roundId: id,
      epoch: state.epoch,
      creatorId: starter.id,
      header: encodeHeader({ exerciseId, exerciseVersion: 1 }),
    });
    const res = await startRound(w.t.app, starter, space, [starter.id, ...others.map((o) => o.id)], { id, epoch: state.epoch, header: toB64(header) });
    expect(res.status).toBe(201);
    return id;
  }

  it('roundsBySpace fills after starting a round, and a round a partner starts with me arrives live', async () => {
    const w = await world();
    const { store, act } = w;
    const roundId = await alexStartsWithBlake(w);
    const listed = () => store.roundsBySpace.value.get(w.us.id) ?? [];
    expect(listed().map((r) => r.id)).toEqual([roundId]);
    await waitFor(() => listed()[0]?.participants.some((p) => p.displayName === 'Blake') ?? false, 'Blake’s name on the round');
    expect(listed()[0]).toMatchObject({
      id: roundId,
      spaceId: w.us.id,
      exerciseId: 'appreciations',
      startedBy: w.alex.id,
      status: 'open',
      iAmParticipant: true,
      iHaveSealed: false,
      participants: expect.arrayContaining([
        expect.objectContaining({ userId: w.alex.id, isMe: true, sealed: false }),
        expect.objectContaining({ userId: w.blake.id, isMe: false, displayName: 'Blake' }),
      ]),
    });

    await expect(act.startRound({ spaceId: w.alex.personalSpaceId, exerciseId: 'appreciations', participantIds: [w.blake.id] })).rejects.toMatchObject({ code: 'personal-space' });
    await expect(act.startRound({ spaceId: w.us.id, exerciseId: 'appreciations', participantIds: [] })).rejects.toMatchObject({ code: 'members-mismatch' });
    await expect(act.startRound({ spaceId: w.us.id, exerciseId: 'no-such-exercise', participantIds: [w.blake.id] })).rejects.toMatchObject({ code: 'not-found' });

    // Blake starts one with Casey (not mine to see), then one with me: mine arrives live, newest first.
    const theirs = await partnerStarts(w, w.blake, w.blakeDevice, w.us, [w.casey], 'relationship-values');
    const withMe = await partnerStarts(w, w.blake, w.blakeDevice, w.us, [w.alex], 'sentence-completion');
    await waitFor(() => listed().length === 2, 'the round Blake started with me');
    expect(listed().map((r) => [r.id, r.exerciseId, r.startedBy])).toEqual(
      expect.arrayContaining([
        [withMe, 'sentence-completion', w.blake.id],
        [roundId, 'appreciations', w.alex.id],
      ]),
    );
    expect(listed()[0]!.startedAt).toBeGreaterThanOrEqual(listed()[1]!.startedAt);
    expect(listed().some((r) => r.id === theirs)).toBe(false);

    await w.page.device.stop();
    expect(store.roundsBySpace.value.size).toBe(0);
  });

  it('follow-up notes: mine show at once, the participants’ arrive live, only the author can delete one', async () => {
    const w = await world();
    const { store, act, kinds } = w;
    const roundId = await alexStartsWithBlake(w);
    const notes = () => store.roundNotes.value.get(roundId) ?? [];

    await act.addFollowUpNote({ spaceId: w.us.id, roundId, itemId: 'glad-when', text: '  thank you  ' });
    await waitFor(() => notes().length === 1, 'my note');
    expect(notes()[0]).toMatchObject({ roundId, itemId: 'glad-when', authorId: w.alex.id, text: 'thank you' });
    const mine = notes()[0]!.id;
    // Sent, so it comes before Blake's (queued notes list last, by the server's order once stored).
    await allSent(w.page.device);

    const blakesNote = await w.blakeDevice.engine.write(w.us.id, kinds.roundNoteKind, { roundId, itemId: 'the-way-you', text: 'and you' });
    await waitFor(() => notes().length === 2, 'Blake’s note');
    expect(notes()[1]).toMatchObject({ id: blakesNote, authorId: w.blake.id, authorName: 'Blake', text: 'and you' });

    // Casey is in the space but not in the round: her note is not part of it.
    const casey = await w.page.startDevice(w.casey);
    const caseysNote = await casey.engine.write(w.us.id, kinds.roundNoteKind, { roundId, itemId: 'glad-when', text: 'me too' });
    await w.page.device.until(() => kinds.roundDocs(w.page.device.engine.spaceState(w.us.id)!).notes.has(caseysNote));
    expect(notes().map((n) => n.id)).toEqual([mine, blakesNote]);

    // Only the author deletes a note.
    await expect(act.deleteFollowUpNote({ spaceId: w.us.id, noteId: blakesNote })).rejects.toMatchObject({ code: 'not-found' });
    expect(notes().map((n) => n.id)).toEqual([mine, blakesNote]);
    await act.deleteFollowUpNote({ spaceId: w.us.id, noteId: mine });
    expect(notes().map((n) => n.id)).toEqual([blakesNote]);
    await w.blakeDevice.until(() => !kinds.roundDocs(w.blakeDevice.engine.spaceState(w.us.id)!).notes.has(mine));
    // Blake deletes his: the round shows no notes (not a stale list).
    await w.blakeDevice.engine.deleteRecords(w.us.id, [blakesNote]);
    await waitFor(() => notes().length === 0 && store.roundNotes.value.has(roundId), 'Blake’s note gone');

    await expect(act.addFollowUpNote({ spaceId: w.us.id, roundId, itemId: 'glad-when', text: '   ' })).rejects.toMatchObject({ code: 'bad-request' });
    await expect(act.addFollowUpNote({ spaceId: w.us.id, roundId, itemId: 'Not An Id', text: 'x' })).rejects.toMatchObject({ code: 'bad-request' });
    await expect(act.addFollowUpNote({ spaceId: w.alex.personalSpaceId, roundId, itemId: 'glad-when', text: 'x' })).rejects.toMatchObject({ code: 'personal-space' });
  });

  it('read-together positions follow the newest participant’s, live; reflections stay in my personal space, newest first', async () => {
    const w = await world();
    const { store, act, kinds } = w;
    const roundId = await alexStartsWithBlake(w);

    await act.setReadPosition(w.us.id, roundId, 3);
    await waitFor(() => store.readPositions.value.get(roundId)?.step === 3, 'my position');
    expect(store.readPositions.value.get(roundId)).toMatchObject({ roundId, step: 3, updatedBy: w.alex.id, at: expect.any(Number) });

    // Blake, having seen mine, moves on: every participant's screen follows.
    const positionsOn = (d: TestClient) => kinds.roundDocs(d.engine.spaceState(w.us.id)!).positions.get(roundId);
    await w.blakeDevice.until(() => positionsOn(w.blakeDevice)?.get(w.alex.id)?.step === 3);
    await w.blakeDevice.engine.write(w.us.id, kinds.readPositionKind, { roundId, step: 5 });
    await waitFor(() => store.readPositions.value.get(roundId)?.step === 5, 'Blake’s position');
    expect(store.readPositions.value.get(roundId)).toMatchObject({ roundId, step: 5, updatedBy: w.blake.id, at: expect.any(Number) });

    // Casey is not in the round: her newer position moves nobody.
    const casey = await w.page.startDevice(w.casey);
    await casey.engine.write(w.us.id, kinds.readPositionKind, { roundId, step: 9 });
    await w.page.device.until(() => positionsOn(w.page.device)?.get(w.casey.id)?.step === 9);
    expect(store.readPositions.value.get(roundId)).toMatchObject({ roundId, step: 5, updatedBy: w.blake.id, at: expect.any(Number) });

    // Closing the moment: Blake's thank-you (with a few words) reaches me live; mine shows at once.
    await w.blakeDevice.engine.write(w.us.id, kinds.roundThanksKind, { roundId, note: 'that was kind' });
    await waitFor(() => (store.roundThanks.value.get(roundId) ?? []).length === 1, 'Blake’s thanks');
    expect(store.roundThanks.value.get(roundId)).toEqual([expect.objectContaining({ userId: w.blake.id, isMe: false, note: 'that was kind' })]);
    await act.sayThanks({ spaceId: w.us.id, roundId });
    await waitFor(() => (store.roundThanks.value.get(roundId) ?? []).some((x) => x.isMe), 'my thanks');
    await expect(act.sayThanks({ spaceId: w.us.id, roundId, note: '   ' })).rejects.toMatchObject({ code: 'bad-request' });
    await expect(act.sayThanks({ spaceId: w.alex.personalSpaceId, roundId })).rejects.toMatchObject({ code: 'personal-space' });

    await expect(act.setReadPosition(w.us.id, roundId, -1)).rejects.toMatchObject({ code: 'bad-request' });
    await expect(act.setReadPosition(w.us.id, roundId, kinds.MAX_READ_STEP + 1)).rejects.toMatchObject({ code: 'bad-request' });
    await expect(act.setReadPosition(w.alex.personalSpaceId, roundId, 1)).rejects.toMatchObject({ code: 'personal-space' });

    const first = await act.saveReflection({ exerciseId: 'appreciations', answers: { 'glad-when': { kind: 'text', text: '  the sun  ' } } });
    await waitFor(() => store.reflections.value.length === 1, 'my reflection');
    // (Sent before the next one: two writes queued in the same millisecond may reach the server in either order.)
    await allSent(w.page.device);
    const second = await act.saveReflection({ exerciseId: 'relationship-values', answers: {} });
    await waitFor(() => store.reflections.value.length === 2, 'my reflections');
    expect(store.reflections.value.map((r) => r.id)).toEqual([second.id, first.id]);
    await allSent(w.page.device);
    expect(store.reflections.value.map((r) => r.id)).toEqual([second.id, first.id]);
    expect(store.reflections.value[1]).toMatchObject({
      exerciseId: 'appreciations',
      answers: { 'glad-when': { kind: 'text', text: 'the sun' }, 'stayed-with-me': { kind: 'pass' }, 'the-way-you': { kind: 'pass' } },
    });
    await expect(act.saveReflection({ exerciseId: 'appreciations', answers: { 'not-an-item': { kind: 'pass' } } })).rejects.toMatchObject({ code: 'bad-request' });
    const inPersonal = await suite.db.database.db.selectFrom('records').select('id').where('id', 'in', [first.id, second.id]).where('space_id', '=', w.alex.personalSpaceId).execute();
    expect(inPersonal).toHaveLength(2);

    await w.page.device.stop();
    expect(store.readPositions.value.size).toBe(0);
    expect(store.reflections.value).toEqual([]);
    expect(store.roundNotes.value.size).toBe(0);
    expect(store.roundThanks.value.size).toBe(0);
  });
});
