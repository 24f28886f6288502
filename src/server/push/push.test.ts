/**
 * Web Push end to end inside the server: partners' actions go through the HTTP app, the sender
 * posts to the local push service (tests/support/push-service.ts), which verifies and decrypts.
 * What arrives carries a kind and opaque ids only, padded to 256 bytes.
 */
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { type PushService, createPushService } from '../../../tests/support/push-service.ts';
import { acceptInvite, call, createCouple, createInvite, createRound, createUser, deleteAccount, submitAnswer, type TestSpace, type TestUser } from '../../../tests/factories/index.ts';
import { openDatabase } from '../db/open.ts';
import { type TestApp, createTestApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { mintSessionCookie } from '../testing/sessions.ts';
import { type Push, createPush } from './index.ts';
import { MAX_ATTEMPTS } from './sender.ts';
import { generateVapidKeys } from './vapid.ts';

const keys = generateVapidKeys();
const ALL_EVENTS = { joined: true, opened: true, waiting: true, thinking: true, reply: true, reminder: true };

describeEachDatabase('web push', (suite) => {
  let service: PushService;
  let t: TestApp;
  let push: Push;
  let clock = Date.parse('2025-06-02T12:00:00Z');
  let owner: TestUser;
  let partner: TestUser;
  let space: TestSpace;

  const subscribe = async (user: TestUser, prefs: Record<string, unknown> = {}, as: { cookie: string; ip: string } = user) => {
    const device = service.subscription();
    const res = await call(t.app, 'PUT', '/api/push/subscription', {
      as,
      json: { endpoint: device.endpoint, keys: device.keys, prefs: { events: ALL_EVENTS, quietHours: null, timeZone: 'UTC', reminderAt: null, ...prefs } },
    });
    expect(res.status).toBe(200);
    return device;
  };
  const db = () => suite.db.database.db;
  const received = (endpoint: string) => service.messages.filter((m) => m.endpoint === endpoint);
  const subscriptionCount = async () => (await db().selectFrom('push_subscriptions').select('id').execute()).length;

  beforeAll(async () => {
    service = await createPushService();
    // A second sender below shares these keys, as several app servers must.
    t = createTestApp(suite.db, { now: () => clock, push: { keys } });
    push = t.push!;
    owner = await createUser(t.app);
    partner = await createUser(t.app);
    space = await createCouple(t.app, owner, partner);
  });
  afterAll(() => service.close());
  beforeEach(async () => {
    await db().deleteFrom('push_subscriptions').execute();
    await db().deleteFrom('push_schedule').execute();
    service.messages.length = 0;
  });

  it('joined, waiting, opened, thinking and reply arrive decrypted, each with no content, padded to 256 bytes', async () => {
    const ownerDevice = await subscribe(owner);
    const partnerDevice = await subscribe(partner);
    const joiner = await createUser(t.app);
    await acceptInvite(t.app, joiner, await createInvite(t.app, owner, space.id));
    const round = await createRound(t.app, owner, space, [partner]);
    await submitAnswer(t.app, owner, round);
    await submitAnswer(t.app, partner, round);
    for (const kind of ['thinking', 'reply']) {
      expect((await call(t.app, 'POST', `/api/spaces/${space.id}/push`, { as: partner, json: { kind, to: [owner.id] } })).status).toBe(202);
    }
    await push.sender.runOnce();

    const kinds = (endpoint: string) => received(endpoint).map((m) => `${m.payload.k} ${m.payload.s === space.id ? 'space' : m.payload.s} ${m.payload.i === round.id ? 'round' : m.payload.i}`);
    expect(kinds(ownerDevice.endpoint).sort()).toEqual(['joined space ', 'opened space round', 'reply space ', 'thinking space ']);
    // The starter is not told their own round is waiting; the partner is, once.
    expect(kinds(partnerDevice.endpoint).sort()).toEqual(['joined space ', 'opened space round', 'waiting space round']);
    for (const message of service.messages) {
      expect(Object.keys(message.payload)).toEqual(['v', 'k', 's', 'i']);
      expect(message.payload.v).toBe(1);
      expect(message.plaintextBytes).toBe(256);
      expect(message.plaintext.trimEnd().length).toBeLessThan(256);
      expect(message.ttl).toBe(24 * 60 * 60);
      expect(message.urgency).toBe('normal');
      for (const canary of [owner.email, partner.email, joiner.email, owner.id, partner.id, joiner.id]) expect(message.plaintext).not.toContain(canary);
    }
    expect(service.rejections).toEqual([]);
    expect(await db().selectFrom('push_outbox').selectAll().execute()).toEqual([]);
  });

  it('sends only the kinds a device chose', async () => {
    const device = await subscribe(partner, { events: { ...ALL_EVENTS, thinking: false } });
    await call(t.app, 'POST', `/api/spaces/${space.id}/push`, { as: owner, json: { kind: 'thinking', to: [partner.id] } });
    await call(t.app, 'POST', `/api/spaces/${space.id}/push`, { as: owner, json: { kind: 'reply', to: [partner.id] } });
    await push.sender.runOnce();
    expect(received(device.endpoint).map((m) => m.payload.k)).toEqual(['reply']);
  });

  it('holds a message during quiet hours and sends it when they end', async () => {
    clock = Date.parse('2025-06-02T23:00:00Z'); // 01:00 in Berlin (CEST)
    const device = await subscribe(partner, { quietHours: { start: '22:00', end: '07:30' }, timeZone: 'Europe/Berlin' });
    await call(t.app, 'POST', `/api/spaces/${space.id}/push`, { as: owner, json: { kind: 'thinking', to: [partner.id] } });
    await push.sender.runOnce();
    expect(received(device.endpoint)).toEqual([]);
    const [held] = await db().selectFrom('push_outbox').selectAll().execute();
    expect(held?.not_before).toBe(Date.parse('2025-06-03T05:30:00Z'));
    clock = Date.parse('2025-06-03T05:29:59Z');
    await push.sender.runOnce();
    expect(received(device.endpoint)).toEqual([]);
    clock = Date.parse('2025-06-03T05:30:00Z');
    await push.sender.runOnce();
    expect(received(device.endpoint).map((m) => m.payload.k)).toEqual(['thinking']);
    clock = Date.parse('2025-06-03T12:00:00Z');
  });

  it('a plan’s reminder goes at its time (not before), as kind "plan" with the opaque id only, to devices that want it', async () => {
    const wanting = await subscribe(partner);
    const declining = await subscribe(owner, { events: { ...ALL_EVENTS, plan: false } });
    const id = randomUUID();
    const at = clock + 30 * 60_000;
    const res = await call(t.app, 'POST', `/api/spaces/${space.id}/push/schedule`, { as: owner, json: { at, to: [owner.id, partner.id], id } });
    expect(res.status).toBe(202);
    await push.sender.runOnce();
    expect(received(wanting.endpoint)).toEqual([]);
    clock = at;
    await push.sender.runOnce();
    expect(received(wanting.endpoint).map((m) => m.payload)).toEqual([{ v: 1, k: 'plan', s: space.id, i: id }]);
    expect(received(declining.endpoint)).toEqual([]);
    clock = Date.parse('2025-06-02T12:00:00Z');
  });

  it('a device that turns notifications on after a reminder was set gets it at its time, once; a cancelled one never', async () => {
    const kept = randomUUID();
    const cancelled = randomUUID();
    const at = clock + 45 * 60_000;
    for (const id of [kept, cancelled]) {
      expect((await call(t.app, 'POST', `/api/spaces/${space.id}/push/schedule`, { as: owner, json: { at, to: [partner.id], id } })).status).toBe(202);
    }
    expect((await call(t.app, 'DELETE', `/api/spaces/${space.id}/push/schedule/${cancelled}`, { as: owner })).status).toBeLessThan(300);
    // Nobody had a device yet: nothing is queued.
    expect(await db().selectFrom('push_outbox').selectAll().execute()).toEqual([]);

    await subscribe(partner);
    // The same device again (new keys, new choices): still one message, not two.
    const device = await subscribe(partner);
    expect((await db().selectFrom('push_outbox').selectAll().execute()).map((r) => [r.kind, r.opaque_id, Number(r.not_before)])).toEqual([['plan', kept, at]]);
    await push.sender.runOnce();
    expect(received(device.endpoint)).toEqual([]);
    clock = at;
    await push.sender.runOnce();
    expect(received(device.endpoint).map((m) => m.payload)).toEqual([{ v: 1, k: 'plan', s: space.id, i: kept }]);
    // Past its time, a device subscribing now is not sent it.
    await db().deleteFrom('push_subscriptions').execute();
    await subscribe(partner);
    expect(await db().selectFrom('push_outbox').selectAll().execute()).toEqual([]);
    expect(await db().selectFrom('push_schedule').selectAll().execute()).toEqual([]);
    clock = Date.parse('2025-06-02T12:00:00Z');
  });

  it('a device that never chose about plans follows its daily reminder choice', async () => {
    const device = await subscribe(partner, { events: { ...ALL_EVENTS, reminder: false } });
    await call(t.app, 'POST', `/api/spaces/${space.id}/push/schedule`, { as: owner, json: { at: clock + 1000, to: [partner.id], id: randomUUID() } });
    clock += 1000;
    await push.sender.runOnce();
    expect(received(device.endpoint)).toEqual([]);
    clock = Date.parse('2025-06-02T12:00:00Z');
  });

  it('a listening turn’s reminder goes at its time as kind "listening"; moving it by its id replaces it, whatever its kind', async () => {
    const device = await subscribe(partner);
    const id = randomUUID();
    const at = clock + 20 * 60_000;
    await call(t.app, 'POST', `/api/spaces/${space.id}/push/schedule`, { as: owner, json: { at: at - 1000, to: [partner.id], id, kind: 'listening' } });
    await call(t.app, 'POST', `/api/spaces/${space.id}/push/schedule`, { as: owner, json: { at, to: [partner.id], id, kind: 'listening' } });
    expect((await db().selectFrom('push_outbox').selectAll().execute()).map((r) => [r.kind, Number(r.not_before)])).toEqual([['listening', at]]);
    clock = at;
    await push.sender.runOnce();
    expect(received(device.endpoint).map((m) => m.payload)).toEqual([{ v: 1, k: 'listening', s: space.id, i: id }]);
    clock = Date.parse('2025-06-02T12:00:00Z');
  });

  it('a talk asked for and a hard day shared reach devices by their own choice, or as "thinking" on devices that never chose', async () => {
    const kindsFor = async (prefs: Record<string, unknown>) => {
      const device = await subscribe(partner, prefs);
      for (const kind of ['listening', 'bad-day']) {
        expect((await call(t.app, 'POST', `/api/spaces/${space.id}/push`, { as: owner, json: { kind, to: [partner.id] } })).status).toBe(202);
      }
      await push.sender.runOnce();
      return received(device.endpoint).map((m) => m.payload);
    };
    expect((await kindsFor({})).map((p) => p.k).sort()).toEqual(['bad-day', 'listening']);
    expect(await kindsFor({ events: { ...ALL_EVENTS, thinking: false } })).toEqual([]);
    expect(await kindsFor({ events: { ...ALL_EVENTS, thinking: false, listening: true, 'bad-day': false } })).toEqual([{ v: 1, k: 'listening', s: space.id, i: '' }]);
  });

  it.each([404, 410])('deletes the subscription when the push service answers %i', async (status) => {
    const device = await subscribe(partner);
    service.respondWith(device.endpoint, status);
    await call(t.app, 'POST', `/api/spaces/${space.id}/push`, { as: owner, json: { kind: 'thinking', to: [partner.id] } });
    await push.sender.runOnce();
    expect(await subscriptionCount()).toBe(0);
    expect(await db().selectFrom('push_outbox').selectAll().execute()).toEqual([]);
  });

  it('retries other failures with a growing delay, then drops the message', async () => {
    const device = await subscribe(partner);
    service.respondWith(device.endpoint, 503);
    await push.enqueue('thinking', [partner.id], space.id);
    const start = clock;
    const delays: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await push.sender.runOnce();
      const row = await db().selectFrom('push_outbox').selectAll().executeTakeFirst();
      if (attempt === MAX_ATTEMPTS) {
        expect(row).toBeUndefined();
        break;
      }
      expect(row).toMatchObject({ attempts: attempt, claimed_by: null });
      delays.push(row!.not_before - clock);
      clock = row!.not_before;
    }
    expect(delays).toEqual([5000, 20_000, 80_000, 320_000]);
    expect(await subscriptionCount()).toBe(1);
    service.respondWith(device.endpoint, null);
    clock = start;
  });

  it('waits as long as a push service asks (Retry-After), never less than its own delay, at most an hour', async () => {
    const device = await subscribe(partner);
    const waits: number[] = [];
    for (const retryAfter of ['120', '1', new Date(clock + 600_000).toUTCString(), '999999', 'soon']) {
      service.respondWith(device.endpoint, 429, retryAfter);
      await push.enqueue('thinking', [partner.id], space.id);
      await push.sender.runOnce();
      const row = await db().selectFrom('push_outbox').selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({ attempts: 1, claimed_by: null });
      waits.push(row.not_before - clock);
      await db().deleteFrom('push_outbox').execute();
    }
    // 120 s asked; 1 s asked (our own 5 s holds); a date ten minutes on; more than an hour; unreadable.
    expect(waits).toEqual([120_000, 5000, 600_000, 3_600_000, 5000]);
    service.respondWith(device.endpoint, null);
  });

  it('deletes a device’s subscription on sign-out, on sign-out from another device, on DELETE and with the account', async () => {
    const signOutUser = await createUser(t.app);
    await subscribe(signOutUser);
    expect((await call(t.app, 'POST', '/api/auth/signout', { as: signOutUser })).status).toBeLessThan(300);
    expect(await subscriptionCount()).toBe(0);

    const other = { cookie: await mintSessionCookie(db(), partner.id, clock), ip: partner.ip };
    await subscribe(partner, {}, other);
    await subscribe(partner);
    const sessions = (await call(t.app, 'GET', '/api/auth/sessions', { as: partner })).body.sessions as Array<{ id: string; current: boolean }>;
    const otherSession = sessions.find((s) => !s.current)!;
    await call(t.app, 'DELETE', `/api/auth/sessions/${otherSession.id}`, { as: partner });
    expect(await subscriptionCount()).toBe(1);
    expect((await call(t.app, 'DELETE', '/api/push/subscription', { as: partner })).body).toEqual({ ok: true });
    expect(await subscriptionCount()).toBe(0);

    const leaving = await createUser(t.app);
    await subscribe(leaving);
    expect((await deleteAccount(t.app, leaving)).status).toBeLessThan(300);
    expect(await subscriptionCount()).toBe(0);
  });

  it('replaces a device’s subscription on a second PUT (one per session)', async () => {
    await subscribe(partner);
    const second = await subscribe(partner);
    const rows = await db().selectFrom('push_subscriptions').selectAll().execute();
    expect(rows.map((r) => r.endpoint)).toEqual([second.endpoint]);
  });

  it('sends each message once with two senders on one database', async () => {
    const device = await subscribe(partner);
    const second = suite.kind === 'postgres' ? await openDatabase({ databaseUrl: suite.db.databaseUrl, pgSchema: suite.db.schema, migrate: false }) : suite.db.database;
    const other = createPush({ database: second, logger: pino({ level: 'silent' }), now: () => clock, keys, subject: 'mailto:tests@innermost.example', allowInsecureEndpoints: true });
    try {
      const ids = Array.from({ length: 120 }, () => randomUUID());
      for (const id of ids) await push.enqueue('opened', [partner.id], space.id, id);
      await Promise.all([push.sender.runOnce(), other.sender.runOnce(), push.sender.runOnce(), other.sender.runOnce()]);
      const got = received(device.endpoint).map((m) => m.payload.i);
      expect(got.length).toBe(120);
      expect(new Set(got)).toEqual(new Set(ids));
    } finally {
      if (second !== suite.db.database) await second.close();
    }
  });

  it('sends the daily reminder once a day at the device’s time, even with two senders', async () => {
    clock = Date.parse('2025-06-02T12:00:00Z');
    const device = await subscribe(partner, { reminderAt: '19:30', timeZone: 'Europe/Berlin' });
    const [row] = await db().selectFrom('push_subscriptions').select('next_reminder_at').execute();
    expect(row?.next_reminder_at).toBe(Date.parse('2025-06-02T17:30:00Z'));
    const other = createPush({ database: suite.db.database, logger: pino({ level: 'silent' }), now: () => clock, keys, subject: 'mailto:tests@innermost.example', allowInsecureEndpoints: true });
    await push.sender.runOnce();
    expect(received(device.endpoint)).toEqual([]);
    clock = Date.parse('2025-06-02T17:30:00Z');
    await Promise.all([push.sender.runOnce(), other.sender.runOnce()]);
    await Promise.all([push.sender.runOnce(), other.sender.runOnce()]);
    expect(received(device.endpoint).map((m) => [m.payload.k, m.urgency])).toEqual([['reminder', 'low']]);
    const [next] = await db().selectFrom('push_subscriptions').select('next_reminder_at').execute();
    expect(next?.next_reminder_at).toBe(Date.parse('2025-06-03T17:30:00Z'));
    clock = Date.parse('2025-06-03T17:30:00Z');
    await push.sender.runOnce();
    expect(received(device.endpoint).length).toBe(2);
    clock = Date.parse('2025-06-02T12:00:00Z');
  });

  it('delivers within the loop’s own time when started (the kick after enqueue)', async () => {
    const device = await subscribe(partner);
    push.sender.start();
    try {
      const started = Date.now();
      await call(t.app, 'POST', `/api/spaces/${space.id}/push`, { as: owner, json: { kind: 'reply', to: [partner.id] } });
      await service.waitForMessages(1, 5000);
      // Well under the 1 s poll: the enqueue woke the sender.
      expect(Date.now() - started).toBeLessThan(900);
      expect(received(device.endpoint).map((m) => m.payload.k)).toEqual(['reply']);
    } finally {
      await push.sender.stop();
    }
  });
});

