/** The typed client's requests, and `call`'s stable error codes for every way a request fails. */
import { describe, expect, it } from 'vitest';
import { call, createApiClient } from './api.ts';
import { ActionError } from './errors/action-error.ts';

function clientAnswering(answer: (path: string, init: RequestInit) => Response | Promise<Response>, offline = false) {
  const sent: { path: string; init: RequestInit }[] = [];
  const client = createApiClient(async (path, init) => {
    sent.push({ path, init });
    return answer(path, init);
  }, () => offline);
  return { client, sent };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ActionError);
  return (error as ActionError).code;
}

describe('typed API client', () => {
  it('sends a same-origin path with its params and query, asks for JSON, and says so only when it sends JSON', async () => {
    const { client, sent } = clientAnswering(() => json({ records: [], cursor: 7, hasMore: false }));
    const page = await call(client.api.spaces[':spaceId'].records.$get({ param: { spaceId: 'abc' }, query: { since: '7' } }));
    expect(page.cursor).toBe(7);
    await call(client.api.invites[':inviteId'].preview.$post({ param: { inviteId: 'inv' }, json: { token: 't' } }));
    expect(sent.map((s) => `${s.init.method} ${s.path}`)).toEqual(['GET /api/spaces/abc/records?since=7', 'POST /api/invites/inv/preview']);
    expect(sent[0]!.init).toMatchObject({ credentials: 'same-origin', headers: { accept: 'application/json' }, body: undefined });
    expect(sent[0]!.init.headers).not.toHaveProperty('content-type');
    expect(sent[1]!.init).toMatchObject({ credentials: 'same-origin', headers: { accept: 'application/json', 'content-type': 'application/json' }, body: '{"token":"t"}' });
  });

  it('resolves a 204 with undefined', async () => {
    const { client } = clientAnswering(() => new Response(null, { status: 204 }));
    expect(await call(client.api.auth.signout.$post())).toBeUndefined();
  });

  it("fails with 'offline' or 'network' when the request cannot be sent", async () => {
    const down = () => Promise.reject(new TypeError('fetch failed'));
    expect(await codeOf(call(clientAnswering(down, true).client.api.auth.me.$get()))).toBe('offline');
    expect(await codeOf(call(clientAnswering(down, false).client.api.auth.me.$get()))).toBe('network');
  });

  it("fails with 'network' for a success that is not JSON, and 'internal' for a failure that is not", async () => {
    const html = (status: number) => () => new Response('<html>', { status, headers: { 'content-type': 'text/html' } });
    expect(await codeOf(call(clientAnswering(html(200)).client.api.auth.me.$get()))).toBe('network');
    expect(await codeOf(call(clientAnswering(html(502)).client.api.auth.me.$get()))).toBe('internal');
  });

  it("fails with the server's code when it is a known one, 'internal' otherwise", async () => {
    const refused = (code: unknown, status: number) => () => json({ error: { code } }, status);
    expect(await codeOf(call(clientAnswering(refused('unauthenticated', 401)).client.api.auth.me.$get()))).toBe('unauthenticated');
    expect(await codeOf(call(clientAnswering(refused('invite-expired', 410)).client.api.auth.me.$get()))).toBe('invite-expired');
    expect(await codeOf(call(clientAnswering(refused('made-up', 400)).client.api.auth.me.$get()))).toBe('internal');
    expect(await codeOf(call(clientAnswering(() => json(null, 500)).client.api.auth.me.$get()))).toBe('internal');
  });
});
