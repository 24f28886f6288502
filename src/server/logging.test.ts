/**
 * Logs never carry a token, cookie, email, key, ciphertext or body: a full flow runs with a
 * capturing logger at the most verbose level and no secret used in it may appear in any line.
 */
import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import {
  acceptInvite,
  call,
  createCouple,
  createInvite,
  createRound,
  createUser,
  deleteAccount,
  rotate,
  send,
  signIn,
  submitAnswer,
  withdrawRound,
  writeRecord,
} from '../../tests/factories/index.ts';
import { createLogger } from './logger.ts';
import { createTestApp } from './testing/app.ts';
import { describeEachDatabase } from './testing/databases.ts';
import { openEvents } from './testing/sse.ts';

describeEachDatabase('logging', (suite) => {
  it('writes one line per request with the route pattern and no secret', async () => {
    const lines: string[] = [];
    const logger = createLogger('trace', new Writable({ write: (chunk, _e, cb) => (lines.push(String(chunk)), cb()) }) as never);
    const { app } = createTestApp(suite.db, { logger });
    const secrets: string[] = [];
    const [a, b, c] = [await createUser(app), await createUser(app), await createUser(app)];
    for (const u of [a, b, c]) {
      secrets.push(
        u.email,
        encodeURIComponent(u.email),
        u.loginKey,
        u.recoveryAuth,
        u.cookie,
        u.cookie.split('=')[1]!,
        u.signup.salt,
        u.signup.wrappedUkByMaster,
        u.signup.wrappedUkByRecovery,
        u.signup.wrappedIdentity,
        u.publicKeys.x25519,
        u.publicKeys.ed25519,
        u.signup.personalSpace.sealedKey,
        u.signup.personalSpace.membershipEntry,
      );
    }
    await call(app, 'GET', `/api/auth/params?email=${encodeURIComponent(a.email)}`);
    const cookie2 = await signIn(app, a);
    secrets.push(cookie2, cookie2.split('=')[1]!);
    const space = await createCouple(app, a, b);
    const invite = await createInvite(app, a, space.id);
    secrets.push(invite.token);
    await call(app, 'POST', `/api/invites/${invite.id}/preview`, { json: { token: invite.token }, as: c });
    await acceptInvite(app, c, invite);
    await rotate(app, a, space, [c.id]);
    const events = await openEvents(app, b.cookie);
    const record = await writeRecord(app, a, space.id, space.epoch);
    secrets.push(record.ciphertext);
    await events.sse.next();
    await events.sse.close();
    await call(app, 'GET', `/api/spaces/${space.id}/records`, { as: b });
    const round = await createRound(app, a, space, [b, c]);
    secrets.push(round.header);
    for (const user of [a, b, c]) {
      const answer = await submitAnswer(app, user, round);
      secrets.push(answer.ciphertext, answer.signature);
    }
    await call(app, 'GET', `/api/spaces/${space.id}/rounds/${round.id}`, { as: c });
    const withdrawn = await createRound(app, b, space, [a]);
    secrets.push(withdrawn.header, (await submitAnswer(app, a, withdrawn)).ciphertext);
    await withdrawRound(app, b, withdrawn);
    await call(app, 'POST', '/api/auth/recovery/bundle', { json: { email: c.email, recoveryAuth: c.recoveryAuth }, as: c });
    await call(app, 'POST', '/api/auth/signin', { json: { email: c.email, loginKey: a.loginKey }, as: c });
    await send(app, 'POST', '/api/auth/signin', { headers: { 'content-type': 'application/json' }, json: undefined });
    await app.request('/api/auth/signin', { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"email":"${a.email}"` });
    await deleteAccount(app, c, c.loginKey);

    const output = lines.join('');
    expect(lines.length).toBeGreaterThan(20);
    for (const secret of secrets) expect(output.includes(secret), `a secret of length ${secret.length} is in the logs`).toBe(false);
    const requests = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request');
    expect(requests.length).toBeGreaterThan(20);
    for (const line of requests) {
      expect(Object.keys(line).sort()).toEqual(['durationMs', 'level', 'method', 'msg', 'route', 'service', 'status', 'time']);
    }
    expect(requests.map((l) => l.route)).toContain('/api/spaces/:spaceId/records');
    expect(requests.map((l) => l.route)).toContain('/api/auth/params');
    expect(requests.map((l) => l.route)).toContain('/api/spaces/:spaceId/rounds/:roundId/submission');
  });
});
