/**
 * Account flows on the device: every password, key and recovery code is handled here and only
 * derived proofs (loginKey, recoveryAuth) and wrapped keys go to the server. See docs/crypto.md.
 */
import type { AccountBundle, SignupBody, SignupPermit } from '../../shared/api.ts';
import { fromB64, toB64 } from '../../shared/base64.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { randomBytes } from '../../crypto/bytes.ts';
import { generateIdentity, generateUserKey, unwrapIdentity, unwrapUserKey, wrapIdentity, wrapUserKey } from '../../crypto/identity.ts';
import { KDF_DEFAULT, SALT_BYTES, type KdfParams } from '../../crypto/kdf.ts';
import { signMembershipEntry } from '../../crypto/membership.ts';
import { skipBaseTable } from '../../crypto/sign.ts';
import { deriveRecoveryKeys, generateRecoveryCode, parseRecoveryCode } from '../../crypto/recovery.ts';
import { generateSpaceKey, sealSpaceKey } from '../../crypto/space-keys.ts';
import { call, client } from '../platform/api.ts';
import { ActionError } from '../platform/errors/action-error.ts';
import { deriveKeys } from './kdf.ts';
import type { KeyRing } from './keyring.ts';

// Before the first key is opened: the table would cost more of the first screen than it saves (sign.ts).
skipBaseTable();

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function openBundle(bundle: AccountBundle, uk: Uint8Array): KeyRing {
  const identity = unwrapIdentity(uk, bundle.id, fromB64(bundle.wrappedIdentity));
  return { userId: bundle.id, email: bundle.email, uk, identity };
}

function recoveryMaterial(email: string, userId: string, uk: Uint8Array) {
  const recoveryCode = generateRecoveryCode();
  const { recoveryKey, recoveryAuth } = deriveRecoveryKeys(parseRecoveryCode(recoveryCode), email);
  const wrappedUkByRecovery = wrapUserKey(recoveryKey, 'recovery', userId, uk);
  return { recoveryCode, recoveryAuth, wrappedUkByRecovery };
}

async function passwordMaterial(password: string, userId: string, uk: Uint8Array, kdf: KdfParams = KDF_DEFAULT) {
  const salt = randomBytes(SALT_BYTES);
  const { masterKey, loginKey } = await deriveKeys(password, salt, kdf);
  const wrappedUkByMaster = wrapUserKey(masterKey, 'master', userId, uk);
  masterKey.fill(0);
  return { salt, kdf, loginKey, wrappedUkByMaster };
}

/** `permit`: an invitation or sign-up link, for an instance that is not open to everyone (ADR 030). */
export async function signUp(
  emailInput: string,
  password: string,
  permit?: SignupPermit,
): Promise<{ bundle: AccountBundle; ring: KeyRing; recoveryCode: string }> {
  const email = normalizeEmail(emailInput);
  const userId = uuidv7();
  const uk = generateUserKey();
  const identity = generateIdentity();
  const pw = await passwordMaterial(password, userId, uk);
  const rec = recoveryMaterial(email, userId, uk);

  const spaceId = uuidv7();
  const spaceKey = generateSpaceKey();
  const me = { userId, x25519: identity.x25519.publicKey, ed25519: identity.ed25519.publicKey };
  const sealedKey = sealSpaceKey({
    spaceKey,
    spaceId,
    epoch: 1,
    recipientUserId: userId,
    recipientPublicKey: identity.x25519.publicKey,
    senderUserId: userId,
    senderSigningKey: identity.ed25519.secretKey,
  });
  const membershipEntry = signMembershipEntry(
    { spaceId, epoch: 1, action: 'create', by: userId, members: [me], prevHash: new Uint8Array(32), at: Date.now() },
    identity.ed25519.secretKey,
  );

  const body: SignupBody = {
    userId,
    email,
    salt: toB64(pw.salt),
    kdf: pw.kdf,
    loginKey: toB64(pw.loginKey),
    wrappedUkByMaster: toB64(pw.wrappedUkByMaster),
    wrappedUkByRecovery: toB64(rec.wrappedUkByRecovery),
    recoveryAuth: toB64(rec.recoveryAuth),
    publicKeys: { x25519: toB64(identity.x25519.publicKey), ed25519: toB64(identity.ed25519.publicKey) },
    wrappedIdentity: toB64(wrapIdentity(uk, userId, identity)),
    personalSpace: { id: spaceId, sealedKey: toB64(sealedKey), membershipEntry: toB64(membershipEntry) },
    ...(permit ? { permit } : {}),
  };
  const { user } = await call(client.api.auth.signup.$post({ json: body }));
  return { bundle: user, ring: { userId, email, uk, identity }, recoveryCode: rec.recoveryCode };
}

export async function signIn(emailInput: string, password: string): Promise<{ bundle: AccountBundle; ring: KeyRing }> {
  const email = normalizeEmail(emailInput);
  const params = await call(client.api.auth.params.$get({ query: { email } }));
  const { masterKey, loginKey } = await deriveKeys(password, fromB64(params.salt), params.kdf);
  const { user } = await call(client.api.auth.signin.$post({ json: { email, loginKey: toB64(loginKey) } }));
  try {
    const uk = unwrapUserKey(masterKey, 'master', user.id, fromB64(user.wrappedUkByMaster));
    return { bundle: user, ring: openBundle(user, uk) };
  } finally {
    masterKey.fill(0);
  }
}

