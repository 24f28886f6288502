/**
 * The check-ins engine and its signals, running as the app runs them (the lazy facade, spaces'
 * views, the real sync engine of a test device) against a real server in-process, with the
 * partner's devices beside it. See tests/factories/web-page.ts.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { createUser, type TestUser } from '../../../../tests/factories/index.ts';
import { createSpaceWithKeys } from '../../../../tests/factories/keyed-spaces.ts';
import { allSent, openPage, waitFor, type DeviceSlot, type Page } from '../../../../tests/factories/web-page.ts';
import type { TestClient } from '../../../../tests/factories/sync-clients.ts';
import { createTestApp } from '../../../server/testing/app.ts';
import { describeEachDatabase } from '../../../server/testing/databases.ts';

const slot = vi.hoisted((): DeviceSlot => ({ engine: null }));
vi.mock('../../sync/index.ts', async () => (await import('../../../../tests/factories/web-page.ts')).syncIndexFor(slot));

let page: Page | null = null;
afterEach(async () => {
  await page?.close();
  page = null;
  slot.engine = null;
});

/** This page's modules (loaded after openPage, so they are the ones following its device). */
async function modules() {
  return {
    store: await import('./store.ts'),
    actions: await import('./actions.ts'),
    kinds: await import('./kinds.ts'),
    spacesKinds: await import('../../spaces/kinds.ts'),
  };
}

