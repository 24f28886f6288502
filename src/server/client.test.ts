/** The typed `hc` client from AppType drives the app (as the browser's web/platform/api.ts does). */
import { hc } from 'hono/client';
import { expect, it } from 'vitest';
import { blob, createUser, newId } from '../../tests/factories/index.ts';
import type { AppType } from './app.ts';
import { createTestApp } from './testing/app.ts';
import { describeEachDatabase } from './testing/databases.ts';

describeEachDatabase('typed client', (suite) => {
  it('writes and pulls records with typed requests and responses', async () => {
    const { app } = createTestApp(suite.db);
    const user = await createUser(app);
    const client = hc<AppType>('http://localhost', {
      fetch: (input: RequestInfo | URL, init?: RequestInit) => app.request(input instanceof Request ? input : String(input), init),
      headers: { cookie: user.cookie },
    });
    const spaceId = user.personalSpaceId;
    const write = await client.api.spaces[':spaceId'].records.$post({ param: { spaceId }, json: { id: newId(), epoch: 1, ciphertext: blob.ciphertext() } });
    expect(write.status).toBe(201);
    if (write.status === 201) {
      const body = await write.json();
      expect(body.seq).toBe(1);
    }
    const pull = await client.api.spaces[':spaceId'].records.$get({ param: { spaceId }, query: { since: '0' } });
    const page = await pull.json();
    if ('records' in page) expect(page.records.map((r) => r.seq)).toEqual([1]);
    else throw new Error('expected records');
    const rounds = await client.api.spaces[':spaceId'].rounds.$get({ param: { spaceId } });
    const listed = await rounds.json();
    expect('rounds' in listed && listed.rounds).toEqual([]);
    const me = await client.api.auth.me.$get();
    const account = await me.json();
    expect('user' in account && account.user.id).toBe(user.id);
  });
});
