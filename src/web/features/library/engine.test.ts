/**
 * The library engine (programs, keeps, onboarding, self-assessments, progress sharing) and its
 * signals, running as the app runs them (the lazy facade, spaces' views, the real sync engine of
 * a test device) against a real server in-process. See tests/factories/web-page.ts.
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

async function modules() {
  return {
    store: await import('./store.ts'),
    actions: await import('./actions.ts'),
    kinds: await import('./kinds.ts'),
    spacesKinds: await import('../../spaces/kinds.ts'),
  };
}

describeEachDatabase('library engine', (suite) => {
  async function world() {
    const t = createTestApp(suite.db);
    const alex = await createUser(t.app);
    const blake = await createUser(t.app);
    const withBlake = await createSpaceWithKeys(t.app, alex, [blake]);
    page = await openPage(t.app, alex, slot);
    const m = await modules();
    await m.actions.library.activate();
    return { t, alex, blake, withBlake, page, ...m, act: m.actions.libraryActions };
  }

  type Modules = Awaited<ReturnType<typeof modules>>;
  /** What `author` has shared of their programs in a space, as `device` holds it. */
  const sharedProgress = (m: Modules, device: TestClient, spaceId: string, author: TestUser) => {
    const state = device.engine.spaceState(spaceId);
    if (!state) return null;
    const docs = m.kinds.libraryDocs(state);
    const mine = (key: string) => key.startsWith(`${author.id} `);
    return {
      programs: Object.fromEntries([...docs.programs].filter(([k]) => mine(k)).map(([k, v]) => [k.split(' ')[1], v.value])),
      steps: Object.fromEntries([...docs.steps].filter(([k]) => mine(k)).map(([k, v]) => [k.split(' ')[1], v.value])),
    };
  };

  it('programs, steps, keeps, the onboarding reason and assessments show at once and follow my other device', async () => {
    const w = await world();
    const { store, act } = w;
    expect(store.libraryReady.value).toBe(true);
    expect(store.programProgress.value.size).toBe(0);

    await act.setProgramStatus('calm-evenings', 'active');
    // Marking a step of a program I have not started starts it.
    await act.setStepDone('slow-mornings', 'day-2', true);
    await act.setStepDone('slow-mornings', 'day-1', true);
    await act.setProgramStatus('calm-evenings', 'paused');
    expect(store.programProgress.value.get('calm-evenings')).toMatchObject({ status: 'paused', done: [] });
    expect(store.programProgress.value.get('slow-mornings')).toMatchObject({ status: 'active', done: ['day-1', 'day-2'] });
    expect(store.programProgress.value.get('slow-mornings')!.startedAt).toBeGreaterThan(0);
    await act.setStepDone('slow-mornings', 'day-2', false);
    expect(store.programProgress.value.get('slow-mornings')?.done).toEqual(['day-1']);

    await act.keep('intention', 'slow-mornings/day-1', true);
    await act.keep('favourite', 'first-deck/q-3', true);
    await act.keep('favourite', 'first-deck/q-3', false);
    expect([...store.kept.value]).toEqual([store.keepKey('intention', 'slow-mornings/day-1')]);

    await act.chooseReason('feel-closer');
    expect(store.onboardingReason.value).toBe('feel-closer');

    const older = await act.saveAssessment({ trust: { now: 4, matters: 9 } });
    expect(store.assessments.value.map((a) => a.id)).toEqual([older.id]);
    // (Sent before the next one: two writes queued in the same millisecond may reach the server in either order.)
    await allSent(w.page.device);
    const newer = await act.saveAssessment({ trust: { now: 6 }, play: { matters: 3 } });
    expect(store.assessments.value.map((a) => a.id)).toEqual([newer.id, older.id]);
    expect(store.assessments.value[0]!.scores).toEqual({ trust: { now: 6 }, play: { matters: 3 } });
    await expect(act.saveAssessment({})).rejects.toThrow();

    // Everything reached the server: acknowledged, it still shows the same, newest first.
    await allSent(w.page.device);
    expect(store.assessments.value.map((a) => a.id)).toEqual([newer.id, older.id]);
    expect(store.programProgress.value.get('slow-mornings')?.done).toEqual(['day-1']);

    // My phone (another device of mine) keeps and answers: this screen follows.
    const phone = await w.page.startDevice(w.alex);
    await phone.engine.write(w.alex.personalSpaceId, w.kinds.keepKind, { what: 'favourite', ref: 'first-deck/q-7', kept: true });
    await phone.engine.write(w.alex.personalSpaceId, w.kinds.onboardingKind, { reasonId: 'after-a-hard-time' });
    await phone.engine.write(w.alex.personalSpaceId, w.kinds.programStepKind, { programId: 'calm-evenings', stepId: 'day-1', done: true });
    await waitFor(
      () => store.kept.value.has('favourite first-deck/q-7') && store.onboardingReason.value === 'after-a-hard-time' && store.programProgress.value.get('calm-evenings')?.done.length === 1,
      'my phone’s writes',
    );
    expect(store.programProgress.value.get('calm-evenings')).toMatchObject({ status: 'paused', done: ['day-1'] });

    await w.page.device.stop();
    expect(store.programProgress.value.size).toBe(0);
    expect(store.kept.value.size).toBe(0);
    expect(store.onboardingReason.value).toBeNull();
    expect(store.assessments.value).toEqual([]);
    expect(store.libraryReady.value).toBe(false);
  });

  it('progress sharing: a newly chosen space gets my current progress, later steps follow, and taking it back removes it from the partner', async () => {
    const w = await world();
    const { store, act } = w;
    const blake = await w.page.startDevice(w.blake);
    await act.setStepDone('slow-mornings', 'day-1', true);
    await act.keep('intention', 'slow-mornings/day-1', true);

    await act.saveProgressSharing([w.withBlake.id]);
    expect(store.progressSharing.value).toEqual([w.withBlake.id]);
    const current = { programs: { 'slow-mornings': 'active' }, steps: { 'slow-mornings/day-1': true } };
    await blake.until(() => JSON.stringify(sharedProgress(w, blake, w.withBlake.id, w.alex)) === JSON.stringify(current));

    await act.setStepDone('slow-mornings', 'day-2', true);
    await blake.until(() => sharedProgress(w, blake, w.withBlake.id, w.alex)?.steps['slow-mornings/day-2'] === true);
    // Keeps never leave my personal space.
    expect(blake.engine.spaceState(w.withBlake.id) && w.kinds.libraryDocs(blake.engine.spaceState(w.withBlake.id)!).keeps.size).toBe(0);

    // Blake shares his progress with me: it shows under his name.
    await blake.engine.write(w.withBlake.id, w.spacesKinds.profileKind, { displayName: 'Blake', pronouns: 'he' });
    await blake.engine.write(w.withBlake.id, w.kinds.programStateKind, { programId: 'calm-evenings', status: 'active' });
    await blake.engine.write(w.withBlake.id, w.kinds.programStepKind, { programId: 'calm-evenings', stepId: 'day-1', done: true });
    await waitFor(() => store.partnerProgress.value[0]?.done.length === 1 && store.partnerProgress.value[0]?.name === 'Blake', 'Blake’s progress');
    expect(store.partnerProgress.value).toEqual([{ userId: w.blake.id, name: 'Blake', programId: 'calm-evenings', status: 'active', done: ['day-1'] }]);
    // With when: Today's news of partners' programs reads these times.
    expect(store.partnerActivity.value).toMatchObject([{ userId: w.blake.id, name: 'Blake', programId: 'calm-evenings', status: 'active', done: [{ stepId: 'day-1' }] }]);
    expect(store.partnerActivity.value[0]!.startedAt).toBeGreaterThan(0);
    expect(store.partnerActivity.value[0]!.done[0]!.at).toBeGreaterThanOrEqual(store.partnerActivity.value[0]!.startedAt);

    // I stop sharing and take back what Blake has; my own progress stays.
    await act.saveProgressSharing([], { removeSharedFrom: [w.withBlake.id] });
    expect(store.progressSharing.value).toEqual([]);
    await blake.until(() => {
      const shared = sharedProgress(w, blake, w.withBlake.id, w.alex);
      return shared !== null && Object.keys(shared.programs).length === 0 && Object.keys(shared.steps).length === 0;
    });
    expect(store.programProgress.value.get('slow-mornings')?.done).toEqual(['day-1', 'day-2']);
    // Further progress stays with me.
    await act.setStepDone('slow-mornings', 'day-3', true);
    await allSent(w.page.device);
    await blake.engine.syncNow();
    expect(sharedProgress(w, blake, w.withBlake.id, w.alex)).toEqual({ programs: {}, steps: {} });
    // Blake's own copies are his to take back, not mine.
    expect(store.partnerProgress.value).toHaveLength(1);
  });

  it('stopping sharing without taking back leaves what the partner already has', async () => {
    const w = await world();
    const { act } = w;
    const blake = await w.page.startDevice(w.blake);
    await act.saveProgressSharing([w.withBlake.id]);
    await act.setProgramStatus('slow-mornings', 'active');
    await blake.until(() => sharedProgress(w, blake, w.withBlake.id, w.alex)?.programs['slow-mornings'] === 'active');
    await act.saveProgressSharing([]);
    await act.setProgramStatus('slow-mornings', 'paused');
    await allSent(w.page.device);
    await blake.engine.syncNow();
    expect(sharedProgress(w, blake, w.withBlake.id, w.alex)?.programs).toEqual({ 'slow-mornings': 'active' });
  });
});
