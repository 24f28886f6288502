/**
 * createUser(app, overrides): signs up a user with real identity keys (the server checks the
 * personal space's signed 'create' entry) and random, valid-looking wrapped secrets.
 */
import type { z } from 'zod';
import type { SignupBody } from '../../src/shared/api.ts';
import type { Identity } from '../../src/crypto/identity.ts';
import { generateSpaceKey, sealSpaceKey } from '../../src/crypto/space-keys.ts';
import { toB64 } from '../../src/shared/base64.ts';
import { blob, newId, randomEmail, randomIp } from './blobs.ts';
import { createEntry, newIdentity } from './membership.ts';
import { type RequestableApp, call, sessionCookieFrom } from './http.ts';

export interface TestUser {
  id: string;
  email: string;
  loginKey: string;
  recoveryAuth: string;
  personalSpaceId: string;
  publicKeys: { x25519: string; ed25519: string };
  /** The real identity key pairs behind publicKeys (to sign membership entries and departures). */
  identity: Identity;
  signup: z.input<typeof SignupBody>;
  /** `innermost_session=<token>` of the sign-up session. */
  cookie: string;
  /** This user's X-Forwarded-For address (test apps trust the proxy header). */
  ip: string;
}

/** A sign-up body; its identity keys are returned beside it, out of the body the server sees. */
export function signupWithIdentity(overrides: Partial<z.input<typeof SignupBody>> = {}): { body: z.input<typeof SignupBody>; identity: Identity } {
  const userId = overrides.userId ?? newId();
  const personalSpaceId = newId();
  const { identity, publicKeys } = newIdentity();
  const body: z.input<typeof SignupBody> = {
    userId,
    email: randomEmail(),
    salt: blob.salt(),
    kdf: { algorithm: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 1 },
    loginKey: blob.key32(),
    wrappedUkByMaster: blob.sealed(),
    wrappedUkByRecovery: blob.sealed(),
    recoveryAuth: blob.key32(),
    publicKeys,
    wrappedIdentity: blob.sealed(),
    personalSpace: {
      id: personalSpaceId,
      // A real key sealed to the user by themselves, so client code can open the personal space.
      sealedKey: toB64(
        sealSpaceKey({
          spaceKey: generateSpaceKey(),
          spaceId: personalSpaceId,
          epoch: 1,
          recipientUserId: userId,
          recipientPublicKey: identity.x25519.publicKey,
          senderUserId: userId,
          senderSigningKey: identity.ed25519.secretKey,
        }),
      ),
      membershipEntry: createEntry(personalSpaceId, { id: userId, identity }),
    },
    ...overrides,
  };
  return { body, identity };
}

export function signupBody(overrides: Partial<z.input<typeof SignupBody>> = {}): z.input<typeof SignupBody> {
  return signupWithIdentity(overrides).body;
}

export async function createUser(app: RequestableApp, overrides: Partial<z.input<typeof SignupBody>> = {}): Promise<TestUser> {
  const { body, identity } = signupWithIdentity(overrides);
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
    identity,
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