/** Unlocks with the password against the account material cached on this device (works offline). */
export async function unlockWithPassword(bundle: AccountBundle, password: string): Promise<KeyRing> {
  const { masterKey } = await deriveKeys(password, fromB64(bundle.salt), bundle.kdf);
  try {
    const uk = unwrapUserKey(masterKey, 'master', bundle.id, fromB64(bundle.wrappedUkByMaster));
    return openBundle(bundle, uk);
  } catch {
    throw new ActionError('wrong-password');
  } finally {
    masterKey.fill(0);
  }
}

export function unlockWithUserKey(bundle: AccountBundle, uk: Uint8Array): KeyRing {
  return openBundle(bundle, uk);
}

export async function recover(
  emailInput: string,
  codeInput: string,
  newPassword: string,
): Promise<{ bundle: AccountBundle; ring: KeyRing; recoveryCode: string }> {
  const email = normalizeEmail(emailInput);
  let code: Uint8Array;
  try {
    code = parseRecoveryCode(codeInput);
  } catch {
    throw new ActionError('recovery-code-malformed');
  }
  const { recoveryKey, recoveryAuth } = deriveRecoveryKeys(code, email);
  const found = await call(client.api.auth.recovery.bundle.$post({ json: { email, recoveryAuth: toB64(recoveryAuth) } }));
  let uk: Uint8Array;
  try {
    uk = unwrapUserKey(recoveryKey, 'recovery', found.userId, fromB64(found.wrappedUkByRecovery));
  } catch {
    throw new ActionError('invalid-recovery-code');
  }
  const pw = await passwordMaterial(newPassword, found.userId, uk);
  const rec = recoveryMaterial(email, found.userId, uk);
  const { user } = await call(
    client.api.auth.recovery.complete.$post({
      json: {
        email,
        recoveryAuth: toB64(recoveryAuth),
        salt: toB64(pw.salt),
        kdf: pw.kdf,
        loginKey: toB64(pw.loginKey),
        wrappedUkByMaster: toB64(pw.wrappedUkByMaster),
        wrappedUkByRecovery: toB64(rec.wrappedUkByRecovery),
        newRecoveryAuth: toB64(rec.recoveryAuth),
      },
    }),
  );
  return { bundle: user, ring: openBundle(user, uk), recoveryCode: rec.recoveryCode };
}

/** Proves the current password to the server (for password change and account deletion). */
async function currentLoginKey(bundle: AccountBundle, password: string): Promise<Uint8Array> {
  const { masterKey, loginKey } = await deriveKeys(password, fromB64(bundle.salt), bundle.kdf);
  try {
    unwrapUserKey(masterKey, 'master', bundle.id, fromB64(bundle.wrappedUkByMaster));
  } catch {
    throw new ActionError('wrong-password');
  } finally {
    masterKey.fill(0);
  }
  return loginKey;
}

export async function changePassword(bundle: AccountBundle, ring: KeyRing, currentPassword: string, newPassword: string): Promise<AccountBundle> {
  const current = await currentLoginKey(bundle, currentPassword);
  const pw = await passwordMaterial(newPassword, ring.userId, ring.uk);
  await call(
    client.api.auth.password.$post({
      json: {
        currentLoginKey: toB64(current),
        salt: toB64(pw.salt),
        kdf: pw.kdf,
        loginKey: toB64(pw.loginKey),
        wrappedUkByMaster: toB64(pw.wrappedUkByMaster),
      },
    }),
  );
  const { user } = await call(client.api.auth.me.$get());
  return user;
}

/** A new recovery code, with the password; the old code stops working. Returns the new code, to show once. */
export async function renewRecoveryCode(bundle: AccountBundle, ring: KeyRing, currentPassword: string): Promise<{ recoveryCode: string }> {
  const current = await currentLoginKey(bundle, currentPassword);
  const rec = recoveryMaterial(bundle.email, ring.userId, ring.uk);
  await call(
    client.api.auth.recovery.renew.$post({
      json: { currentLoginKey: toB64(current), recoveryAuth: toB64(rec.recoveryAuth), wrappedUkByRecovery: toB64(rec.wrappedUkByRecovery) },
    }),
  );
  return { recoveryCode: rec.recoveryCode };
}

/**
 * Deletes the account, with a signed departure from each shared space (`departures` signs them
 * from the latest sync). A space joined in between answers departure-required: sync and sign again.
 */
export async function deleteAccount(
  bundle: AccountBundle,
  password: string,
  departures: () => Promise<{ spaceId: string; departure: string }[]>,
): Promise<void> {
  const loginKey = toB64(await currentLoginKey(bundle, password));
  try {
    await call(client.api.auth.account.$delete({ json: { loginKey, departures: await departures() } }));
  } catch (error) {
    if (!(error instanceof ActionError && error.code === 'departure-required')) throw error;
    await call(client.api.auth.account.$delete({ json: { loginKey, departures: await departures() } }));
  }
}
