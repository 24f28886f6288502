/**
 * The spaces' views (views.ts) as the app runs them: the `spaces` signal built from the real sync
 * engine of a test device against a real server in-process (names and profiles from the members'
 * records, my queued changes on top, members waiting to be admitted), and `removedSpaceIds`
 * after leaving. See tests/factories/web-page.ts.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { acceptInvite, createInvite, createUser } from '../../../tests/factories/index.ts';
import { createSpaceWithKeys } from '../../../tests/factories/keyed-spaces.ts';
import { allSent, openPage, waitFor, type DeviceSlot, type Page } from '../../../tests/factories/web-page.ts';
import { createTestApp } from '../../server/testing/app.ts';
import { describeEachDatabase } from '../../server/testing/databases.ts';

const slot = vi.hoisted((): DeviceSlot => ({ engine: null }));
vi.mock('../sync/index.ts', async () => (await import('../../../tests/factories/web-page.ts')).syncIndexFor(slot));

let page: Page | null = null;
afterEach(async () => {
  await page?.close();
  page = null;
  slot.engine = null;
});

async function modules() {
  return {
    store: await import('./store.ts'),
    mySpaces: await import('./my-spaces.ts'),
    kinds: await import('./kinds.ts'),
    actions: (await import('./actions.ts')).spaceActions,
  };
}

describeEachDatabase('spaces views', (suite) => {
  /**
   * Dana's space (made before Alex signed up, so before Alex's personal space), where Alex opened
   * an invite and waits to be admitted (no device of Dana's is on to admit her), then the space
   * Alex shares with Blake. Alex is this page.
   */
  async function world() {
    const t = createTestApp(suite.db);
    const dana = await createUser(t.app);
    const danas = await createSpaceWithKeys(t.app, dana, []);
    const alex = await createUser(t.app);
    const blake = await createUser(t.app);
    expect((await acceptInvite(t.app, alex, await createInvite(t.app, dana, danas.id))).status).toBe(200);
    const us = await createSpaceWithKeys(t.app, alex, [blake]);
    page = await openPage(t.app, alex, slot);
    return { t, alex, blake, dana, danas, us, page, ...(await modules()) };
  }

  it('spaces: my personal space first, then shared ones by creation, with names, profiles and members waiting to be admitted', async () => {
    const w = await world();
    const { store, mySpaces, kinds, actions } = w;
    const view = (id: string) => store.spaces.value.find((s) => s.id === id);
    expect(store.spaces.value.map((s) => [s.id, s.kind])).toEqual([
      [w.alex.personalSpaceId, 'personal'],
      [w.danas.id, 'shared'],
      [w.us.id, 'shared'],
    ]);
    expect(mySpaces.personalSpaceId()).toBe(w.alex.personalSpaceId);

    // Waiting in Dana's space: listed with me as pending, not a space features may write to.
    expect(view(w.danas.id)).toMatchObject({ name: null, myProfile: null, integrityWarning: null });
    expect(view(w.danas.id)!.members).toEqual(
      expect.arrayContaining([
        { userId: w.dana.id, isMe: false, status: 'active', displayName: null, pronouns: null },
        { userId: w.alex.id, isMe: true, status: 'pending', displayName: null, pronouns: null },
      ]),
    );
    expect(mySpaces.shareableSpaces().map((s) => s.id)).toEqual([w.us.id]);

    // Blake names the space and himself: this screen follows.
    const blake = await w.page.startDevice(w.blake);
    await blake.engine.write(w.us.id, kinds.spaceNameKind, { name: 'Blake & Alex' });
    await blake.engine.write(w.us.id, kinds.profileKind, { displayName: 'Blake', pronouns: 'he/him' });
    await waitFor(() => view(w.us.id)?.name === 'Blake & Alex' && view(w.us.id)!.members.some((m) => m.displayName === 'Blake'), 'Blake’s name and profile');
    expect(view(w.us.id)!.members).toEqual(
      expect.arrayContaining([
        { userId: w.blake.id, isMe: false, status: 'active', displayName: 'Blake', pronouns: 'he/him' },
        { userId: w.alex.id, isMe: true, status: 'active', displayName: null, pronouns: null },
      ]),
    );

    // My own profile and a new name, set offline: shown at once, sent when back online.
    w.page.device.setOnline(false);
    await actions.setProfile(w.us.id, { displayName: '  Alex ', pronouns: '' });
    await actions.setSpaceName(w.us.id, 'Our place');
    expect(view(w.us.id)).toMatchObject({ name: 'Our place', myProfile: { displayName: 'Alex', pronouns: '' } });
    expect(view(w.us.id)!.members.find((m) => m.isMe)).toMatchObject({ displayName: 'Alex', pronouns: null });
    w.page.device.setOnline(true);
    await allSent(w.page.device);
    expect(view(w.us.id)).toMatchObject({ name: 'Our place', myProfile: { displayName: 'Alex', pronouns: '' } });
    const onBlakes = () => kinds.spaceDocs(blake.engine.spaceState(w.us.id)!);
    await blake.until(() => onBlakes().name?.value === 'Our place' && onBlakes().profiles.get(w.alex.id)?.displayName === 'Alex');
    expect(onBlakes().profiles.get(w.alex.id)).toMatchObject({ displayName: 'Alex', pronouns: '' });
  });

  it('removedSpaceIds names a space I left, which leaves the list; the list empties when sync stops', async () => {
    const w = await world();
    const { store, actions } = w;
    expect(store.removedSpaceIds.value.size).toBe(0);
    await actions.leaveSpace(w.us.id);
    await waitFor(() => store.removedSpaceIds.value.has(w.us.id), 'the removal of the space I left');
    expect(store.spaces.value.map((s) => s.id)).toEqual([w.alex.personalSpaceId, w.danas.id]);
    expect([...store.removedSpaceIds.value]).toEqual([w.us.id]);
    // Blake's device follows my signed departure.
    const blake = await w.page.startDevice(w.blake);
    expect(blake.engine.spaceState(w.us.id)!.summary.members.map((m) => m.userId)).toEqual([w.blake.id]);

    await w.page.device.stop();
    expect(store.spaces.value).toEqual([]);
  });

  it('the name set once: every shared place follows it unless I chose another name there, and new places use it', async () => {
    const w = await world();
    const { store, kinds, actions } = w;
    const view = (id: string) => store.spaces.value.find((s) => s.id === id);
    const names = await import('./names.ts');
    expect(names.myDefaultProfile()).toBeNull();

    await actions.setMyName({ displayName: ' Alex ', pronouns: 'she/her' });
    expect(names.myDefaultProfile()).toEqual({ displayName: 'Alex', pronouns: 'she/her' });
    expect(view(w.us.id)!.myProfile).toEqual({ displayName: 'Alex', pronouns: 'she/her' });
    // Still waiting in Dana's place: kept on this device until I am admitted.
    expect(view(w.danas.id)!.myProfile).toBeNull();

    // A name chosen for one place stays there when the name set once changes.
    await actions.setProfile(w.us.id, { displayName: 'Al', pronouns: '' });
    await actions.setMyName({ displayName: 'Alexandra', pronouns: 'she/her' });
    expect(view(w.us.id)!.myProfile).toEqual({ displayName: 'Al', pronouns: '' });
    await allSent(w.page.device);

    // A new place uses the name set once without asking.
    const { spaceId } = await actions.createSpace({ name: 'Fresh', displayName: '', pronouns: '' });
    await waitFor(() => view(spaceId)?.myProfile?.displayName === 'Alexandra', 'the name set once in the new place');
    await allSent(w.page.device);
    const blake = await w.page.startDevice(w.blake);
    await blake.until(() => kinds.spaceDocs(blake.engine.spaceState(w.us.id)!).profiles.get(w.alex.id)?.displayName === 'Al');
  });
});
