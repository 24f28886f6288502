/**
 * Property: whatever is thrown at any route (random and malformed bodies, NUL and other control
 * characters, numbers at the edges of 32- and 64-bit columns, content types, lying content
 * lengths, foreign origins, junk and valid cookies, mangled ids and query strings), the
 * server never answers 5xx, every error is a known code with its one status, and a refused
 * request changes nothing (row counts and a hash of every table are identical before and after).
 */
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { ERROR_STATUS, isErrorCode } from '../shared/errors.ts';
import { createUser, newId, type TestUser } from '../../tests/factories/index.ts';
import { type TestApp, createTestApp } from './testing/app.ts';
import { describeEachDatabase } from './testing/databases.ts';
import { type RouteCase, type World, buildWorld, routeCases } from './testing/routes.ts';
import { mintSessionCookie } from './testing/sessions.ts';
import { snapshotDatabase } from './testing/snapshot.ts';

const printable = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:;/=+ %{}[]"\',@!'.split('')), maxLength: 60 });

/**
 * Numbers at the edges of the columns and of JavaScript: a 32-bit integer column (epochs, counts)
 * overflows at 2^31, a 64-bit one at 2^63, and JSON numbers past 2^53 lose precision.
 */
const boundaryNumber = fc.constantFrom(
  2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 32, 2 ** 53 - 1, 2 ** 53, -(2 ** 53), 2 ** 63, 1e308, -0, 0.5, Number.MIN_VALUE,
);

/** Strings PostgreSQL's text type refuses (NUL) and other control characters, alone and inside valid-looking values. */
const controlString = fc.oneof(
  fc.constantFrom('\u0000', 'a\u0000b@example.test', 'user@example.test\u0000', '\u0000'.repeat(43), 'Europe/Berlin\u0000', 'https://push.example.test/\u0000', '\u0007\u001b\u007f'),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** A JSON-ish value with a bias towards the shapes the API uses. */
const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(null, true, 0, -1, 1.5, 2 ** 53, '', 'AAAA', '!!', newId(), 'x'.repeat(5000)),
  fc.string({ maxLength: 80 }),
  boundaryNumber,
  controlString,
);

type BodyChoice =
  | { kind: 'none' }
  | { kind: 'valid' }
  | { kind: 'mutated'; key: string; value: unknown }
  | { kind: 'dropped'; index: number }
  | { kind: 'extra'; key: string; value: unknown }
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; value: string }
  | { kind: 'bytes'; value: Uint8Array }
  | { kind: 'huge' };

const bodyChoice: fc.Arbitrary<BodyChoice> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.constant({ kind: 'valid' as const }),
  fc.record({
    kind: fc.constant('mutated' as const),
    key: fc.constantFrom('id', 'epoch', 'token', 'email', 'loginKey', 'ciphertext', 'sealedKeys', 'admit', 'kdf', 'mac', 'userId', 'participants', 'header', 'signature', 'at', 'slots', 'phase', 'endpoint', 'partnerId', 'permit'),
    value: junkValue,
  }),
  fc.record({ kind: fc.constant('dropped' as const), index: fc.nat(10) }),
  fc.record({ kind: fc.constant('extra' as const), key: fc.string({ maxLength: 10 }), value: junkValue }),
  fc.record({ kind: fc.constant('json' as const), value: junkValue }),
  fc.record({ kind: fc.constant('text' as const), value: fc.string({ maxLength: 200 }) }),
  fc.record({ kind: fc.constant('bytes' as const), value: fc.uint8Array({ maxLength: 200 }) }),
  fc.constant({ kind: 'huge' as const }),
);

type CookieChoice = 'none' | 'owner' | 'partner' | 'pending' | 'outsider' | 'junk' | 'forged' | 'duplicate' | 'secure-name';

