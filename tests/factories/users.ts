/** createUser(app, overrides): signs up a user with random, valid-looking keys. */
import type { z } from 'zod';
import type { SignupBody } from '../../src/shared/api.ts';
import { blob, newId, randomEmail, randomIp } from './blobs.ts';
import { type RequestableApp, call, sessionCookieFrom } from './http.ts';

export interface TestUser {
  id: string;
  email: string;
  loginKey: string;
  recoveryAuth: string;
  personalSpaceId: string;
  publicKeys: { x25519: string; ed25519: string };
  signup: z.input<typeof SignupBody>;
  /** `innermost_session=<token>` of the sign-up session. */
  cookie: string;
  /** This user's X-Forwarded-For address (test apps trust the proxy header). */
  ip: string;
}

export function signupBody(overrides: Partial<z.input<typeof SignupBody>> = {}): z.input<typeof SignupBody> {
  return {
    userId: newId(),
    email: randomEmail(),
    salt: blob.salt(),
    kdf: { algorithm: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 1 },
    loginKey: blob.key32(),
    wrappedUkByMaster: blob.sealed(),
    wrappedUkByRecovery: blob.sealed(),
    recoveryAuth: blob.key32(),
    publicKeys: { x25519: blob.key32(), ed25519: blob.key32() },
    wrappedIdentity: blob.sealed(),
    personalSpace: { id: newId(), sealedKey: blob.sealed(), membershipEntry: blob.membershipEntry() },
    ...overrides,
  };
}

export async function createUser(app: RequestableApp, overrides: Partial<z.input<typeof SignupBody>> = {}): Promise<TestUser> {
  const body = signupBody(overrides);
  const ip = randomIp();
  const { status, res, body: answer } = await call(app, 'POST', '/api/auth/signup', { json: body, as: { ip } });
  if (status !== 201) throw new Error(`createUser: sign-up answered ${status} ${JSON.stringify(answer)}`);
  const cookie = sessionCookieFrom(res);
  if (!cookie) throw new Error('createUser: no session cookie');
  return {
    id: body.userId,
    email: body.email,
    loginKey: body.loginKey,
    recoveryAuth: body.recoveryAuth,
    personalSpaceId: body.personalSpace.id,
    publicKeys: body.publicKeys,
    signup: body,
    cookie,
    ip,
  };
}

/** A fresh session for `user` (sign-in); returns its cookie. */
export async function signIn(app: RequestableApp, user: Pick<TestUser, 'email' | 'loginKey' | 'ip'>): Promise<string> {
  const { status, res } = await call(app, 'POST', '/api/auth/signin', { json: { email: user.email, loginKey: user.loginKey }, as: { ip: user.ip } });
  if (status !== 200) throw new Error(`signIn: answered ${status}`);
  const cookie = sessionCookieFrom(res);
  if (!cookie) throw new Error('signIn: no session cookie');
  return cookie;
}
