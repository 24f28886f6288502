import { beforeAll, describe, expect, it } from 'vitest';
import { call, createCouple, createUser, errorCodeOf, newId, type TestSpace, type TestUser } from '../../../tests/factories/index.ts';
import { type TestApp, createTestApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { pushSubscriptionBody } from '../testing/routes.ts';
import { isAcceptableEndpoint } from '../services/push.service.ts';

describeEachDatabase('push routes', (suite) => {
  let t: TestApp;
  let owner: TestUser;
  let partner: TestUser;
  let outsider: TestUser;
  let space: TestSpace;

  beforeAll(async () => {
    t = createTestApp(suite.db, { push: { allowInsecureEndpoints: false } });
    [owner, partner, outsider] = [await createUser(t.app), await createUser(t.app), await createUser(t.app)];
    space = await createCouple(t.app, owner, partner);
  });

  it('GET /api/push/key gives the VAPID public key (65-byte point) to anyone', async () => {
    const res = await call(t.app, 'GET', '/api/push/key');
    expect(res.status).toBe(200);
    expect(Buffer.from(res.body.publicKey, 'base64url')).toHaveLength(65);
    expect(res.body.publicKey).toBe(t.push!.publicKey);
  });

  it('PUT /api/push/subscription stores one per session, DELETE removes it (idempotent)', async () => {
    expect(await call(t.app, 'PUT', '/api/push/subscription', { as: owner, json: pushSubscriptionBody() })).toMatchObject({ status: 200, body: { ok: true } });
    expect(await call(t.app, 'DELETE', '/api/push/subscription', { as: owner })).toMatchObject({ status: 200, body: { ok: true } });
    expect(await call(t.app, 'DELETE', '/api/push/subscription', { as: owner })).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('refuses bad subscriptions with stable codes', async () => {
    const good = pushSubscriptionBody();
    const cases: Array<[unknown, string]> = [
      [{ ...good, endpoint: 'http://push.example.test/x' }, 'push-endpoint-invalid'],
      [{ ...good, endpoint: 'http://127.0.0.1:9/push/x' }, 'push-endpoint-invalid'], // only with PUSH_ALLOW_INSECURE_ENDPOINTS
      [{ ...good, endpoint: 'https://10.0.0.1/push' }, 'push-endpoint-invalid'],
      [{ ...good, endpoint: 'https://localhost/push' }, 'push-endpoint-invalid'],
      [{ ...good, endpoint: 'not a url' }, 'push-endpoint-invalid'],
      [{ ...good, endpoint: `https://push.example.test/${'x'.repeat(1100)}` }, 'bad-request'],
      [{ ...good, prefs: { ...good.prefs, timeZone: 'Mars/Olympus' } }, 'push-time-zone-invalid'],
      [{ ...good, prefs: { ...good.prefs, reminderAt: '24:00' } }, 'bad-request'],
      [{ ...good, prefs: { ...good.prefs, quietHours: { start: '7:00', end: '08:00' } } }, 'bad-request'],
      [{ ...good, prefs: { ...good.prefs, events: { joined: true } } }, 'bad-request'],
      [{ ...good, keys: { ...good.keys, auth: Buffer.alloc(15).toString('base64url') } }, 'bad-request'],
      [{ ...good, keys: { ...good.keys, p256dh: Buffer.alloc(32).toString('base64url') } }, 'bad-request'],
      [{ ...good, extra: 1 }, 'bad-request'],
    ];
    for (const [json, code] of cases) {
      const res = await call(t.app, 'PUT', '/api/push/subscription', { as: owner, json });
      expect({ json, code: errorCodeOf(res.body), status: res.status }).toEqual({ json, code, status: 400 });
    }
    expect(await suite.db.database.db.selectFrom('push_subscriptions').selectAll().execute()).toEqual([]);
  });

  it('needs a session for the subscription and the ping', async () => {
    for (const [method, path, json] of [
      ['PUT', '/api/push/subscription', pushSubscriptionBody()],
      ['DELETE', '/api/push/subscription', undefined],
      ['POST', `/api/spaces/${space.id}/push`, { kind: 'thinking', to: [partner.id] }],
    ] as const) {
      const res = await call(t.app, method, path, { json });
      expect(errorCodeOf(res.body)).toBe('unauthenticated');
    }
  });

  it('POST /api/spaces/:spaceId/push: members only, to other active members only, bad bodies refused', async () => {
    const ping = (as: TestUser, json: unknown, spaceId = space.id) => call(t.app, 'POST', `/api/spaces/${spaceId}/push`, { as, json });
    expect(await ping(owner, { kind: 'thinking', to: [partner.id] })).toMatchObject({ status: 202, body: { ok: true } });
    expect(errorCodeOf((await ping(outsider, { kind: 'thinking', to: [partner.id] })).body)).toBe('not-found');
    expect(errorCodeOf((await ping(owner, { kind: 'thinking', to: [outsider.id] })).body)).toBe('forbidden');
    expect(errorCodeOf((await ping(owner, { kind: 'thinking', to: [owner.id] })).body)).toBe('forbidden');
    expect(errorCodeOf((await ping(owner, { kind: 'thinking', to: [partner.id] }, owner.personalSpaceId)).body)).toBe('forbidden');
    expect(errorCodeOf((await ping(owner, { kind: 'thinking', to: [partner.id] }, newId())).body)).toBe('not-found');
    for (const json of [{ kind: 'joined', to: [partner.id] }, { kind: 'thinking', to: [] }, { kind: 'thinking', to: Array(21).fill(partner.id) }, { kind: 'reply', to: ['x'] }, { kind: 'reply' }]) {
      expect(errorCodeOf((await ping(owner, json)).body)).toBe('bad-request');
    }
  });

  it('POST /api/spaces/:spaceId/push/schedule: a plan’s reminder for active members (me too), moved by posting again, DELETE cancels; bad input refused', async () => {
    const schedule = (as: TestUser, json: unknown, spaceId = space.id) => call(t.app, 'POST', `/api/spaces/${spaceId}/push/schedule`, { as, json });
    // No quiet hours on this device: they would hold the reminder past `at` when the hour falls in them.
    const device = pushSubscriptionBody();
    device.prefs.quietHours = null;
    expect((await call(t.app, 'PUT', '/api/push/subscription', { as: partner, json: device })).status).toBe(200);
    const id = newId();
    const at = Date.now() + 3_600_000;
    expect(await schedule(owner, { at, to: [owner.id, partner.id], id })).toMatchObject({ status: 202, body: { ok: true } });
    const planned = () => suite.db.database.db.selectFrom('push_outbox').selectAll().where('kind', '=', 'plan').execute();
    expect((await planned()).map((r) => [r.opaque_id, Number(r.not_before), r.space_id])).toEqual([[id, at, space.id]]);
    // Moving it replaces the earlier one; the partner may move it too.
    expect((await schedule(partner, { at: at + 60_000, to: [partner.id], id })).status).toBe(202);
    expect((await planned()).map((r) => Number(r.not_before))).toEqual([at + 60_000]);
    expect(await call(t.app, 'DELETE', `/api/spaces/${space.id}/push/schedule/${id}`, { as: owner })).toMatchObject({ status: 200, body: { ok: true } });
    expect(await planned()).toEqual([]);

    expect(errorCodeOf((await schedule(outsider, { at, to: [partner.id], id })).body)).toBe('not-found');
    expect(errorCodeOf((await schedule(owner, { at, to: [outsider.id], id })).body)).toBe('forbidden');
    expect(errorCodeOf((await schedule(owner, { at, to: [partner.id], id }, newId())).body)).toBe('not-found');
    expect(errorCodeOf((await schedule(owner, { at: Date.now() - 3_600_000, to: [partner.id], id })).body)).toBe('push-time-invalid');
    expect(errorCodeOf((await schedule(owner, { at: Date.now() + 400 * 86_400_000, to: [partner.id], id })).body)).toBe('push-time-invalid');
    expect(await schedule(owner, { at, to: [partner.id], id, kind: 'listening' })).toMatchObject({ status: 202 });
    expect(await planned()).toEqual([]);
    expect(await call(t.app, 'DELETE', `/api/spaces/${space.id}/push/schedule/${id}`, { as: partner })).toMatchObject({ status: 200 });
    expect(await suite.db.database.db.selectFrom('push_outbox').selectAll().execute()).toEqual([]);
    for (const json of [{ at, to: [partner.id], id, kind: 'thinking' }, { at, to: [partner.id] }, { at, to: [], id }, { at: 'soon', to: [partner.id], id }, { at: 1.5, to: [partner.id], id }, { at, to: [partner.id], id: 'plan-1' }, { at, to: [partner.id], id, text: 'Date night' }]) {
      const res = await schedule(owner, json);
      expect({ json, status: res.status, code: errorCodeOf(res.body) }).toEqual({ json, status: 400, code: 'bad-request' });
    }
    expect(errorCodeOf((await call(t.app, 'DELETE', `/api/spaces/${space.id}/push/schedule/not-a-uuid`, { as: owner })).body)).toBe('bad-request');
    expect(errorCodeOf((await call(t.app, 'DELETE', `/api/spaces/${space.id}/push/schedule/${id}`, { as: outsider })).body)).toBe('not-found');
    expect(await planned()).toEqual([]);
    await call(t.app, 'DELETE', '/api/push/subscription', { as: partner });
  });

  it('rate-limits pings per sender', async () => {
    const sender = await createUser(t.app);
    const other = await createUser(t.app);
    const place = await createCouple(t.app, sender, other);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await call(t.app, 'POST', `/api/spaces/${place.id}/push`, { as: sender, json: { kind: 'reply', to: [other.id] } })).status);
    expect(statuses).toEqual([...Array(10).fill(202), 429]);
  });
});

describeEachDatabase('push routes with PUSH=off', (suite) => {
  let t: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    t = createTestApp(suite.db, { push: false });
    user = await createUser(t.app);
  });

  it('answer push-disabled, except DELETE, which always succeeds', async () => {
    expect(errorCodeOf((await call(t.app, 'GET', '/api/push/key')).body)).toBe('push-disabled');
    const put = await call(t.app, 'PUT', '/api/push/subscription', { as: user, json: pushSubscriptionBody() });
    expect([put.status, errorCodeOf(put.body)]).toEqual([404, 'push-disabled']);
    expect((await call(t.app, 'DELETE', '/api/push/subscription', { as: user })).status).toBe(200);
  });
});

describe('push endpoints', () => {
  it('are https to a named host, or local http only when allowed (tests)', () => {
    expect(isAcceptableEndpoint('https://fcm.googleapis.com/fcm/send/abc', false)).toBe(true);
    expect(isAcceptableEndpoint('https://web.push.apple.com/QGx', false)).toBe(true);
    expect(isAcceptableEndpoint('http://127.0.0.1:4000/push/x', true)).toBe(true);
    for (const bad of ['http://127.0.0.1:4000/push/x', 'https://[::1]/x', 'https://192.168.1.2/x', 'https://printer.local/x', 'https://user:pw@push.example/x', 'ftp://push.example/x']) {
      expect(isAcceptableEndpoint(bad, false)).toBe(false);
    }
  });
});
