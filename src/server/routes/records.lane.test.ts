/**
 * The records lane (ADR 034) against the framework route it stands in for: the same requests,
 * good and hostile, sent over real connections to the app as main.ts serves it (lane in front) and
 * to the same app through the framework's listener alone. Answers must match byte for byte
 * (status, body, every header but the date and connection ones), and what the lane declines must
 * still be answered by the framework.
 */
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterEach, expect, it } from 'vitest';
import type { TestUser } from '../../../tests/factories/index.ts';
import { blob, createCouple, createUser, newId, writeRecord } from '../../../tests/factories/index.ts';
import { MAX_BODY_BYTES } from '../../shared/limits.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { type RawAnswer, type RawRequest, type Served, serveTestApp } from '../testing/served.ts';

const HOST = '127.0.0.1:3000';
const TRANSPORT_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

function comparable(answer: RawAnswer) {
  const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !TRANSPORT_HEADERS.has(name)));
  return { status: answer.status, headers, text: answer.text };
}

describeEachDatabase('records lane', (suite) => {
  let served: Served | undefined;
  afterEach(async () => {
    await served?.close();
    served = undefined;
  });

  async function couple(config: Parameters<typeof serveTestApp>[1] = {}) {
    served = await serveTestApp(suite.db, config);
    const [a, b, outsider] = [await createUser(served.app), await createUser(served.app), await createUser(served.app)];
    const space = await createCouple(served.app, a, b);
    for (let i = 0; i < 5; i++) await writeRecord(served.app, i % 2 ? b : a, space.id, space.epoch);
    return { served, a, b, outsider, space };
  }

  const get = (user: TestUser | undefined, path: string, headers: Record<string, string> = {}): RawRequest => ({
    method: 'GET',
    path,
    headers: { host: HOST, ...(user ? { cookie: user.cookie } : {}), ...headers },
  });
  const post = (user: TestUser | undefined, path: string, body: string | Buffer, headers: Record<string, string> = {}): RawRequest => ({
    method: 'POST',
    path,
    headers: { host: HOST, 'content-type': 'application/json', ...(user ? { cookie: user.cookie } : {}), ...headers },
    body,
  });

  /**
   * The same request through both; they must answer alike. Returns the lane's answer. `taken`:
   * whether the lane must answer it itself (true) or leave it to the framework (false).
   */
  async function same(request: RawRequest, taken = true): Promise<RawAnswer> {
    const before = served!.laneTook();
    const lane = await served!.lane(request);
    expect(served!.laneTook() - before, `lane took ${request.method} ${request.path}`).toBe(taken ? 1 : 0);
    const framework = await served!.framework(request);
    expect(comparable(lane), `${request.method} ${request.path}`).toEqual(comparable(framework));
    return lane;
  }

  it('answers pulls exactly as the framework does, good and bad', async () => {
    const { a, b, outsider, space } = await couple();
    const records = `/api/spaces/${space.id}/records`;
    const ok = await same(get(b, `${records}?since=1&limit=2`));
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text)).toMatchObject({ cursor: 3, hasMore: true });
    expect(ok.headers['content-security-policy']).toContain("default-src 'self'");
    expect(ok.headers['cache-control']).toBe('no-store');
    for (const query of ['', '?since=5', '?since=-1', '?limit=0', '?limit=501', '?since=abc', '?since=1&since=2', '?other=1', '?since=1.5', '?since=', '?since']) {
      await same(get(a, `${records}${query}`));
    }
    expect((await same(get(undefined, records))).status).toBe(401);
    expect((await same(get({ ...a, cookie: 'innermost_session=AAAA' }, records))).status).toBe(401);
    expect((await same(get({ ...a, cookie: a.cookie.replace('innermost_session', '__Host-innermost_session') }, records))).status).toBe(401);
    expect((await same(get(outsider, records))).status).toBe(404);
    expect((await same(get(a, `/api/spaces/${newId()}/records`))).status).toBe(404);
    expect((await same(get(a, '/api/spaces/not-a-uuid/records'))).status).toBe(400);
    // Safe methods pass the CSRF check in both.
    expect((await same(get(a, records, { 'sec-fetch-site': 'cross-site' }))).status).toBe(200);
    // An HTTPS proxy in front: HSTS and the __Host- cookie name.
    const https = await same(get(a, records, { 'x-forwarded-proto': 'https' }));
    expect(https.status).toBe(401);
    expect(https.headers['strict-transport-security']).toBe('max-age=63072000');
  });

  it('answers writes exactly as the framework does, and stores each once', async () => {
    const { a, outsider, space } = await couple();
    const records = `/api/spaces/${space.id}/records`;
    const id = newId();
    const ciphertext = blob.ciphertext();
    const body = JSON.stringify({ id, epoch: space.epoch, ciphertext });
    const first = await served!.lane(post(a, records, body));
    expect(first.status).toBe(201);
    expect(JSON.parse(first.text)).toEqual({ seq: 6, duplicate: false });
    // Again, through either: the same duplicate answer.
    expect(JSON.parse((await same(post(a, records, body))).text)).toEqual({ seq: 6, duplicate: true });
    const viaFramework = await served!.framework(post(a, records, JSON.stringify({ id: newId(), epoch: space.epoch, ciphertext })));
    expect(JSON.parse(viaFramework.text)).toEqual({ seq: 7, duplicate: false });

    const answers: Array<[RawRequest, number]> = [
      [post(a, records, JSON.stringify({ id, epoch: space.epoch, ciphertext: blob.ciphertext() })), 409],
      [post(a, records, JSON.stringify({ id: newId(), epoch: space.epoch - 1, ciphertext })), 409],
      [post(a, records, '{"id":'), 400],
      [post(a, records, Buffer.from([0x7b, 0xff, 0x7d])), 400],
      [post(a, records, JSON.stringify({ id: 'x', epoch: 'two', ciphertext: 5 })), 400],
      [post(a, records, JSON.stringify([])), 400],
      [post(a, records, body, { 'content-type': 'text/plain' }), 415],
      [{ ...post(a, records, body), headers: { host: HOST, cookie: a.cookie } }, 415],
      [post(undefined, records, body), 401],
      [post(outsider, records, body), 404],
      [post(a, '/api/spaces/not-a-uuid/records', body), 400],
      [post(a, records, body, { 'sec-fetch-site': 'cross-site' }), 403],
      [post(a, records, body, { origin: 'https://evil.example' }), 403],
      [post(a, records, body, { origin: 'null' }), 403],
      [post(a, records, body, { 'content-length': String(MAX_BODY_BYTES + 1) }), 413],
      // Repeated headers mean the same to both: joined, as Fetch's Headers would.
      [{ ...post(a, records, body), headers: { host: HOST, cookie: a.cookie, 'content-type': ['application/json', 'text/plain'] } }, 415],
      [{ ...post(a, records, body), headers: { host: HOST, 'content-type': 'application/json', cookie: ['other=1', a.cookie] } }, 200],
      [{ ...post(a, records, body), headers: { host: HOST, 'content-type': 'application/json', cookie: a.cookie, origin: [`http://${HOST}`, `http://${HOST}`] } }, 403],
      [post(a, records, JSON.stringify({ id: newId(), epoch: space.epoch, ciphertext: 'A'.repeat(MAX_BODY_BYTES) })), 413],
    ];
    for (const [request, status] of answers) {
      const answer = await same(request);
      expect(answer.status, answer.text).toBe(status);
      if (status >= 400) expect(JSON.parse(answer.text).error.code).toEqual(expect.any(String));
    }
    // Nothing a refused request sent was stored: the head is where the two writes left it.
    const pulled = JSON.parse((await same(get(a, `${records}?since=0`))).text);
    expect(pulled.cursor).toBe(7);
    expect(pulled.records.map((r: { seq: number }) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('keeps the host check, the write rate and the session renewal', async () => {
    let at = Date.now();
    const { a, space } = await couple({ config: { publicOrigin: 'https://innermost.example', limits: { writesPerMinute: 2, writeBurst: 2 } }, now: () => at });
    const records = `/api/spaces/${space.id}/records`;
    const onHost = (request: RawRequest): RawRequest => ({ ...request, headers: { ...request.headers, host: 'innermost.example' } });
    expect((await same(get(a, records))).status).toBe(421);
    // Over HTTPS (the public origin) the cookie's name carries __Host-.
    const cookie = a.cookie.startsWith('__Host-') ? a.cookie : `__Host-${a.cookie}`;
    const user = { ...a, cookie };
    expect((await same(onHost(get(user, records)))).status).toBe(200);
    const write = () => onHost(post(user, records, JSON.stringify({ id: newId(), epoch: space.epoch, ciphertext: blob.ciphertext() })));
    // The app was made with its burst already spent by couple()'s writes: refused alike, with Retry-After.
    const limited = await same(write());
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toEqual(expect.any(String));
    // A day later: the bucket is full again, and the session is renewed (Set-Cookie) on either path.
    at += 24 * 60 * 60 * 1000;
    const renewed = await served!.lane(write());
    expect(renewed.status).toBe(201);
    expect(String(renewed.headers['set-cookie'])).toMatch(/^__Host-innermost_session=/);
    at += 24 * 60 * 60 * 1000;
    const renewedByFramework = await served!.framework(write());
    expect(Object.keys(comparable(renewedByFramework).headers).sort()).toEqual(Object.keys(comparable(renewed).headers).sort());
  });

  it('answers random requests exactly as the framework does', async () => {
    const { a, outsider, space } = await couple();
    const records = `/api/spaces/${space.id}/records`;
    const queryPart = fc.oneof(
      fc.constantFrom('since', 'limit', 'other', ''),
      fc.string({ unit: fc.constantFrom(...'0123456789-._~aZ'.split('')), maxLength: 8 }),
    );
    const query = fc.array(fc.tuple(queryPart, fc.option(queryPart)), { maxLength: 4 }).map((pairs) =>
      pairs.length === 0 ? '' : `?${pairs.map(([key, value]) => (value === null ? key : `${key}=${value}`)).join('&')}`,
    );
    const valid = { id: newId(), epoch: space.epoch, ciphertext: blob.ciphertext() };
    const body = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value)),
      fc.record({ key: fc.constantFrom('id', 'epoch', 'ciphertext', 'deletes', 'extra'), value: fc.jsonValue({ maxDepth: 1 }) }).map(({ key, value }) => JSON.stringify({ ...valid, [key]: value })),
      fc.string({ maxLength: 40 }),
      fc.constant(JSON.stringify(valid)),
    );
    const headers = fc.record(
      {
        'content-type': fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'APPLICATION/JSON', 'application/vnd.x+json'),
        origin: fc.constantFrom(`http://${HOST}`, 'http://evil.example', 'null'),
        'sec-fetch-site': fc.constantFrom('same-origin', 'same-site', 'cross-site', 'none'),
        'x-forwarded-proto': fc.constantFrom('https', 'http', 'ftp'),
        'x-forwarded-host': fc.constantFrom(HOST, 'evil.example'),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'POST'), query, body, headers, fc.boolean(), async (method, q, text, extra, signedIn) => {
        // Writes come from the outsider: every answer is a refusal (a valid write ends in
        // not-found), so nothing is stored and the two answers can be compared exactly.
        const user = method === 'POST' ? outsider : a;
        const request: RawRequest = {
          method,
          path: `${records}${q}`,
          headers: { host: HOST, ...(signedIn ? { cookie: user.cookie } : {}), ...extra },
          ...(method === 'POST' ? { body: text } : {}),
        };
        await same(request);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS) || 60 },
    );
  });

  it('after refusing a body too large, keeps the connection for the next request, as the framework does', async () => {
    const { a, space } = await couple();
    const records = `/api/spaces/${space.id}/records`;
    // One connection: a chunked body past the limit (no declared length to refuse it early, so
    // it is refused while being read), then an ordinary pull.
    const chunk = 'x'.repeat(MAX_BODY_BYTES + 1024 * 1024);
    const oversized =
      `POST ${records} HTTP/1.1\r\nHost: ${HOST}\r\nCookie: ${a.cookie}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n` +
      `${chunk.length.toString(16)}\r\n${chunk}\r\n0\r\n\r\n`;
    const pull = `GET ${records}?since=0 HTTP/1.1\r\nHost: ${HOST}\r\nCookie: ${a.cookie}\r\n\r\n`;
    for (const port of [served!.ports.lane, served!.ports.framework]) {
      const socket = connect(port, '127.0.0.1');
      let received = '';
      socket.setEncoding('utf8');
      socket.on('data', (data: string) => (received += data));
      const until = async (pattern: RegExp) => {
        await expect.poll(() => pattern.test(received), { timeout: 5_000 }).toBe(true);
      };
      socket.write(oversized);
      await until(/^HTTP\/1\.1 413 /);
      socket.write(pull);
      await until(/HTTP\/1\.1 200 [\s\S]*"cursor":5/);
      socket.destroy();
    }
  });

  it('leaves what it does not recognise to the framework', async () => {
    const { a, space } = await couple();
    const records = `/api/spaces/${space.id}/records`;
    for (const request of [
      get(a, `${records}/`),
      get(a, records.replace('/api/', '/API/')),
      get(a, `/api/spaces/${space.id.slice(0, 8)}%2d${space.id.slice(9)}/records`),
      get(a, `${records}?since=%31`),
      get(a, `${records}?since=1+2`),
      { ...get(a, records), method: 'HEAD' },
      { ...get(a, records), method: 'PUT' },
      { ...get(a, records), method: 'DELETE' },
      { ...get(a, records), headers: { cookie: a.cookie } },
      { ...get(a, records), headers: { cookie: a.cookie, host: 'Example.COM' } },
    ]) {
      await same(request, false);
    }
  });
});

