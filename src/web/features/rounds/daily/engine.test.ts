/**
 * The daily question's engine as the app runs it (lazy facades, the real sync engine of a test
 * device, the app's API client) against a real server in-process: the day's round is one per
 * space and day whoever starts it, two first answers racing meet on it, a round with another
 * question sends nothing, alone the answer stays in my personal space, and the depth is a record
 * every member reads. See tests/factories/web-page.ts.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { createUser, startRound, type TestUser } from '../../../../../tests/factories/index.ts';
import { createSpaceWithKeys, type KeyedSpace } from '../../../../../tests/factories/keyed-spaces.ts';
import { allSent, openPage, waitFor, type DeviceSlot, type Page } from '../../../../../tests/factories/web-page.ts';
import type { TestClient } from '../../../../../tests/factories/sync-clients.ts';
import { encryptRoundHeader } from '../../../../crypto/rounds.ts';
import { toB64 } from '../../../../shared/base64.ts';
import { createTestApp } from '../../../../server/testing/app.ts';
import { describeEachDatabase } from '../../../../server/testing/databases.ts';
import { encodeHeader } from '../answers.ts';
import { dailyRoundId } from './draw.ts';

const slot = vi.hoisted((): DeviceSlot => ({ engine: null }));
vi.mock('../../../sync/index.ts', async () => (await import('../../../../../tests/factories/web-page.ts')).syncIndexFor(slot));

let page: Page | null = null;
afterEach(async () => {
  await page?.close();
  page = null;
  slot.engine = null;
});

const DAY = '2026-05-17';

describeEachDatabase('daily question engine', (suite) => {
  async function world() {
    const t = createTestApp(suite.db);
    const alex = await createUser(t.app);
    const blake = await createUser(t.app);
    const us = await createSpaceWithKeys(t.app, alex, [blake]);
    page = await openPage(t.app, alex, slot);
    const dailyActions = await import('./actions.ts');
    const store = await import('./store.ts');
    const roundsStore = await import('../store.ts');
    const kinds = await import('./kinds.ts');
    const roundsEngine = await import('../engine.ts');
    await dailyActions.daily.activate();
    const blakeDevice = await page.startDevice(blake);
    const { getExercise } = await import('../../../../../content/catalog.ts');
    // A real question of the bundled decks (whichever comes first), so the round's exercise exists.
    const { LIBRARY } = await import('../../../../../content/library.ts');
    const deck = LIBRARY.decks[0]!;
    const asked = `${deck.id}-${deck.questions[0]!.id}`;
    const other = `${deck.id}-${deck.questions[1]!.id}`;
    expect(getExercise(asked)).toBeDefined();
    // The rounds engine refreshes after an answer without waiting: let it finish before the page closes.
    const settle = () => roundsEngine.refreshSpace(us.id);
    return { t, alex, blake, us, page, blakeDevice, act: dailyActions.dailyActions, store, roundsStore, kinds, asked, other, settle };
  }
  type World = Awaited<ReturnType<typeof world>>;

  /** Blake starts the day's round himself (the id every member derives), asking `exerciseId`. */
  async function blakeStarts(w: World, exerciseId: string, device: TestClient = w.blakeDevice, space: KeyedSpace = w.us, starter: TestUser = w.blake) {
    const state = device.engine.spaceState(space.id)!;
    const id = dailyRoundId(space.id, DAY);
    const header = encryptRoundHeader({
      spaceKey: state.keys.get(state.epoch)!,
      spaceId: space.id,
      roundId: id,
      epoch: state.epoch,
      creatorId: starter.id,
      header: encodeHeader({ exerciseId, exerciseVersion: 1, day: DAY }),
    });
    return startRound(w.t.app, starter, space, [w.alex.id, w.blake.id], { id, epoch: state.epoch, header: toB64(header) });
  }

  async function roundsOnServer(spaceId: string) {
    return suite.db.database.db.selectFrom('rounds').select(['id', 'status']).where('space_id', '=', spaceId).execute();
  }

  it('a round Blake started arrives as the day’s question (not among the exercises); my answer goes into it', async () => {
    const w = await world();
    expect((await blakeStarts(w, w.asked)).status).toBe(201);
    const today = () => w.store.dailyRounds.value.get(w.us.id)?.find((d) => d.day === DAY);
    await waitFor(() => today()?.round.exerciseId === w.asked, 'the day’s round, live');
    expect(w.roundsStore.roundsBySpace.value.get(w.us.id)).toEqual([]);

    expect(await w.act.answer({ spaceId: w.us.id, day: DAY, exerciseId: w.asked, text: '  the rain on the roof  ' })).toEqual({ outcome: 'in' });
    await waitFor(() => today()?.round.iHaveSealed === true, 'my answer in');
    expect(await roundsOnServer(w.us.id)).toEqual([{ id: dailyRoundId(w.us.id, DAY), status: 'open' }]);
    // Once in, again is calm and sends nothing new.
    expect(await w.act.answer({ spaceId: w.us.id, day: DAY, exerciseId: w.asked, text: null })).toEqual({ outcome: 'in' });
    await w.settle();
  });

  it('two first answers racing meet on one round', async () => {
    const w = await world();
    const [mine, his] = await Promise.all([w.act.answer({ spaceId: w.us.id, day: DAY, exerciseId: w.asked, text: null }), blakeStarts(w, w.asked)]);
    expect(mine).toEqual({ outcome: 'in' });
    // Blake's start either made the round or found it taken; either way there is one round, with my pass in it.
    expect([201, 409]).toContain(his.status);
    const rounds = await roundsOnServer(w.us.id);
    expect(rounds).toEqual([{ id: dailyRoundId(w.us.id, DAY), status: 'open' }]);
    const sealed = await suite.db.database.db.selectFrom('round_participants').select(['user_id']).where('round_id', '=', rounds[0]!.id).where('submitted_at', 'is not', null).execute();
    expect(sealed.map((r) => r.user_id)).toEqual([w.alex.id]);
    await w.settle();
  });

  it('a round already asking another question sends nothing and says which question it is', async () => {
    const w = await world();
    expect((await blakeStarts(w, w.other)).status).toBe(201);
    expect(await w.act.answer({ spaceId: w.us.id, day: DAY, exerciseId: w.asked, text: 'a line' })).toEqual({ outcome: 'question-changed', exerciseId: w.other });
    const sealed = await suite.db.database.db.selectFrom('round_participants').select('user_id').where('round_id', '=', dailyRoundId(w.us.id, DAY)).where('submitted_at', 'is not', null).execute();
    expect(sealed).toEqual([]);
    await w.settle();
  });

  it('alone, the answer is kept in my personal space; bad lines are refused', async () => {
    const w = await world();
    const personal = w.alex.personalSpaceId;
    expect(await w.act.answer({ spaceId: personal, day: DAY, exerciseId: w.asked, text: ' just mine ' })).toEqual({ outcome: 'private', reason: 'alone' });
    await waitFor(() => w.store.privateDailyAnswers.value.length === 1, 'my private answer');
    expect(w.store.privateDailyAnswers.value[0]).toMatchObject({ spaceId: personal, day: DAY, exerciseId: w.asked, text: 'just mine' });
    await allSent(w.page.device);
    const stored = await suite.db.database.db.selectFrom('records').select('space_id').where('id', '=', w.store.privateDailyAnswers.value[0]!.id).execute();
    expect(stored).toEqual([{ space_id: personal }]);
    expect(await roundsOnServer(w.us.id)).toEqual([]);

    for (const text of ['   ', 'x'.repeat(281), 'two\nlines']) {
      await expect(w.act.answer({ spaceId: w.us.id, day: DAY, exerciseId: w.asked, text })).rejects.toMatchObject({ code: 'bad-request' });
    }
    await expect(w.act.answer({ spaceId: w.us.id, day: '2026-02-30', exerciseId: w.asked, text: 'x' })).rejects.toMatchObject({ code: 'bad-request' });
    await expect(w.act.answer({ spaceId: w.us.id, day: DAY, exerciseId: 'appreciations', text: 'x' })).rejects.toMatchObject({ code: 'bad-request' });
  });

  it('the depth is one setting per space that any member changes and every member reads', async () => {
    const w = await world();
    expect(w.store.dailyDepths.value.get(w.us.id)).toBeUndefined();
    await w.act.setDepth(w.us.id, 'deeper');
    expect(w.store.dailyDepths.value.get(w.us.id)).toBe('deeper');
    await allSent(w.page.device);
    await w.blakeDevice.until(() => w.kinds.dailyDocs(w.blakeDevice.engine.spaceState(w.us.id)!).depth === 'deeper');
    await w.blakeDevice.engine.write(w.us.id, w.kinds.dailySettingsKind, { depth: 'deepest' });
    await waitFor(() => w.store.dailyDepths.value.get(w.us.id) === 'deepest', 'Blake’s choice');
    await expect(w.act.setDepth(w.us.id, 'deepest-of-all' as never)).rejects.toMatchObject({ code: 'bad-request' });
  });
});
