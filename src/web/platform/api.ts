/**
 * The one API client of the browser app: hono's `hc` over the server's own route types
 * (`AppType`, a type-only import), so a call names its route, params, query and body and the
 * answer's type comes from the route itself; no call site restates it. `call` sends a request and
 * resolves with the body of the route's 2xx answer; every failure becomes an ActionError with a
 * stable code the screens can switch on. `createApiClient` takes the fetch to use, so the sync
 * engine's tests drive a real server in-process with exactly this client.
 *
 *   const { user } = await call(client.api.auth.me.$get());
 */
import { hc, type ClientResponse } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { AppType } from '../../server/app.ts';
import { isErrorCode } from '../../shared/errors.ts';
import { ActionError } from './errors/action-error.ts';

/** What the client sends with: a path on this origin ("/api/..." with its query) and a plain init. */
type Fetch = (path: string, init: RequestInit) => Promise<Response>;

export function createApiClient(fetchImpl: Fetch, offline: () => boolean) {
  return hc<AppType>('', {
    async fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
      // hc sets content-type (only with a JSON body); every request asks for JSON.
      const headers = new Headers(init?.headers);
      headers.set('accept', 'application/json');
      try {
        return await fetchImpl(String(input), { ...init, credentials: 'same-origin', headers: Object.fromEntries(headers) });
      } catch {
        throw new ActionError(offline() ? 'offline' : 'network');
      }
    },
  });
}

/** The typed client: `client.api.<route>.$get/$post/$delete(...)`, one property per path segment. */
export type ApiClient = ReturnType<typeof createApiClient>;

/** The body of a route's 2xx answers, as the route declares it (undefined for a 204). */
type SuccessBody<R> =
  R extends ClientResponse<infer T, infer S, infer F> ? (S extends SuccessStatusCode ? (S extends 204 ? undefined : F extends 'json' ? T : undefined) : never) : never;

/**
 * Sends a request of the typed client and resolves with its success body. Rejects with an
 * ActionError: 'offline' or 'network' when it could not be sent, 'network' for a success that is
 * not JSON, the server's code for a refusal (`{ error: { code } }`), 'internal' otherwise.
 */
export async function call<R extends ClientResponse<unknown>>(request: Promise<R>): Promise<SuccessBody<R>> {
  const response = await request;
  if (response.status === 204) return undefined as SuccessBody<R>;
  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    throw new ActionError(response.ok ? 'network' : 'internal', `HTTP ${response.status}`);
  }
  if (!response.ok) {
    const code = (payload as { error?: { code?: unknown } } | null)?.error?.code;
    throw new ActionError(isErrorCode(code) ? code : 'internal', `HTTP ${response.status}`);
  }
  return payload as SuccessBody<R>;
}

export const client = createApiClient(
  (path, init) => fetch(path, init),
  () => typeof navigator !== 'undefined' && navigator.onLine === false,
);

/** True for failures that mean "try again later" rather than "this was refused". */
export function isTransient(error: unknown): boolean {
  return error instanceof ActionError && ['network', 'offline', 'unavailable', 'rate-limited', 'internal'].includes(error.code);
}