describeEachDatabase('records lane metrics', (suite) => {
  it('counts and labels requests as the framework does', async () => {
    const sequence = async (served: Served, via: 'lane' | 'framework') => {
      const a = await createUser(served.app);
      const b = await createUser(served.app);
      const space = await createCouple(served.app, a, b);
      const records = `/api/spaces/${space.id}/records`;
      const send = served[via];
      const body = JSON.stringify({ id: newId(), epoch: space.epoch, ciphertext: blob.ciphertext() });
      await send({ method: 'POST', path: records, headers: { host: 'wrong.example', 'content-type': 'application/json', cookie: a.cookie }, body });
      await send({ method: 'POST', path: records, headers: { host: 'innermost.example', 'content-type': 'application/json', cookie: a.cookie, 'sec-fetch-site': 'cross-site' }, body });
      await send({ method: 'POST', path: records, headers: { host: 'innermost.example', 'content-type': 'application/json', cookie: a.cookie }, body });
      await send({ method: 'GET', path: `${records}?since=0`, headers: { host: 'innermost.example', cookie: b.cookie } });
      await send({ method: 'GET', path: `${records}?since=x`, headers: { host: 'innermost.example', cookie: b.cookie } });
      const text = await served.metrics.registry.getSingleMetricAsString('innermost_http_requests_total');
      // Only the records routes: the factories' own requests went through app.request alike.
      return text.split('\n').filter((line) => line.includes('records') || line.includes('route="/*"') || line.includes('route="/api/*"'));
    };
    const config = { config: { publicOrigin: 'https://innermost.example' } };
    const first = await serveTestApp(suite.db, config);
    const second = await serveTestApp(suite.db, config);
    try {
      const viaLane = await sequence(first, 'lane');
      const viaFramework = await sequence(second, 'framework');
      expect(viaLane).toEqual(viaFramework);
      expect(viaLane.join('\n')).toContain('status="201"');
      expect(viaLane.join('\n')).toContain('status="421"');
    } finally {
      await first.close();
      await second.close();
    }
  });
});
