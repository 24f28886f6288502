/**
 * The account actions (see AccountActions in session.ts), loaded on demand by session.ts. Each
 * one either finishes or throws an ActionError with a stable code, and never leaves the device
 * half signed in.
 */
import type { AccountBundle } from '../../../shared/api.ts';
import { ActionError } from '../../platform/errors/action-error.ts';
import { call, client } from '../../platform/api.ts';
import { getDevice, putDevice, wipeDevice } from '../../platform/local-db.ts';
import { spaces } from '../../spaces/store.ts';
import { activateSpaces } from '../../spaces/views.ts';
import { engine } from '../../sync/index.ts';
import { providedKinds } from '../../sync/kind-source.ts';
import { registerKinds } from '../../sync/kinds.ts';
import * as account from '../../vault/account.ts';
import { forgetUserKey, recallUserKey, rememberUserKey } from '../../vault/device-unlock.ts';
import { clearKeyring, requireKeyring, setKeyring, type KeyRing } from '../../vault/keyring.ts';
import { authStatus, me } from '../../vault/status.ts';
import type { AccountActions } from './session.ts';

const ACCOUNT_KEY = 'account';
const REMEMBER_KEY = 'remember-device';

async function cachedBundle(): Promise<AccountBundle | undefined> {
  return getDevice<AccountBundle>(ACCOUNT_KEY);
}

async function requireBundle(): Promise<AccountBundle> {
  const bundle = await cachedBundle();
  if (!bundle) throw new ActionError('unauthenticated');
  return bundle;
}

async function enterUnlocked(bundle: AccountBundle, ring: KeyRing, rememberDevice: boolean): Promise<void> {
  setKeyring(ring);
  await putDevice(ACCOUNT_KEY, bundle);
  await putDevice(REMEMBER_KEY, rememberDevice);
  if (rememberDevice) await rememberUserKey(bundle.id, ring.uk);
  else await forgetUserKey();
  me.value = { id: bundle.id, email: bundle.email, personalSpaceId: bundle.personalSpaceId };
  // Loads this device's cache (and, on a new device, waits briefly for the first sync) before
  // the first screen shows. A failure there (storage, network) must never undo the sign-in or
  // hide the recovery code that signUp is about to return.
  registerKinds(...(await providedKinds()));
  // The unlock's key work and the kinds' set-up are done: let the browser draw and take input
  // before the cache is read (one long task on a phone becomes a few short ones).
  await new Promise((resolve) => setTimeout(resolve, 0));
  activateSpaces();
  await engine.start(ring).catch((error: unknown) => console.warn('sync did not start', (error as Error).message));
  authStatus.value = 'unlocked';
}

/** Forgets everything on this device: keys, cache, outbox, account material. */
async function wipeLocal(): Promise<void> {
  engine.stop();
  clearKeyring();
  await wipeDevice();
  me.value = null;
  spaces.value = [];
  authStatus.value = 'signed-out';
}

/** Confirms in the background that the server still knows this session. */
async function checkSession(): Promise<void> {
  try {
    const { user } = await call(client.api.auth.me.$get());
    await putDevice(ACCOUNT_KEY, user);
  } catch (error) {
    if (error instanceof ActionError && error.code === 'unauthenticated') await wipeLocal();
  }
}

export const sessionActions: AccountActions = {
  /** Called by the facade only when this device holds account material. */
  async start() {
    const bundle = await cachedBundle();
    if (!bundle) return;
    me.value = { id: bundle.id, email: bundle.email, personalSpaceId: bundle.personalSpaceId };
    const uk = await recallUserKey(bundle.id).catch(() => null);
    if (uk) await enterUnlocked(bundle, account.unlockWithUserKey(bundle, uk), true);
    else authStatus.value = 'locked';
    void checkSession();
  },

  async signUp({ email, password, rememberDevice }) {
    await wipeDevice();
    const { bundle, ring, recoveryCode } = await account.signUp(email, password);
    await enterUnlocked(bundle, ring, rememberDevice);
    return { recoveryCode };
  },

  async signIn({ email, password, rememberDevice }) {
    const { bundle, ring } = await account.signIn(email, password);
    const previous = await cachedBundle().catch(() => undefined);
    if (previous && previous.id !== bundle.id) await wipeDevice();
    await enterUnlocked(bundle, ring, rememberDevice);
  },

  async unlock(password) {
    const bundle = await requireBundle();
    const ring = await account.unlockWithPassword(bundle, password);
    const remember = (await getDevice<boolean>(REMEMBER_KEY)) ?? false;
    await enterUnlocked(bundle, ring, remember);
  },

  async lock() {
    engine.stop();
    clearKeyring();
    await forgetUserKey();
    spaces.value = [];
    authStatus.value = 'locked';
  },

  async signOut() {
    await call(client.api.auth.signout.$post()).catch(() => undefined);
    await wipeLocal();
  },

  async recover({ email, recoveryCode, newPassword, rememberDevice }) {
    const result = await account.recover(email, recoveryCode, newPassword);
    const previous = await cachedBundle().catch(() => undefined);
    if (previous && previous.id !== result.bundle.id) await wipeDevice();
    await enterUnlocked(result.bundle, result.ring, rememberDevice);
    return { recoveryCode: result.recoveryCode };
  },

  async changePassword({ currentPassword, newPassword }) {
    const bundle = await requireBundle();
    const updated = await account.changePassword(bundle, requireKeyring(), currentPassword, newPassword);
    await putDevice(ACCOUNT_KEY, updated);
  },

  async renewRecoveryCode(password) {
    return account.renewRecoveryCode(await requireBundle(), requireKeyring(), password);
  },

  async deleteAccount(password) {
    const bundle = await requireBundle();
    await account.deleteAccount(bundle, password, () => engine.departuresFromAll());
    await wipeLocal();
  },

  async listSessions() {
    const { sessions } = await call(client.api.auth.sessions.$get());
    return sessions;
  },

  async revokeSession(sessionId) {
    await call(client.api.auth.sessions[':sessionId'].$delete({ param: { sessionId: encodeURIComponent(sessionId) } }));
  },

  async revokeOtherSessions() {
    await call(client.api.auth.sessions['revoke-others'].$post());
  },
};
