/** Requests through app.request() (no port), with a user's cookie and address when given. */
import type { ErrorCode } from '../../src/shared/errors.ts';

export interface RequestableApp {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

export interface Caller {
  cookie?: string;
  ip?: string;
}

export interface SendOptions {
  as?: Caller | undefined;
  json?: unknown;
  headers?: Record<string, string>;
}

export async function send(app: RequestableApp, method: string, path: string, options: SendOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (options.as?.cookie) headers.cookie = options.as.cookie;
  if (options.as?.ip) headers['x-forwarded-for'] = options.as.ip;
  let body: string | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  Object.assign(headers, options.headers);
  return app.request(path, { method, headers, body });
}

/** Sends and parses the JSON answer (null for an empty body). */
export async function call<T = any>(
  app: RequestableApp,
  method: string,
  path: string,
  options: SendOptions = {},
): Promise<{ status: number; body: T; res: Response }> {
  const res = await send(app, method, path, options);
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, res };
}

/** The session cookie (name=value) set by a response, if any. */
export function sessionCookieFrom(res: Response): string | undefined {
  for (const line of res.headers.getSetCookie()) {
    const match = /^((?:__Host-)?innermost_session)=([^;]*)/.exec(line);
    if (match && match[2]) return `${match[1]}=${match[2]}`;
  }
  return undefined;
}

export function errorCodeOf(body: unknown): ErrorCode | undefined {
  return (body as { error?: { code?: ErrorCode } } | null)?.error?.code;
}

/** The "known device" cookie (name=value) set by a sign-in, sign-up or recovery, if any. */
export function deviceCookieFrom(res: Response): string | undefined {
  for (const line of res.headers.getSetCookie()) {
    const match = /^((?:__Host-)?innermost_device)=([^;]*)/.exec(line);
    if (match && match[2]) return `${match[1]}=${match[2]}`;
  }
  return undefined;
}
