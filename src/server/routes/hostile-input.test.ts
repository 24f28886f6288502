/**
 * Inputs PostgreSQL cannot store must be a 400, never a 500 (issue 17): before, a NUL character
 * in an email answered 500 on every auth route (signed out), and a record epoch of 2^31 or more
 * (the API allowed up to 2^53; the column is a 32-bit integer) answered 500. The API bounds the
 * epoch at the column's range, on every route that takes one.
 */
import { expect, it } from 'vitest';
import { MAX_INT32 } from '../../shared/limits.ts';
import { blob, call, createCouple, createUser, errorCodeOf, newId, randomIp, signupBody } from '../../../tests/factories/index.ts';
import { createTestApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { pushSubscriptionBody } from '../testing/routes.ts';

describeEachDatabase('hostile input', (suite) => {
  it('a NUL or another control character in an email is bad-request on every auth route, signed out', async () => {
    const { app } = createTestApp(suite.db);
    for (const email of ['a\u0000b@example.test', 'ab@exa\u0000mple.test', '\u0000@x', 'a\u0007@example.test', 'a@example.test\u0000']) {
      const cases: Array<[string, string, unknown]> = [
        ['GET', `/api/auth/params?email=${encodeURIComponent(email)}`, undefined],
        ['POST', '/api/auth/signup', { ...signupBody(), email }],
        ['POST', '/api/auth/signin', { email, loginKey: blob.key32() }],
        ['POST', '/api/auth/recovery/bundle', { email, recoveryAuth: blob.key32() }],
        [
          'POST',
          '/api/auth/recovery/complete',
          {
            email,
            recoveryAuth: blob.key32(),
            salt: blob.salt(),
            kdf: { algorithm: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 1 },
            loginKey: blob.key32(),
            wrappedUkByMaster: blob.sealed(),
            wrappedUkByRecovery: blob.sealed(),
            newRecoveryAuth: blob.key32(),
          },
        ],
      ];
      for (const [method, path, json] of cases) {
        const res = await call(app, method, path, { json, as: { ip: randomIp() } });
        expect(res.status, `${method} ${path} ${JSON.stringify(email)}`).toBe(400);
        expect(errorCodeOf(res.body)).toBe('bad-request');
      }
    }
  });

  it('an epoch past the 32-bit column is bad-request on every route; the largest one is an ordinary refusal', async () => {
    const { app } = createTestApp(suite.db);
    const a = await createUser(app);
    const b = await createUser(app);
    const space = await createCouple(app, a, b);
    const tooBig = [2 ** 31, 2 ** 32, 2 ** 53 - 1];
    for (const epoch of tooBig) {
      const record = await call(app, 'POST', `/api/spaces/${space.id}/records`, { as: a, json: { id: newId(), epoch, ciphertext: blob.ciphertext() } });
      expect(record.status, `record epoch ${epoch}`).toBe(400);
      const round = await call(app, 'POST', `/api/spaces/${space.id}/rounds`, {
        as: a,
        json: { id: newId(), epoch, header: blob.roundHeader(), participants: [a.id, b.id] },
      });
      expect(round.status, `round epoch ${epoch}`).toBe(400);
      const rotation = await call(app, 'POST', `/api/spaces/${space.id}/epochs`, {
        as: a,
        json: { epoch, sealedKeys: [a.id, b.id].map((userId) => ({ userId, sealedKey: blob.sealed() })), admit: [], membershipEntry: blob.junkMembershipEntry() },
      });
      expect(rotation.status, `rotation epoch ${epoch}`).toBe(400);
    }
    // At the bound: stored nowhere, refused for what it is (not the current epoch).
    const atBound = await call(app, 'POST', `/api/spaces/${space.id}/records`, { as: a, json: { id: newId(), epoch: MAX_INT32, ciphertext: blob.ciphertext() } });
    expect(errorCodeOf(atBound.body)).toBe('stale-epoch');
    const roundAtBound = await call(app, 'POST', `/api/spaces/${space.id}/rounds`, { as: a, json: { id: newId(), epoch: MAX_INT32, header: blob.roundHeader(), participants: [a.id, b.id] } });
    expect(errorCodeOf(roundAtBound.body)).toBe('stale-epoch');
  });

  it('a push endpoint with a NUL is bad-request, not a database error', async () => {
    const { app } = createTestApp(suite.db);
    const a = await createUser(app);
    const res = await call(app, 'PUT', '/api/push/subscription', { as: a, json: pushSubscriptionBody(`https://push.example.test/send/a\u0000b`) });
    expect(res.status).toBe(400);
    const zone = await call(app, 'PUT', '/api/push/subscription', { as: a, json: { ...pushSubscriptionBody(), prefs: { ...pushSubscriptionBody().prefs, timeZone: 'Europe/Berlin\u0000' } } });
    expect(zone.status).toBeLessThan(500);
  });
});
