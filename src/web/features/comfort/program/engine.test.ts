/**
 * The touch program's engine and signals as the app runs them (the lazy facade, spaces' views,
 * the real sync engine of a test device) against a real server in-process, with the partner's and
 * a third member's devices beside it. See tests/factories/web-page.ts. What the pair writes is
 * sealed to the two of them: the third member's device holds the records and opens none.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { TOUCH_PROGRAM } from '../../../../../content/comfort.ts';
import { createUser } from '../../../../../tests/factories/index.ts';
import { createSpaceWithKeys } from '../../../../../tests/factories/keyed-spaces.ts';
import { allSent, keyRingOf, openPage, waitFor, type DeviceSlot, type Page } from '../../../../../tests/factories/web-page.ts';
import type { TestClient } from '../../../../../tests/factories/sync-clients.ts';
import type { TestUser } from '../../../../../tests/factories/users.ts';
import { createTestApp } from '../../../../server/testing/app.ts';
import { describeEachDatabase } from '../../../../server/testing/databases.ts';

const slot = vi.hoisted((): DeviceSlot => ({ engine: null }));
vi.mock('../../../sync/index.ts', async () => (await import('../../../../../tests/factories/web-page.ts')).syncIndexFor(slot));

const [S1, S2] = TOUCH_PROGRAM.sessions.map((s) => s.id) as [string, string];
const NOTE = 'a warmer room next time';

let page: Page | null = null;
afterEach(async () => {
  await page?.close();
  page = null;
  slot.engine = null;
});

describeEachDatabase('touch program engine', (suite) => {
  async function world() {
    const t = createTestApp(suite.db);
    const alex = await createUser(t.app);
    const blake = await createUser(t.app);
    const casey = await createUser(t.app);
    const space = await createSpaceWithKeys(t.app, alex, [blake, casey]);
    page = await openPage(t.app, alex, slot);
    const store = await import('./store.ts');
    const actions = await import('./actions.ts');
    const kinds = await import('./kinds.ts');
    const notes = await import('./notes.ts');
    await actions.touchProgram.activate();
    return { t, alex, blake, casey, space, page, store, kinds, notes, act: actions.touchProgramActions };
  }
  type World = Awaited<ReturnType<typeof world>>;

  /** A note written on `device` by `author` for `partner`, sealed as the app seals it. */
  async function writeNote(w: World, device: TestClient, author: TestUser, partner: TestUser, kind: 'progress' | 'check-in', body: unknown): Promise<string> {
    const def = kind === 'progress' ? w.kinds.touchProgressKind : w.kinds.touchCheckInKind;
    const key = w.notes.pairKeyFor(keyRingOf(author), device.engine.spaceState(w.space.id)!, partner.id)!;
    const sealed = w.notes.sealNote(key, { spaceId: w.space.id, kind: def.kind, authorId: author.id, partnerId: partner.id }, body);
    return device.engine.write(w.space.id, def as typeof w.kinds.touchCheckInKind, { with: partner.id, sealed });
  }

  /** Every note `device` holds in the place, opened with `reader`'s keys where it can be. */
  function readable(w: World, device: TestClient, reader: TestUser): unknown[] {
    const state = device.engine.spaceState(w.space.id)!;
    const docs = w.kinds.touchProgramDocs(state);
    const ring = keyRingOf(reader);
    const out: unknown[] = [];
    for (const [kind, notes] of [[w.kinds.touchProgressKind.kind, docs.progress], [w.kinds.touchCheckInKind.kind, docs.checkIns]] as const) {
      for (const note of notes.values()) {
        const partnerId = note.from === reader.id ? note.with : note.from;
        const key = w.notes.pairKeyFor(ring, state, partnerId);
        const body = key ? w.notes.openNote(key, { spaceId: w.space.id, kind, authorId: note.from, partnerId: note.with }, note.sealed, (v) => v) : null;
        if (body) out.push(body);
      }
    }
    return out;
  }

  it('a check-in and "ready" reach the partner sealed; both ready moves the pair on; the partner’s check-in shows', async () => {
    const w = await world();
    const { store, act } = w;
    const key = `${w.space.id} ${w.blake.id}`;
    await act.checkIn(w.space.id, w.blake.id, { session: S1, safe: 8, close: 7, change: `  ${NOTE}  ` });
    await act.setReady(w.space.id, w.blake.id, true);
    expect(store.pairPrograms.value.get(key)).toMatchObject({ mine: { ready: [S1], paused: false }, theirs: null, checkIns: [{ from: w.alex.id, session: S1, safe: 8, close: 7, change: NOTE }] });
    await allSent(w.page.device);

    const blake = await w.page.startDevice(w.blake);
    await blake.until(() => w.kinds.touchProgramDocs(blake.engine.spaceState(w.space.id)!).checkIns.size === 1);
    // In the place's records, only who wrote for whom is readable; the note opens for Blake.
    const docs = w.kinds.touchProgramDocs(blake.engine.spaceState(w.space.id)!);
    expect(JSON.stringify([...docs.checkIns.values(), ...docs.progress.values()])).not.toContain(NOTE);
    expect(readable(w, blake, w.blake)).toEqual(expect.arrayContaining([{ ready: [S1], paused: false }, expect.objectContaining({ session: S1, change: NOTE })]));

    await writeNote(w, blake, w.blake, w.alex, 'check-in', { session: S1, safe: 9, close: 6, at: Date.now() });
    await writeNote(w, blake, w.blake, w.alex, 'progress', { ready: [S1], paused: false });
    await waitFor(() => store.pairPrograms.value.get(key)?.theirs?.ready[0] === S1 && store.pairPrograms.value.get(key)!.checkIns.length === 2, 'Blake’s check-in and ready');
    const { pairPlace } = await import('./progress.ts');
    const pair = store.pairPrograms.value.get(key)!;
    expect(pairPlace(TOUCH_PROGRAM, pair.mine, pair.theirs).session.id).toBe(S2);
    expect(pair.checkIns[0]).toMatchObject({ from: w.blake.id, with: w.alex.id, safe: 9, close: 6, change: null });
  });

  it('pausing keeps the place; only I can resume mine; stepping back takes my "ready" back', async () => {
    const w = await world();
    const { store, act } = w;
    const key = `${w.space.id} ${w.blake.id}`;
    await act.setReady(w.space.id, w.blake.id, true);
    await act.setPaused(w.space.id, w.blake.id, true);
    expect(store.pairPrograms.value.get(key)?.mine).toEqual({ ready: [S1], paused: true });
    await act.setPaused(w.space.id, w.blake.id, false);
    await act.stepBack(w.space.id, w.blake.id); // at session 1 already: nothing to step back to
    expect(store.pairPrograms.value.get(key)?.mine).toEqual({ ready: [S1], paused: false });
    await act.setReady(w.space.id, w.blake.id, false);
    expect(store.pairPrograms.value.get(key)?.mine).toEqual({ ready: [], paused: false });
  });

  it('a third member holds the records and opens none; notes between others, or sealed wrongly, show nowhere', async () => {
    const w = await world();
    const { store, act } = w;
    await act.checkIn(w.space.id, w.blake.id, { session: S1, safe: 5, close: 5, change: NOTE });
    await act.setReady(w.space.id, w.blake.id, true);
    await allSent(w.page.device);

    const casey = await w.page.startDevice(w.casey);
    await casey.until(() => w.kinds.touchProgramDocs(casey.engine.spaceState(w.space.id)!).checkIns.size === 1);
    expect(readable(w, casey, w.casey)).toEqual([]);

    // Casey writes to Blake (not Alex's to see), and a note "for Alex" sealed under Casey and
    // Blake's key (it cannot open for Alex): Alex's app shows neither.
    await writeNote(w, casey, w.casey, w.blake, 'check-in', { session: S1, safe: 1, close: 1, at: Date.now() });
    const wrongKey = w.notes.pairKeyFor(keyRingOf(w.casey), casey.engine.spaceState(w.space.id)!, w.blake.id)!;
    const forged = w.notes.sealNote(wrongKey, { spaceId: w.space.id, kind: w.kinds.touchProgressKind.kind, authorId: w.casey.id, partnerId: w.alex.id }, { ready: [S1], paused: true });
    await casey.engine.write(w.space.id, w.kinds.touchProgressKind, { with: w.alex.id, sealed: forged });
    await allSent(casey);
    await w.page.device.engine.syncNow();
    await waitFor(() => w.kinds.touchProgramDocs(w.page.device.engine.spaceState(w.space.id)!).checkIns.size === 2, 'Casey’s records on Alex’s device');
    expect(store.pairPrograms.value.get(`${w.space.id} ${w.casey.id}`)).toBeUndefined();
    expect(store.pairPrograms.value.get(`${w.space.id} ${w.blake.id}`)?.checkIns).toHaveLength(1);
  });

  it('refuses a partner who is not in the place, and a session the program does not have', async () => {
    const w = await world();
    const outsider = await createUser(w.t.app);
    await expect(w.act.checkIn(w.space.id, outsider.id, { session: S1, safe: 5, close: 5 })).rejects.toMatchObject({ code: 'not-found' });
    await expect(w.act.checkIn(w.space.id, w.blake.id, { session: 'no-such-session', safe: 5, close: 5 })).rejects.toMatchObject({ code: 'bad-request' });
    await expect(w.act.setReady(w.alex.personalSpaceId, w.blake.id, true)).rejects.toMatchObject({ code: 'not-found' });
  });
});
