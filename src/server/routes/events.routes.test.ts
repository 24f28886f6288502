import type { Gauge } from 'prom-client';
import { expect, it } from 'vitest';
import {
  acceptInvite,
  call,
  createCouple,
  createInvite,
  createUser,
  errorCodeOf,
  leaveSpace,
  rotate,
  signIn,
  writeRecord,
} from '../../../tests/factories/index.ts';
import { createTestApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { markerEvent, openEvents } from '../testing/sse.ts';

/** Resolves once `gauge` has been decremented `times` times (each decrement still counts); rejects after `timeoutMs`. */
function afterDecrements(gauge: Gauge, times: number, timeoutMs = 2000): Promise<void> {
  const dec = gauge.dec.bind(gauge) as (...args: unknown[]) => void;
  let left = times;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${left} of ${times} decrements missing after ${timeoutMs} ms`)), timeoutMs);
    gauge.dec = ((...args: unknown[]) => {
      dec(...args);
      if (--left === 0) {
        clearTimeout(timer);
        resolve();
      }
    }) as Gauge['dec'];
  });
}

describeEachDatabase('GET /api/events', (suite) => {
  it('needs a session', async () => {
    const { app } = createTestApp(suite.db);
    const res = await call(app, 'GET', '/api/events');
    expect(res.status).toBe(401);
    expect(errorCodeOf(res.body)).toBe('unauthenticated');
  });

  it('delivers a record notice to another member, not to an outsider', async () => {
    const { app, metrics, notifier } = createTestApp(suite.db);
    const [a, b, outsider] = [await createUser(app), await createUser(app), await createUser(app)];
    const space = await createCouple(app, a, b);
    const member = await openEvents(app, b.cookie);
    const stranger = await openEvents(app, outsider.cookie);
    expect(member.res.headers.get('content-type')).toBe('text/event-stream');
    expect(member.res.headers.get('cache-control')).toBe('no-store');
    expect((await metrics.registry.getSingleMetric('innermost_sse_connections')!.get()).values[0]!.value).toBe(2);

    const written = await writeRecord(app, a, space.id, space.epoch);
    expect(await member.sse.next()).toEqual({ spaceId: space.id, type: 'records', seq: written.body.seq });
    // Published after the record's notice: whatever the stranger was sent about it comes first.
    const marker = markerEvent();
    await notifier.publish([outsider.id], marker);
    expect(await stranger.sse.until(marker)).toEqual([]);

    const bothClosed = afterDecrements(metrics.sseConnections, 2);
    await member.sse.close();
    await stranger.sse.close();
    await bothClosed;
    expect((await metrics.registry.getSingleMetric('innermost_sse_connections')!.get()).values[0]!.value).toBe(0);
  });

  it('tells members about joins, rotations and leaves, and the leaver that they are out', async () => {
    const { app } = createTestApp(suite.db);
    const [a, b, c] = [await createUser(app), await createUser(app), await createUser(app)];
    const space = await createCouple(app, a, b);
    const ea = await openEvents(app, a.cookie);
    const eb = await openEvents(app, b.cookie);
    const invite = await createInvite(app, a, space.id);
    expect(await ea.sse.next()).toEqual({ spaceId: space.id, type: 'invites' });
    expect(await eb.sse.next()).toEqual({ spaceId: space.id, type: 'invites' });
    await acceptInvite(app, c, invite);
    expect(await ea.sse.next()).toEqual({ spaceId: space.id, type: 'members' });
    const ec = await openEvents(app, c.cookie);
    await rotate(app, a, space, [c.id]);
    expect(await ec.sse.next()).toEqual({ spaceId: space.id, type: 'epoch' });
    expect(await eb.sse.next()).toEqual({ spaceId: space.id, type: 'members' });
    expect(await eb.sse.next()).toEqual({ spaceId: space.id, type: 'epoch' });
    await leaveSpace(app, b, space.id);
    expect(await eb.sse.next()).toEqual({ spaceId: space.id, type: 'removed' });
    expect(await ec.sse.next()).toEqual({ spaceId: space.id, type: 'members' });
    for (const e of [ea, eb, ec]) await e.sse.close();
  });

  it('sends heartbeats and ends the stream once the session is gone', async () => {
    const { app } = createTestApp(suite.db, { config: { sseHeartbeatMs: 30 } });
    const a = await createUser(app);
    const other = await signIn(app, a);
    const events = await openEvents(app, a.cookie);
    expect(await events.sse.comment('ping', 2000)).toBe(true);
    await call(app, 'POST', '/api/auth/sessions/revoke-others', { as: { cookie: other } });
    expect(await events.sse.ended(2000)).toBe(true);
  });

  it('ends every stream at shutdown', async () => {
    const { app, lifecycle } = createTestApp(suite.db);
    const a = await createUser(app);
    const events = await openEvents(app, a.cookie);
    lifecycle.beginShutdown();
    expect(await events.sse.ended(2000)).toBe(true);
  });
});