const requestArb = fc.record({
  route: fc.nat(1000),
  method: fc.option(fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'PATCH'), { freq: 5 }),
  pathMutation: fc.oneof(
    fc.constant({ kind: 'none' as const }),
    fc.record({ kind: fc.constant('segment' as const), index: fc.nat(6), value: fc.oneof(printable, fc.constant('..'), fc.constant(newId()), fc.constant('%2e%2e'), fc.constant('x'.repeat(300))) }),
    fc.record({ kind: fc.constant('suffix' as const), value: printable }),
  ),
  query: fc.option(
    fc.oneof(
      printable,
      fc.constantFrom(
        'since=-1', 'since=1e99', 'limit=0', 'limit=abc', 'since=1&since=2', 'email=', 'email=a@b', `email=${'a'.repeat(300)}@x`,
        'email=a%00b%40example.test', 'email=%00', 'email=a%40b%00', 'since=2147483648', 'since=9007199254740993', 'since=%00', 'limit=2147483648',
      ),
    ),
    { freq: 3 },
  ),
  body: bodyChoice,
  contentType: fc.constantFrom<string | undefined>(undefined, 'application/json', 'application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', ''),
  contentLength: fc.constantFrom<'auto' | 'small' | 'big' | 'junk' | 'zero'>('auto', 'auto', 'auto', 'small', 'big', 'junk', 'zero'),
  origin: fc.constantFrom<string | undefined>(undefined, undefined, 'http://localhost', 'https://evil.example', 'null', 'http://localhost:1'),
  fetchSite: fc.constantFrom<string | undefined>(undefined, undefined, 'same-origin', 'none', 'cross-site', 'same-site', 'junk'),
  cookie: fc.constantFrom<CookieChoice>('none', 'owner', 'owner', 'partner', 'pending', 'outsider', 'junk', 'forged', 'duplicate', 'secure-name'),
});

type Generated = typeof requestArb extends fc.Arbitrary<infer T> ? T : never;

function buildBody(route: RouteCase, choice: BodyChoice): { body?: BodyInit; json?: boolean } {
  const valid = (route.json ?? {}) as Record<string, unknown>;
  switch (choice.kind) {
    case 'none':
      return {};
    case 'valid':
      return { body: JSON.stringify(valid), json: true };
    case 'mutated':
      return { body: JSON.stringify({ ...valid, [choice.key]: choice.value }), json: true };
    case 'dropped': {
      const keys = Object.keys(valid);
      const copy = { ...valid };
      if (keys.length) delete copy[keys[choice.index % keys.length]!];
      return { body: JSON.stringify(copy), json: true };
    }
    case 'extra':
      return { body: JSON.stringify({ ...valid, [choice.key || '_']: choice.value }), json: true };
    case 'json':
      return { body: JSON.stringify(choice.value) ?? 'undefined', json: true };
    case 'text':
      return { body: choice.value };
    case 'bytes':
      return { body: new Uint8Array(choice.value) as Uint8Array<ArrayBuffer> };
    case 'huge':
      return { body: JSON.stringify({ ...valid, pad: 'A'.repeat(140 * 1024) }), json: true };
  }
}

