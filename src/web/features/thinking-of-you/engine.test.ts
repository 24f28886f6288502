/**
 * The "thinking of you" engine and its signals, running as the app runs them (the lazy facade,
 * spaces' views, the real sync engine of a test device) against a real server in-process, with a
 * partner's device beside it. See tests/factories/web-page.ts.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { createUser } from '../../../../tests/factories/index.ts';
import { createSpaceWithKeys } from '../../../../tests/factories/keyed-spaces.ts';
import { allSent, openPage, waitFor, type DeviceSlot, type Page } from '../../../../tests/factories/web-page.ts';
import type { TestClient } from '../../../../tests/factories/sync-clients.ts';
import { createTestApp } from '../../../server/testing/app.ts';
import { describeEachDatabase } from '../../../server/testing/databases.ts';

const slot = vi.hoisted((): DeviceSlot => ({ engine: null }));
vi.mock('../../sync/index.ts', async () => (await import('../../../../tests/factories/web-page.ts')).syncIndexFor(slot));

let page: Page | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await page?.close();
  page = null;
  slot.engine = null;
});

describeEachDatabase('thinking-of-you engine', (suite) => {
  async function world(withThird = false) {
    const t = createTestApp(suite.db);
    const alex = await createUser(t.app);
    const blake = await createUser(t.app);
    const casey = await createUser(t.app);
    const space = await createSpaceWithKeys(t.app, alex, withThird ? [blake, casey] : [blake]);
    page = await openPage(t.app, alex, slot);
    const store = await import('./store.ts');
    const actions = await import('./actions.ts');
    const kinds = await import('./kinds.ts');
    await actions.thinking.activate();
    return { t, alex, blake, casey, space, page, store, kinds, act: actions.thinkingActions };
  }
  type World = Awaited<ReturnType<typeof world>>;
  const docsOn = (w: World, device: TestClient) => w.kinds.thinkingDocs(device.engine.spaceState(w.space.id)!);

  it('a notice reaches the partner; a second tap in the resting minute sends nothing; their reply shows; sending again replaces the earlier notice', async () => {
    const w = await world();
    const { store, act } = w;
    await act.send(w.space.id, w.blake.id);
    expect(store.thoughts.value.lastSent[w.space.id]).toMatchObject({ to: w.blake.id });

    const blake = await w.page.startDevice(w.blake);
    await blake.until(() => docsOn(w, blake).notices.size === 1);
    const first = [...docsOn(w, blake).notices.values()][0]!;
    expect(first).toMatchObject({ from: w.alex.id, to: w.blake.id });

    await act.send(w.space.id, w.blake.id);
    await allSent(w.page.device);
    await blake.engine.syncNow();
    expect([...docsOn(w, blake).notices.keys()]).toEqual([first.id]);

    const replyId = await blake.engine.write(w.space.id, w.kinds.thinkingReplyKind, { notice: first.id, to: w.alex.id, reply: 'made-me-smile', at: Date.now() });
    await waitFor(() => store.thoughts.value.replies.length === 1, 'Blake’s reply');
    expect(store.thoughts.value.replies[0]).toMatchObject({ from: w.blake.id, reply: 'made-me-smile', replyId });

    // Closed on my side: it goes, and Blake's device learns nothing of it.
    await act.close(w.space.id, w.blake.id, 'reply', replyId);
    expect(store.thoughts.value.replies).toEqual([]);

    // A minute later, a new notice: the earlier one is deleted, on the server and on Blake's device.
    const later = Date.now() + 61_000;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    await act.send(w.space.id, w.blake.id);
    await allSent(w.page.device);
    await blake.until(() => docsOn(w, blake).notices.size === 1 && !docsOn(w, blake).notices.has(first.id));
    expect([...docsOn(w, blake).notices.values()][0]).toMatchObject({ from: w.alex.id, to: w.blake.id });
  });

  it('a partner’s notice shows as a card; a reply settles it and reaches them; a close settles it quietly', async () => {
    const w = await world();
    const { store, act } = w;
    const blake = await w.page.startDevice(w.blake);
    const noticeId = await blake.engine.write(w.space.id, w.kinds.thinkingKind, { to: w.alex.id, at: Date.now() });
    await waitFor(() => store.thoughts.value.incoming.length === 1, 'Blake’s notice');
    expect(store.thoughts.value.incoming[0]).toMatchObject({ from: w.blake.id, noticeId, toAll: false, spaceId: w.space.id });

    await act.reply(w.space.id, noticeId, 'thinking-of-you-too');
    expect(store.thoughts.value.incoming).toEqual([]);
    await allSent(w.page.device);
    await blake.until(() => docsOn(w, blake).replies.size === 1);
    expect([...docsOn(w, blake).replies.values()][0]).toMatchObject({ from: w.alex.id, to: w.blake.id, notice: noticeId, reply: 'thinking-of-you-too' });

    const second = await blake.engine.write(w.space.id, w.kinds.thinkingKind, { to: w.alex.id, at: Date.now() + 1 });
    await waitFor(() => store.thoughts.value.incoming[0]?.noticeId === second, 'Blake’s second notice');
    await act.close(w.space.id, w.blake.id, 'notice', second);
    expect(store.thoughts.value.incoming).toEqual([]);
    // A reply to Blake replaces my earlier one (one of mine per person).
    await act.reply(w.space.id, second, 'sending-a-hug');
    await allSent(w.page.device);
    await blake.until(() => docsOn(w, blake).replies.size === 1 && [...docsOn(w, blake).replies.values()][0]!.notice === second);
  });

  it('with three: each person or everyone; a notice to someone else is not mine; nobody outside is a target', async () => {
    const w = await world(true);
    const { store, act } = w;
    const blake = await w.page.startDevice(w.blake);
    await blake.engine.write(w.space.id, w.kinds.thinkingKind, { to: w.casey.id, at: Date.now() });
    const toAll = await blake.engine.write(w.space.id, w.kinds.thinkingKind, { to: 'all', at: Date.now() + 1 });
    await waitFor(() => store.thoughts.value.incoming.length === 1, 'Blake’s notice to everyone');
    expect(store.thoughts.value.incoming[0]).toMatchObject({ noticeId: toAll, toAll: true });

    await act.send(w.space.id, 'all');
    expect(store.thoughts.value.lastSent[w.space.id]).toMatchObject({ to: 'all' });
    const outsider = await createUser(w.t.app);
    await expect(act.send(w.space.id, outsider.id)).rejects.toMatchObject({ code: 'bad-request' });
    await expect(act.send(w.alex.personalSpaceId, w.blake.id)).rejects.toMatchObject({ code: 'not-found' });
  });
});
