import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../shared/api.ts';
import { createCouple, createUser, writeRecord } from '../../../tests/factories/index.ts';
import { type Database, openDatabase } from '../db/open.ts';
import { createTestApp } from '../testing/app.ts';
import { TEST_DATABASE_URL, type TestDatabase, createTestDatabase } from '../testing/databases.ts';
import { markerEvent, openEvents } from '../testing/sse.ts';
import { InProcessNotifier } from './notifier.ts';
import { PostgresNotifier } from './postgres-notifier.ts';

const event: LiveEvent = { spaceId: '01890a5d-ac96-774b-bcce-b302099a8057', type: 'records', seq: 3 };

/**
 * Polls `check` until it holds (false after `timeoutMs`). Only for the notifier's `listening`
 * test hook, which has no event to wait on; deliveries are awaited with `received` instead.
 */
async function until(check: () => boolean, timeoutMs = 3000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  return check();
}

/** A listener that keeps what it is given; `until(marker)` waits for the marker and returns what came before it. */
function received(timeoutMs = 3000) {
  const got: LiveEvent[] = [];
  let wake: (() => void) | null = null;
  return {
    got,
    listener: (e: LiveEvent) => {
      got.push(e);
      wake?.();
    },
    /** Waits until `n` events have arrived; false after the timeout. */
    async count(n: number): Promise<boolean> {
      const deadline = Date.now() + timeoutMs;
      while (got.length < n) {
        const left = deadline - Date.now();
        if (left <= 0) return false;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      return true;
    },
    async until(marker: LiveEvent): Promise<LiveEvent[]> {
      const key = JSON.stringify(marker);
      const at = () => got.findIndex((e) => JSON.stringify(e) === key);
      while (at() < 0) if (!(await this.count(got.length + 1))) throw new Error(`the marker did not arrive; got ${JSON.stringify(got)}`);
      return got.slice(0, at());
    },
  };
}

describe('InProcessNotifier', () => {
  it('delivers to the addressed users only, once each, until unsubscribed', async () => {
    const notifier = new InProcessNotifier();
    const got: string[] = [];
    const offA = notifier.subscribe('a', () => got.push('a'));
    notifier.subscribe('a', () => got.push('a2'));
    notifier.subscribe('b', () => got.push('b'));
    notifier.subscribe('c', () => {
      throw new Error('a broken listener');
    });
    await notifier.publish(['a', 'c', 'a'], event);
    expect(got.sort()).toEqual(['a', 'a2']);
    offA();
    await notifier.publish(['a', 'b'], event);
    expect(got.sort()).toEqual(['a', 'a2', 'a2', 'b']);
    await notifier.close();
  });
});

describe.skipIf(!TEST_DATABASE_URL)('PostgresNotifier (two app servers on one PostgreSQL)', () => {
  let shared: TestDatabase;
  let second: Database;
  const notifiers: PostgresNotifier[] = [];
  const channel = () => `innermost_test_${randomBytes(5).toString('hex')}`;

  beforeAll(async () => {
    shared = await createTestDatabase('postgres');
    second = await openDatabase({ databaseUrl: shared.databaseUrl, pgSchema: shared.schema });
  });
  afterAll(async () => {
    for (const n of notifiers) await n.close();
    await second?.close();
    await shared?.dispose();
  });

  const newNotifier = async (name: string) => {
    const n = new PostgresNotifier({ databaseUrl: TEST_DATABASE_URL!, channel: name });
    notifiers.push(n);
    await n.ready();
    return n;
  };

  it('delivers each other\'s notices across servers', async () => {
    const name = channel();
    const [n1, n2] = [await newNotifier(name), await newNotifier(name)];
    const secret = randomBytes(32);
    const server1 = createTestApp(shared, { notifier: n1, secret });
    const server2 = createTestApp({ ...shared, database: second }, { notifier: n2, secret });
    const [a, b] = [await createUser(server1.app), await createUser(server1.app)];
    const space = await createCouple(server1.app, a, b);
    // b listens on server 2, a writes on server 1 (sessions live in the shared database).
    const onTwo = await openEvents(server2.app, b.cookie);
    const onOne = await openEvents(server1.app, a.cookie);
    const written = await writeRecord(server1.app, a, space.id, space.epoch);
    expect(await onTwo.sse.next(3000)).toEqual({ spaceId: space.id, type: 'records', seq: written.body.seq });
    expect(await onOne.sse.next(3000)).toEqual({ spaceId: space.id, type: 'records', seq: written.body.seq });
    const back = await writeRecord(server2.app, b, space.id, space.epoch);
    expect(await onOne.sse.next(3000)).toEqual({ spaceId: space.id, type: 'records', seq: back.body.seq });
    // Exactly one delivery each (no local double-delivery on the publishing server): a marker
    // published after it through the same channel is the next thing to arrive.
    const marker = markerEvent();
    await n2.publish([a.id], marker);
    expect(await onOne.sse.until(marker, 3000)).toEqual([]);
    await onOne.sse.close();
    await onTwo.sse.close();
  });

  it('does not deliver to users it was not addressed to, and ignores junk payloads', async () => {
    const name = channel();
    const [n1, n2] = [await newNotifier(name), await newNotifier(name)];
    const u2 = received();
    n2.subscribe('u2', u2.listener);
    await n1.publish(['u1'], { ...event, seq: 1 });
    const admin = shared.database.db;
    const { sql } = await import('kysely');
    await sql`select pg_notify(${name}, 'not json')`.execute(admin);
    await sql`select pg_notify(${name}, ${JSON.stringify({ u: ['u2'], e: { type: 'nope' } })})`.execute(admin);
    await n1.publish(['u2'], event);
    // PostgreSQL delivers notifications in commit order: everything above arrives before this.
    const marker = markerEvent();
    await n1.publish(['u2'], marker);
    expect(await u2.until(marker)).toEqual([event]);
  });

  it('a batched write sends its notice in its own statement: once when stored, never when refused', async () => {
    const name = channel();
    const n1 = await newNotifier(name);
    const { app } = createTestApp(shared, { notifier: n1, config: { limits: { writesPerMinute: 0, spaceStorageBytes: 2 * 297 } } });
    const [a, b] = [await createUser(app), await createUser(app)];
    const space = await createCouple(app, a, b);
    const onB = received();
    n1.subscribe(b.id, onB.listener);
    const stored = await writeRecord(app, a, space.id, space.epoch);
    await writeRecord(app, a, space.id, space.epoch);
    // Over the space's quota: the batch statement fails whole (its NOTIFY with it) and the general
    // path refuses the write, so nobody hears of a record that does not exist.
    const refused = await writeRecord(app, a, space.id, space.epoch);
    expect(refused.status).toBe(403);
    const marker = markerEvent();
    await n1.publish([b.id], marker);
    expect(await onB.until(marker)).toEqual([
      { spaceId: space.id, type: 'records', seq: stored.body.seq },
      { spaceId: space.id, type: 'records', seq: stored.body.seq + 1 },
    ]);
  });

  it('reconnects after the listening connection drops', async () => {
    const name = channel();
    const [n1, n2] = [await newNotifier(name), await newNotifier(name)];
    const u = received();
    n2.subscribe('u', u.listener);
    await n2.dropConnectionForTest();
    expect(await until(() => !n2.listening, 2000)).toBe(true);
    expect(await until(() => n2.listening, 5000)).toBe(true);
    await n1.publish(['u'], event);
    expect(await u.count(1)).toBe(true);
    expect(u.got).toEqual([event]);
  });
});
