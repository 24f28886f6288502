/**
 * The one fetch client of the browser app. Requests and responses follow src/shared/api.ts;
 * every failure becomes an ActionError with a stable code the screens can switch on.
 * `createApiClient` takes the fetch to use, so the sync engine's tests drive a real server
 * in-process with exactly this client.
 */
import { isErrorCode } from '../../shared/errors.ts';
import { ActionError } from './errors/action-error.ts';

type Method = 'GET' | 'POST' | 'DELETE';
type Fetch = (path: string, init: RequestInit) => Promise<Response>;

export function createApiClient(fetchImpl: Fetch, offline: () => boolean) {
  return async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetchImpl(path, {
        method,
        credentials: 'same-origin',
        headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ActionError(offline() ? 'offline' : 'network');
    }
    if (response.status === 204) return undefined as T;
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
    return payload as T;
  };
}

export const api = createApiClient(
  (path, init) => fetch(path, init),
  () => typeof navigator !== 'undefined' && navigator.onLine === false,
);

/** True for failures that mean "try again later" rather than "this was refused". */
export function isTransient(error: unknown): boolean {
  return error instanceof ActionError && ['network', 'offline', 'unavailable', 'rate-limited', 'internal'].includes(error.code);
}
