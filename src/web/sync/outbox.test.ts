/**
 * The outbox with a real engine and server: a write queued while a flush is under way is sent by
 * that flush, and writes made in the same millisecond reach the server in the order they were
 * made (their UUIDv7 ids are random within a millisecond).
 */
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { createUser } from '../../../tests/factories/index.ts';
import { startClient, type TestClient } from '../../../tests/factories/sync-clients.ts';
import { registerAllKinds } from '../app/kinds.ts';
import { assessmentKind, libraryDocs } from '../features/library/kinds.ts';
import { createTestApp } from '../../server/testing/app.ts';
import { describeEachDatabase } from '../../server/testing/databases.ts';

beforeAll(() => registerAllKinds());
const clients: TestClient[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const c of clients.splice(0)) await c.stop();
});

describeEachDatabase('outbox', (suite) => {
  async function device() {
    const t = createTestApp(suite.db);
    const user = await createUser(t.app);
    const c = await startClient(t.app, user);
    clients.push(c);
    await c.engine.syncNow();
    return { c, user };
  }

  it('flush() sends a write queued while a flush is already under way', async () => {
    const { c, user } = await device();
    await c.engine.write(user.personalSpaceId, assessmentKind, { scores: { trust: { now: 1 } } });
    await c.engine.write(user.personalSpaceId, assessmentKind, { scores: { trust: { now: 2 } } });
    await c.engine.flush();
    expect(c.engine.status().pendingWrites).toBe(0);
  });

  it('writes queued in the same millisecond reach the server in the order they were made', async () => {
    const { c, user } = await device();
    c.setOnline(false);
    vi.useFakeTimers({ toFake: ['Date'] });
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push(await c.engine.write(user.personalSpaceId, assessmentKind, { scores: { trust: { now: i } } }));
    vi.useRealTimers();
    // Made in one millisecond, so (almost surely) not in id order: the outbox must not send by id.
    c.setOnline(true);
    await c.until(() => c.engine.status().pendingWrites === 0);
    const bySeq = [...libraryDocs(c.engine.spaceState(user.personalSpaceId)!).assessments].sort(([, a], [, b]) => a.seq - b.seq).map(([id]) => id);
    expect(bySeq).toEqual(ids);
  });
});
