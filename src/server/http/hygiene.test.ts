import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../shared/limits.ts';
import { blob, call, createEntry, createUser, errorCodeOf, newId, send, signupBody, type TestUser } from '../../../tests/factories/index.ts';
import { createTestApp } from '../testing/app.ts';
import { createTestDatabase, describeEachDatabase } from '../testing/databases.ts';
import { CONTENT_SECURITY_POLICY } from './security-headers.ts';

describeEachDatabase('http hygiene', (suite) => {
  describe('security headers', () => {
    it('are on every response, API or not, success or error', async () => {
      const { app } = createTestApp(suite.db);
      for (const [method, path] of [
        ['GET', '/healthz'],
        ['GET', '/api/auth/me'],
        ['GET', '/api/nope'],
        ['GET', '/nope'],
        ['POST', '/api/auth/signin'],
      ] as const) {
        const res = await send(app, method, path);
        expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('referrer-policy')).toBe('no-referrer');
        expect(res.headers.get('permissions-policy')).toContain('camera=()');
        expect(res.headers.get('permissions-policy')).toContain('camera=()');
        expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
        expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
        expect(res.headers.get('strict-transport-security')).toBeNull();
        if (path.startsWith('/api')) expect(res.headers.get('cache-control')).toBe('no-store');
      }
    });

    it('add HSTS over HTTPS (behind a trusted proxy)', async () => {
      const { app } = createTestApp(suite.db);
      const res = await send(app, 'GET', '/healthz', { headers: { 'x-forwarded-proto': 'https' } });
      expect(res.headers.get('strict-transport-security')).toBe('max-age=63072000');
      const untrusted = createTestApp(suite.db, { config: { trustProxy: false } });
      const spoofed = await send(untrusted.app, 'GET', '/healthz', { headers: { 'x-forwarded-proto': 'https' } });
      expect(spoofed.headers.get('strict-transport-security')).toBeNull();
    });
  });

  describe('errors', () => {
    it('unknown API paths are not-found JSON; other paths a plain 404', async () => {
      const { app } = createTestApp(suite.db);
      const api = await call(app, 'GET', '/api/nothing/here');
      expect(api.status).toBe(404);
      expect(api.body).toEqual({ error: { code: 'not-found', message: expect.any(String) } });
      const other = await send(app, 'GET', '/nothing');
      expect(other.status).toBe(404);
    });

    it('malformed JSON is invalid-json; a non-JSON content type is unsupported-media-type', async () => {
      const { app } = createTestApp(suite.db);
      for (const body of ['{', '', 'nul', '{"email":', '\u00ff\u00fe']) {
        const r = await app.request('/api/auth/signin', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        expect(r.status).toBe(400);
        expect(errorCodeOf(await r.json())).toBe('invalid-json');
      }
      const invalidUtf8 = await app.request('/api/auth/signin', { method: 'POST', headers: { 'content-type': 'application/json' }, body: new Uint8Array([0x22, 0xff, 0x22]) });
      expect(errorCodeOf(await invalidUtf8.json())).toBe('invalid-json');
      for (const type of [undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx']) {
        const headers: Record<string, string> = type ? { 'content-type': type } : {};
        const r = await app.request('/api/auth/signin', { method: 'POST', headers, body: '{"email":"a@b.c","loginKey":"x"}' });
        expect(r.status, String(type)).toBe(415);
        expect(errorCodeOf(await r.json())).toBe('unsupported-media-type');
      }
      const charset = await app.request('/api/auth/signin', {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'x-forwarded-for': '198.51.100.7' },
        body: JSON.stringify({ email: 'a@b.c', loginKey: blob.key32() }),
      });
      expect(errorCodeOf(await charset.json())).toBe('invalid-credentials');
    });

    it('bodies over MAX_BODY_BYTES are payload-too-large, whatever Content-Length says', async () => {
      const { app } = createTestApp(suite.db);
      const user = await createUser(app);
      const big = JSON.stringify({ id: newId(), epoch: 1, ciphertext: 'A'.repeat(MAX_BODY_BYTES) });
      const headers = { 'content-type': 'application/json', cookie: user.cookie };
      const declared = await app.request(`/api/spaces/${user.personalSpaceId}/records`, { method: 'POST', headers, body: big });
      expect(declared.status).toBe(413);
      expect(errorCodeOf(await declared.json())).toBe('payload-too-large');
      const lying = await app.request(`/api/spaces/${user.personalSpaceId}/records`, { method: 'POST', headers: { ...headers, 'content-length': '10' }, body: big });
      expect(lying.status).toBe(413);
      const hugeClaim = await app.request('/api/auth/signin', { method: 'POST', headers: { ...headers, 'content-length': String(10 * MAX_BODY_BYTES) }, body: '{}' });
      expect(hugeClaim.status).toBe(413);
      const chunks = [new TextEncoder().encode(big.slice(0, 70000)), new TextEncoder().encode(big.slice(70000))];
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = chunks.shift();
          if (next) controller.enqueue(next);
          else controller.close();
        },
      });
      const chunked = await app.request(`/api/spaces/${user.personalSpaceId}/records`, { method: 'POST', headers, body: stream, duplex: 'half' } as RequestInit);
      expect(chunked.status).toBe(413);
      expect(errorCodeOf(await chunked.json())).toBe('payload-too-large');
      const records = await call(app, 'GET', `/api/spaces/${user.personalSpaceId}/records`, { as: user });
      expect(records.body.records).toEqual([]);
    });

    it('invalid path ids are bad-request', async () => {
      const { app } = createTestApp(suite.db);
      const user = await createUser(app);
      for (const path of ['/api/spaces/not-a-uuid', '/api/spaces/123/records', `/api/spaces/${newId().toUpperCase()}`]) {
        const res = await call(app, 'GET', path, { as: user });
        expect(res.status, path).toBe(400);
        expect(errorCodeOf(res.body)).toBe('bad-request');
      }
    });
  });

  describe('CSRF', () => {
    let owner: TestUser;
    const attempt = (app: ReturnType<typeof createTestApp>['app'], cookie: string, headers: Record<string, string>) => {
      const id = newId();
      return app.request('/api/spaces', {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, ...headers },
        body: JSON.stringify({ id, sealedKey: blob.sealed(), membershipEntry: createEntry(id, owner) }),
      });
    };

    it('refuses cross-site requests and accepts same-origin ones', async () => {
      const { app } = createTestApp(suite.db, { config: { publicOrigin: 'https://innermost.example', trustProxy: false } });
      const user = await createUser(app);
      owner = user;
      // The public origin is https, so the app reads the __Host- cookie.
      const signin = await call(app, 'POST', '/api/auth/signin', { json: { email: user.email, loginKey: user.loginKey } });
      const secureCookie = signin.res.headers.getSetCookie()[0]!.split(';')[0]!;
      const rejected: Array<Record<string, string>> = [
        { origin: 'https://evil.example' },
        { origin: 'null' },
        { origin: 'http://innermost.example' },
        { 'sec-fetch-site': 'cross-site' },
        { 'sec-fetch-site': 'same-site' },
        { 'sec-fetch-site': 'same-origin', origin: 'https://evil.example' },
        { 'sec-fetch-site': 'cross-site', origin: 'https://innermost.example' },
        // With PUBLIC_ORIGIN set, the request's own origin is the public one (the Host is checked).
        { origin: 'http://localhost' },
      ];
      for (const headers of rejected) {
        const res = await attempt(app, secureCookie, headers);
        expect(res.status, JSON.stringify(headers)).toBe(403);
        expect(errorCodeOf(await res.json())).toBe('csrf-rejected');
      }
      const accepted: Array<Record<string, string>> = [
        { origin: 'https://innermost.example', 'sec-fetch-site': 'same-origin' },
        { origin: 'https://innermost.example' },
        { 'sec-fetch-site': 'same-origin' },
        { 'sec-fetch-site': 'none' },
        {}, // a non-browser client
      ];
      for (const headers of accepted) {
        const res = await attempt(app, secureCookie, headers);
        expect(res.status, JSON.stringify(headers)).toBe(201);
      }
      // Safe methods are not checked.
      const get = await app.request('/api/spaces', { headers: { cookie: secureCookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
      expect(get.status).toBe(200);
    });

    it('with PUBLIC_ORIGIN, answers only requests addressed to its host (DNS rebinding)', async () => {
      const { app } = createTestApp(suite.db, { config: { publicOrigin: 'https://innermost.example', trustProxy: true } });
      // A rebinding page's fetches are same-origin to the browser: they pass the CSRF check,
      // but carry the page's own host name.
      const rebound = { host: 'evil.example', origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' };
      const signup = await app.request('http://evil.example/api/auth/signup', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...rebound },
        body: JSON.stringify(signupBody()),
      });
      expect(signup.status).toBe(421);
      expect(errorCodeOf(await signup.json())).toBe('wrong-host');
      expect((await app.request('http://evil.example/api/auth/session', { headers: rebound })).status).toBe(421);
      expect((await app.request('http://10.0.0.5/api/auth/params?email=a%40b.example')).status).toBe(421);
      // Behind the trusted proxy, the host the browser asked for is X-Forwarded-Host.
      expect((await app.request('http://10.0.0.5/api/auth/session', { headers: { 'x-forwarded-host': 'evil.example' } })).status).toBe(421);
      expect((await app.request('http://10.0.0.5/api/auth/session', { headers: { 'x-forwarded-host': 'innermost.example' } })).status).toBe(200);
      expect((await app.request('https://innermost.example/api/auth/session')).status).toBe(200);
      // Probes answer by address (load balancers).
      expect((await app.request('http://10.0.0.5/healthz')).status).toBe(200);
      expect((await app.request('http://10.0.0.5/readyz')).status).toBe(200);
      // Without PUBLIC_ORIGIN any host is served (a LAN address, localhost).
      const open = createTestApp(suite.db).app;
      expect((await open.request('http://10.0.0.5/api/auth/session')).status).toBe(200);
    });
  });

  it('an unexpected failure is internal (500), logged without the request body', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _e, cb) => (lines.push(String(chunk)), cb()) }));
    const own = await createTestDatabase('sqlite');
    const { app } = createTestApp(own, { logger });
    const user = await createUser(app);
    await own.database.close();
    const res = await call(app, 'POST', '/api/auth/signin', { json: { email: user.email, loginKey: user.loginKey }, as: user });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: { code: 'internal', message: expect.any(String) } });
    const errorLine = lines.find((l) => l.includes('unhandled error'));
    expect(errorLine).toBeDefined();
    expect(lines.join('')).not.toContain(user.email);
    expect(lines.join('')).not.toContain(user.loginKey);
    await own.dispose().catch(() => {});
  });
});
