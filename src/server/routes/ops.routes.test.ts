import { expect, it } from 'vitest';
import { call, createUser, writeRecord } from '../../../tests/factories/index.ts';
import { createTestApp } from '../testing/app.ts';
import { createTestDatabase, describeEachDatabase } from '../testing/databases.ts';

describeEachDatabase('ops routes', (suite) => {
  it('healthz and readyz answer; readyz is 503 while shutting down', async () => {
    const { app, lifecycle } = createTestApp(suite.db);
    expect((await call(app, 'GET', '/healthz')).body).toEqual({ status: 'ok' });
    expect((await call(app, 'GET', '/readyz')).body).toEqual({ status: 'ready' });
    lifecycle.beginShutdown();
    const down = await call(app, 'GET', '/readyz');
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe('unavailable');
    expect((await call(app, 'GET', '/healthz')).status).toBe(200);
  });

  it('readyz is 503 when the database is unreachable', async () => {
    const own = await createTestDatabase('sqlite');
    const { app } = createTestApp(own);
    await own.database.close();
    const res = await call(app, 'GET', '/readyz');
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('unavailable');
    await own.dispose().catch(() => {});
  });

  it('metrics are off without METRICS_TOKEN and answer only the right bearer token with it', async () => {
    const off = createTestApp(suite.db).app;
    expect((await call(off, 'GET', '/metrics')).status).toBe(404);
    const token = 'metrics-token-0123456789';
    const { app } = createTestApp(suite.db, { config: { metricsToken: token } });
    const anyone = await call(app, 'GET', '/metrics');
    expect(anyone.status).toBe(401);
    expect(anyone.body.error.code).toBe('unauthenticated');
    expect((await call(app, 'GET', '/metrics', { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
    expect((await call(app, 'GET', '/metrics', { headers: { authorization: `Basic ${token}` } })).status).toBe(401);
    const ok = await app.request('/metrics', { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('innermost_http_requests_total');
  });

  it('metrics count requests by route pattern and records written', async () => {
    const token = 'metrics-token-0123456789';
    const { app } = createTestApp(suite.db, { config: { metricsToken: token } });
    const user = await createUser(app);
    await writeRecord(app, user, user.personalSpaceId, 1);
    await call(app, 'GET', `/api/spaces/${user.personalSpaceId}/records`, { as: user });
    await call(app, 'GET', `/api/auth/params?email=${encodeURIComponent(user.email)}`);
    const res = await app.request('/metrics', { headers: { authorization: `Bearer ${token}` } });
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toContain('innermost_http_requests_total{method="POST",route="/api/spaces/:spaceId/records",status="201"} 1');
    expect(text).toContain('innermost_http_requests_total{method="GET",route="/api/spaces/:spaceId/records",status="200"} 1');
    expect(text).toContain('innermost_http_requests_total{method="GET",route="/api/auth/params",status="200"} 1');
    expect(text).toContain('innermost_http_request_duration_seconds_bucket');
    expect(text).toContain('innermost_records_written_total 1');
    expect(text).toContain('innermost_sse_connections 0');
    expect(text).not.toContain(user.personalSpaceId);
    expect(text).not.toContain(user.email);
    expect(text).not.toContain(encodeURIComponent(user.email));
  });
});