describeEachDatabase('property: no 5xx, no state change on refusal', (suite) => {
  let t: TestApp;
  let world: World;
  let outsider: TestUser;

  beforeAll(async () => {
    t = createTestApp(suite.db);
    world = await buildWorld(t.app);
    outsider = await createUser(t.app);
  });

  it(
    'holds for random requests against every route',
    async () => {
      const db = suite.db.database.db;
      const runs = Number(process.env.PROPERTY_RUNS) || (suite.kind === 'sqlite' ? 800 : 250);
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(requestArb, async (g: Generated) => {
          const routes = routeCases(world);
          const route = routes[g.route % routes.length]!;
          const method = g.method ?? route.method;
          let path = route.path.split('?')[0]!;
          if (g.pathMutation.kind === 'segment') {
            const parts = path.split('/');
            const i = 1 + (g.pathMutation.index % (parts.length - 1));
            parts[i] = encodeURIComponent(g.pathMutation.value);
            path = parts.join('/');
          } else if (g.pathMutation.kind === 'suffix') {
            path += encodeURIComponent(g.pathMutation.value);
          }
          const query = g.query ?? route.path.split('?')[1];
          if (query !== undefined) path += `?${query}`;

          const headers = new Headers();
          const userFor: Record<string, TestUser> = { owner: world.owner, partner: world.partner, pending: world.pending, outsider };
          // Fresh sessions, minted before the snapshot (a run may sign one out).
          const valid = userFor[g.cookie] ? await mintSessionCookie(db, userFor[g.cookie]!.id) : undefined;
          if (valid) headers.set('cookie', valid);
          if (g.cookie === 'junk') headers.set('cookie', 'innermost_session=%%%; other=1');
          if (g.cookie === 'forged') headers.set('cookie', `innermost_session=${'A'.repeat(43)}`);
          if (g.cookie === 'duplicate') headers.set('cookie', `innermost_session=${'B'.repeat(43)}; ${await mintSessionCookie(db, world.owner.id)}`);
          if (g.cookie === 'secure-name') headers.set('cookie', `__Host-${await mintSessionCookie(db, world.owner.id)}`);
          const { body, json } = method === 'GET' ? {} : buildBody(route, g.body);
          if (g.contentType !== undefined) headers.set('content-type', g.contentType);
          else if (json) headers.set('content-type', 'application/json');
          if (body !== undefined && g.contentLength !== 'auto') {
            headers.set('content-length', { small: '3', big: String(10 * 1024 * 1024), junk: 'abc', zero: '0' }[g.contentLength]);
          }
          if (g.origin) headers.set('origin', g.origin);
          if (g.fetchSite) headers.set('sec-fetch-site', g.fetchSite);
          headers.set('x-forwarded-for', `198.51.100.${g.route % 250}`);

          const before = await snapshotDatabase(db);
          const res = await t.app.request(path, { method, headers, body });
          let payload: unknown = null;
          if (res.headers.get('content-type') === 'text/event-stream') await res.body?.cancel();
          else {
            const text = await res.text();
            try {
              payload = text ? JSON.parse(text) : null;
            } catch {
              payload = text;
            }
          }
          const label = `${method} ${path.slice(0, 120)} -> ${res.status}`;
          expect(res.status, label).toBeLessThan(500);
          if (res.status >= 400) {
            refused++;
            if (new URL(path, 'http://localhost').pathname.startsWith('/api/')) {
              const code = (payload as { error?: { code?: unknown } } | null)?.error?.code;
              expect(isErrorCode(code), `${label}: ${JSON.stringify(payload)}`).toBe(true);
              expect(ERROR_STATUS[code as keyof typeof ERROR_STATUS], label).toBe(res.status);
            }
            expect(await snapshotDatabase(db), label).toEqual(before);
          }
        }),
        { numRuns: runs },
      );
      expect(refused).toBeGreaterThan(runs / 2);
    },
    120_000,
  );

  // The random requests above rarely carry a value at an edge all the way to the database (most
  // are refused earlier, as they should be). This sweep does, exhaustively: every route's every
  // body field and query parameter, in an otherwise well-formed signed-in request, set to each of
  // NUL, a control character and numbers at the edges of 32- and 64-bit columns. Whatever reaches
  // a query must never be a database error, and a refusal changes nothing.
  it(
    'holds for every field of every route set to NUL, 2^31, 2^53 and other edges',
    async () => {
      const db = suite.db.database.db;
      const EDGES: unknown[] = ['\u0000', 'a\u0000b@example.test', '\u0007', 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 2 ** 63, 1e308];
      const cookie = await mintSessionCookie(db, world.owner.id);
      let sent = 0;
      for (const route of routeCases(world)) {
        const [pathname, query] = route.path.split('?') as [string, string | undefined];
        const variants: Array<{ path: string; body?: string; what: string }> = [];
        for (const value of EDGES) {
          if (route.json && typeof route.json === 'object') {
            for (const key of Object.keys(route.json)) {
              variants.push({ path: pathname, body: JSON.stringify({ ...(route.json as object), [key]: value }), what: `${key}=${JSON.stringify(value)}` });
            }
          }
          if (query) {
            for (const key of new URLSearchParams(query).keys()) {
              const params = new URLSearchParams(query);
              params.set(key, String(value));
              variants.push({ path: `${pathname}?${params.toString()}`, what: `?${key}=${JSON.stringify(value)}` });
            }
          }
        }
        for (const variant of variants) {
          const headers = new Headers({ cookie, 'x-forwarded-for': `198.51.100.${sent % 250}` });
          if (variant.body !== undefined) headers.set('content-type', 'application/json');
          const before = await snapshotDatabase(db);
          const res = await t.app.request(variant.path, { method: route.method, headers, body: variant.body });
          const text = res.headers.get('content-type') === 'text/event-stream' ? (await res.body?.cancel(), '') : await res.text();
          const label = `${route.method} ${route.pattern} ${variant.what} -> ${res.status} ${text.slice(0, 160)}`;
          expect(res.status, label).toBeLessThan(500);
          if (res.status >= 400) expect(await snapshotDatabase(db), label).toEqual(before);
          sent++;
        }
      }
      expect(sent).toBeGreaterThan(200);
    },
    180_000,
  );
});
