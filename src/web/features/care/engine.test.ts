/**
 * Care's notes engine as the app runs it (the lazy facade, the real sync engine of a test device)
 * against a real server in-process, with a second device of the same person beside it.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { createUser } from '../../../../tests/factories/index.ts';
import { allSent, openPage, type DeviceSlot, type Page } from '../../../../tests/factories/web-page.ts';
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

describeEachDatabase('care notes engine', (suite) => {
  it('a note saved twice, then cleared: every version leaves the server and the other device', async () => {
    const t = createTestApp(suite.db);
    const alex = await createUser(t.app);
    page = await openPage(t.app, alex, slot);
    const store = await import('./store.ts');
    const { careActions } = await import('./actions.ts');
    const kinds = await import('./kinds.ts');
    const stored = async () =>
      (await suite.db.database.db.selectFrom('records').select('id').where('space_id', '=', alex.personalSpaceId).execute()).map((r) => r.id);

    await careActions.saveNote({ sheet: 'after-cancer', text: 'Ask about tiredness' });
    await careActions.saveNote({ sheet: 'after-cancer', text: 'Ask about tiredness, and about touch' });
    await careActions.saveNote({ sheet: 'chronic-illness', text: 'Keep this one' });
    await allSent(page.device);
    await slot.engine!.syncNow();
    const state = slot.engine!.spaceState(alex.personalSpaceId)!;
    const versions = kinds.careDocs(state).notes.get('after-cancer')!.ids;
    expect(versions).toHaveLength(2);
    expect(await stored()).toEqual(expect.arrayContaining(versions));

    const other = await page.startDevice(alex);
    await other.engine.syncNow();
    expect(kinds.careDocs(other.engine.spaceState(alex.personalSpaceId)!).notes.get('after-cancer')?.text).toBe('Ask about tiredness, and about touch');

    await careActions.saveNote({ sheet: 'after-cancer', text: '   ' });
    expect(store.careNotes.value.has('after-cancer')).toBe(false);
    expect(store.careNotes.value.get('chronic-illness')).toBe('Keep this one');
    await allSent(page.device);
    const left = await stored();
    for (const id of versions) expect(left).not.toContain(id);

    await other.engine.syncNow();
    await other.until(() => !kinds.careDocs(other.engine.spaceState(alex.personalSpaceId)!).notes.has('after-cancer'), 5_000);
    expect(kinds.careDocs(other.engine.spaceState(alex.personalSpaceId)!).notes.get('chronic-illness')?.text).toBe('Keep this one');
  }, 30_000);
});