describeEachDatabase('check-ins engine', (suite) => {
  /** Alex (this page) shares a space with Blake and another with Casey. */
  async function world({ activate = true } = {}) {
    const t = createTestApp(suite.db);
    const alex = await createUser(t.app);
    const blake = await createUser(t.app);
    const casey = await createUser(t.app);
    const withBlake = await createSpaceWithKeys(t.app, alex, [blake]);
    const withCasey = await createSpaceWithKeys(t.app, alex, [casey]);
    page = await openPage(t.app, alex, slot);
    const m = await modules();
    if (activate) await m.actions.checkins.activate();
    return { t, alex, blake, casey, withBlake, withCasey, page, ...m };
  }

  type Modules = Awaited<ReturnType<typeof modules>>;
  const copiesBy = (m: Modules, device: TestClient, spaceId: string, author: TestUser) => {
    const state = device.engine.spaceState(spaceId);
    return state ? [...m.kinds.checkinDocs(state).checkins.values()].filter((d) => d.authorId === author.id) : [];
  };
  const serverHas = async (ids: string[]) =>
    ids.length === 0 ? [] : (await suite.db.database.db.selectFrom('records').select('id').where('id', 'in', ids).execute()).map((r) => r.id);

  it('the first screen that subscribes to a check-ins signal loads the engine, which then publishes from sync', async () => {
    const w = await world({ activate: false });
    const { store } = w;
    const blake = await w.page.startDevice(w.blake);
    await blake.engine.write(w.withBlake.id, w.kinds.checkinKind, { checkin: { v: 1, at: Date.now(), tz: 'UTC', emotional: 3, physical: 4 } });
    await w.page.device.until(() => copiesBy(w, w.page.device, w.withBlake.id, w.blake).length === 1);
    // Nothing has asked for check-ins yet: the signals are still empty.
    expect(store.checkinsReady.peek()).toBe(false);
    expect(store.partnerCheckins.peek()).toEqual([]);
    // A screen reads partnerCheckins (in an effect, as a component does).
    await waitFor(() => store.partnerCheckins.value.length === 1, 'the engine loaded by a screen');
    expect(store.checkinsReady.value).toBe(true);
  });

  it('checkIn keeps everything in my personal space and copies the two scores (the note only when chosen) to the spaces chosen in settings', async () => {
    const w = await world();
    const { store } = w;
    const actions = w.actions.checkinActions;
    expect(store.checkinsReady.value).toBe(true);
    expect(store.checkinSettings.value).toEqual({ health: false, shareWith: [], chosen: false });

    await actions.saveCheckinSettings({ health: true, shareWith: [w.withBlake.id, 'not-a-space-of-mine'] });
    expect(store.checkinSettings.value).toEqual({ health: true, shareWith: [w.withBlake.id], chosen: true });

    const first = await actions.checkIn({ emotional: 7, physical: 5, energy: 3, pain: 1, note: '  only mine  ', shareNote: false });
    const second = await actions.checkIn({ emotional: 2, physical: 9, note: 'we can read this', shareNote: true });
    // (Two check-ins made in the same millisecond may list in either order.)
    const mineById = (id: string) => store.myCheckins.value.find((c) => c.id === id)!.checkin;
    expect(store.myCheckins.value.map((c) => c.id).sort()).toEqual([first.id, second.id].sort());
    expect(mineById(first.id)).toMatchObject({ emotional: 7, physical: 5, energy: 3, pain: 1, note: 'only mine' });
    expect(mineById(second.id)).toMatchObject({ emotional: 2, physical: 9, note: 'we can read this' });

    const blake = await w.page.startDevice(w.blake);
    await blake.until(() => copiesBy(w, blake, w.withBlake.id, w.alex).length === 2);
    const copies = copiesBy(w, blake, w.withBlake.id, w.alex).map((d) => d.checkin).sort((a, b) => a.emotional - b.emotional);
    const [mine1, mine2] = [mineById(first.id), mineById(second.id)];
    expect(copies).toEqual([
      { v: 1, at: mine2.at, tz: mine2.tz, emotional: 2, physical: 9, note: 'we can read this' },
      { v: 1, at: mine1.at, tz: mine1.tz, emotional: 7, physical: 5 },
    ]);
    // Nothing reached the space I did not choose, on my device or on the server.
    await allSent(w.page.device);
    expect(copiesBy(w, w.page.device, w.withCasey.id, w.alex)).toEqual([]);
    const inCasey = await suite.db.database.db.selectFrom('records').select('id').where('space_id', '=', w.withCasey.id).where('author_id', '=', w.alex.id).execute();
    expect(inCasey).toEqual([]);
    await waitFor(() => store.myCheckins.value.every((c) => !c.pending), 'my check-ins acknowledged');
    // My own copies in the shared space are not a partner's.
    expect(store.partnerCheckins.value).toEqual([]);
  });

  it('a check-in made offline shows at once as pending and is sent when back online', async () => {
    const w = await world();
    const { store } = w;
    w.page.device.setOnline(false);
    const { id } = await w.actions.checkinActions.checkIn({ emotional: 4, physical: 4, shareNote: false });
    expect(store.myCheckins.value).toEqual([{ id, checkin: expect.objectContaining({ emotional: 4 }), pending: true }]);
    w.page.device.setOnline(true);
    await waitFor(() => store.myCheckins.value[0]?.pending === false, 'the offline check-in sent');
    expect(await serverHas([id])).toEqual([id]);
  });

  it('myCheckins, partnerCheckins and checkinSettings follow my other device and my partner’s device live', async () => {
    const w = await world();
    const { store, kinds, spacesKinds } = w;
    const blake = await w.page.startDevice(w.blake);
    const otherOfMine = await w.page.startDevice(w.alex);

    const at = Date.now() - 60_000;
    await blake.engine.write(w.withBlake.id, spacesKinds.profileKind, { displayName: 'Blake', pronouns: '' });
    const blakeCopy = await blake.engine.write(w.withBlake.id, kinds.checkinKind, { checkin: { v: 1, at, tz: 'Europe/Berlin', emotional: 8, physical: 6 } });
    await waitFor(() => store.partnerCheckins.value.length === 1 && store.partnerCheckins.value[0]!.name === 'Blake', 'Blake’s check-in');
    expect(store.partnerCheckins.value).toEqual([{ userId: w.blake.id, name: 'Blake', checkins: [{ v: 1, at, tz: 'Europe/Berlin', emotional: 8, physical: 6 }] }]);

    await otherOfMine.engine.write(w.alex.personalSpaceId, kinds.checkinKind, { checkin: { v: 1, at, tz: 'Europe/Paris', emotional: 3, physical: 3, note: 'from my phone' } });
    await otherOfMine.engine.write(w.alex.personalSpaceId, kinds.checkinSettingsKind, { health: true, shareWith: [w.withCasey.id] });
    await waitFor(() => store.myCheckins.value.length === 1 && store.checkinSettings.value.chosen, 'my other device’s check-in and settings');
    expect(store.myCheckins.value[0]).toMatchObject({ pending: false, checkin: { note: 'from my phone', tz: 'Europe/Paris' } });
    expect(store.checkinSettings.value).toEqual({ health: true, shareWith: [w.withCasey.id], chosen: true });

    // Blake takes his copy back: it leaves my screen too.
    expect(await blake.engine.deleteRecords(w.withBlake.id, [blakeCopy])).toBe(1);
    await waitFor(() => store.partnerCheckins.value.length === 0, 'Blake’s check-in gone');
  });

  it('taking back shared copies (saveCheckinSettings with removeSharedFrom) removes them from the server and the partner’s device, and only there', async () => {
    const w = await world();
    const { store } = w;
    const actions = w.actions.checkinActions;
    const blake = await w.page.startDevice(w.blake);
    const casey = await w.page.startDevice(w.casey);
    await actions.saveCheckinSettings({ health: false, shareWith: [w.withBlake.id, w.withCasey.id] });
    await actions.checkIn({ emotional: 6, physical: 6, shareNote: false });
    await actions.checkIn({ emotional: 5, physical: 7, note: 'shared', shareNote: true });
    await blake.until(() => copiesBy(w, blake, w.withBlake.id, w.alex).length === 2);
    await casey.until(() => copiesBy(w, casey, w.withCasey.id, w.alex).length === 2);
    const blakesCopies = copiesBy(w, blake, w.withBlake.id, w.alex).map((d) => d.id);
    const caseysCopies = copiesBy(w, casey, w.withCasey.id, w.alex).map((d) => d.id);

    // I stop sharing with both, and take back what Blake already has (not what Casey has).
    await actions.saveCheckinSettings({ health: false, shareWith: [], removeSharedFrom: [w.withBlake.id] });
    expect(store.checkinSettings.value).toEqual({ health: false, shareWith: [], chosen: true });
    await blake.until(() => copiesBy(w, blake, w.withBlake.id, w.alex).length === 0);
    await allSent(w.page.device);
    expect(await serverHas(blakesCopies)).toEqual([]);
    expect((await serverHas(caseysCopies)).sort()).toEqual([...caseysCopies].sort());
    await casey.engine.syncNow();
    expect(copiesBy(w, casey, w.withCasey.id, w.alex)).toHaveLength(2);
    // My own check-ins stay; new ones are no longer copied anywhere.
    expect(store.myCheckins.value).toHaveLength(2);
    await actions.checkIn({ emotional: 1, physical: 1, shareNote: false });
    await allSent(w.page.device);
    await casey.engine.syncNow();
    expect(copiesBy(w, casey, w.withCasey.id, w.alex)).toHaveLength(2);
  });

  it('the signals reset when sync stops (lock, sign out)', async () => {
    const w = await world();
    const { store } = w;
    const blake = await w.page.startDevice(w.blake);
    await w.actions.checkinActions.saveCheckinSettings({ health: true, shareWith: [w.withBlake.id] });
    await w.actions.checkinActions.checkIn({ emotional: 6, physical: 6, shareNote: false });
    await blake.engine.write(w.withBlake.id, w.kinds.checkinKind, { checkin: { v: 1, at: Date.now(), tz: 'UTC', emotional: 1, physical: 2 } });
    await waitFor(() => store.partnerCheckins.value.length === 1, 'Blake’s check-in');
    expect(store.myCheckins.value).toHaveLength(1);
    expect(store.checkinSettings.value.chosen).toBe(true);

    await w.page.device.stop();
    expect(store.myCheckins.value).toEqual([]);
    expect(store.partnerCheckins.value).toEqual([]);
    expect(store.checkinSettings.value).toEqual(store.DEFAULT_CHECKIN_SETTINGS);
    expect(store.checkinsReady.value).toBe(false);
  });
});
