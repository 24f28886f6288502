/**
 * The outbox with a real engine and server: a write queued while a flush is under way is sent by
 * that flush, and writes made in the same millisecond reach the server in the order they were
 * made (their UUIDv7 ids are random within a millisecond).
 */
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { call, createUser } from '../../../tests/factories/index.ts';
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

  it('a write refused because the person is full stays on the device, says why, and goes once there is room', async () => {
    // One database, two servers over it: a full one, then the same with room (the operator raised the quota).
    const full = createTestApp(suite.db, { config: { limits: { personStorageBytes: 1, writesPerMinute: 0 } } });
    const roomy = createTestApp(suite.db, { config: { limits: { writesPerMinute: 0 } } });
    let server = full.app;
    const user = await createUser(roomy.app);
    const c = await startClient({ request: (input, init) => server.request(input, init) }, user);
    clients.push(c);
    await c.engine.syncNow();
    const id = await c.engine.write(user.personalSpaceId, assessmentKind, { scores: { trust: { now: 3 } } });
    await c.until(() => c.engine.status().heldBy === 'storage-full-person');
    expect(c.engine.status().pendingWrites).toBe(1);
    server = roomy.app;
    // The outbox tries again by itself (its retry), with nothing done on the device.
    await c.until(() => c.engine.status().pendingWrites === 0, 15_000);
    expect(c.engine.status().heldBy).toBeNull();
    expect(libraryDocs(c.engine.spaceState(user.personalSpaceId)!).assessments.has(id)).toBe(true);
  });

  /** A device whose record writes wait at the server's door until `open()` (one at a time). */
  async function gatedDevice() {
    const t = createTestApp(suite.db);
    let gate: Promise<void> | null = null;
    let open = () => {};
    const arrived: string[] = [];
    const app = {
      request: async (input: RequestInfo | URL, init?: RequestInit) => {
        if (gate && init?.method === 'POST' && String(input).endsWith('/records')) {
          arrived.push((JSON.parse(String(init.body)) as { id: string }).id);
          await gate;
        }
        return t.app.request(input, init);
      },
    };
    const user = await createUser(t.app);
    const c = await startClient(app, user);
    clients.push(c);
    await c.engine.syncNow();
    const hold = () => (gate = new Promise<void>((resolve) => (open = () => ((gate = null), resolve()))));
    const onServer = async () =>
      ((await call(t.app, 'GET', `/api/spaces/${user.personalSpaceId}/records?since=0`, { as: user })).body as { records: { id: string }[] }).records.map((r) => r.id);
    return { c, user, hold, open: () => open(), arrived, onServer };
  }

  it('a write deleted while an earlier one is on its way never leaves; one deleted on its way is deleted on the server too', async () => {
    const { c, user, hold, open, arrived, onServer } = await gatedDevice();
    hold();
    const first = await c.engine.write(user.personalSpaceId, assessmentKind, { scores: { trust: { now: 1 } } });
    const second = await c.engine.write(user.personalSpaceId, assessmentKind, { scores: { trust: { now: 2 } } });
    await c.until(() => arrived.includes(first));
    // The pass that is sending `first` read `second` from the outbox too.
    const deleting = c.engine.deleteRecords(user.personalSpaceId, [first, second]);
    open();
    await deleting;
    await c.engine.flush();
    await c.engine.syncNow();
    const ids = await onServer();
    expect(ids).not.toContain(second);
    expect(arrived).not.toContain(second);
    // `first` reached the server before it could be taken back: a tombstone deleted it there.
    expect(ids).not.toContain(first);
    expect(libraryDocs(c.engine.spaceState(user.personalSpaceId)!).assessments.size).toBe(0);
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
