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
import * as appLock from '../../vault/app-lock.ts';
import { forgetUnlock, recallUnlock, rememberUnlock, type Recalled } from '../../vault/device-unlock.ts';
import { derivePinSecretOffThread } from '../../vault/kdf.ts';
import { createPlatformUnlock, evaluatePlatformUnlock, platformUnlockSupported } from '../../vault/platform-unlock.ts';
import { clearKeyring, requireKeyring, setKeyring, type KeyRing } from '../../vault/keyring.ts';
import { authStatus, me } from '../../vault/status.ts';
import { isIdleMinutes, watchIdle, type IdleMinutes } from './idle-lock.ts';
import type { AccountActions } from './session.ts';

const ACCOUNT_KEY = 'account';
const REMEMBER_KEY = 'remember-device';
const IDLE_KEY = 'idle-lock-minutes';

let stopIdle: () => void = () => undefined;

async function idleMinutes(): Promise<IdleMinutes> {
  const stored = await getDevice<unknown>(IDLE_KEY).catch(() => undefined);
  return isIdleMinutes(stored) ? stored : 0;
}

/** (Re)starts the idle lock with this device's choice; called whenever Innermost opens. */
async function startIdleLock(): Promise<void> {
  stopIdle();
  stopIdle = watchIdle({ target: window, returns: [document, window], minutes: await idleMinutes(), onIdle: () => void sessionActions.lock() });
}

/** True when this device keeps the unlock behind a PIN or a face or fingerprint (never openly then). */
async function appLockOn(userId: string): Promise<boolean> {
  const state = await appLock.appLockState(userId);
  return state.pin || state.platform;
}

async function cachedBundle(): Promise<AccountBundle | undefined> {
  return getDevice<AccountBundle>(ACCOUNT_KEY);
}

async function requireBundle(): Promise<AccountBundle> {
  const bundle = await cachedBundle();
  if (!bundle) throw new ActionError('unauthenticated');
  return bundle;
}

/** `remembered`: this device already keeps the unlock as it should (opened from it just now). */
async function enterUnlocked(bundle: AccountBundle, ring: KeyRing, rememberDevice: boolean, remembered = false): Promise<void> {
  setKeyring(ring);
  await putDevice(ACCOUNT_KEY, bundle);
  await putDevice(REMEMBER_KEY, rememberDevice);
  if (await appLockOn(bundle.id)) await forgetUnlock();
  else if (rememberDevice && !remembered) await rememberUnlock(bundle.id, ring.uk, ring.identity);
  else if (!rememberDevice) await forgetUnlock();
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
  await startIdleLock();
}

/** Opens from what the app lock kept (the identity is always kept with it). */
async function enterFromAppLock(recalled: Recalled): Promise<void> {
  const bundle = await requireBundle();
  const ring = recalled.identity
    ? { userId: bundle.id, email: bundle.email, uk: recalled.uk, identity: recalled.identity }
    : account.unlockWithUserKey(bundle, recalled.uk);
  await enterUnlocked(bundle, ring, (await getDevice<boolean>(REMEMBER_KEY)) ?? false, true);
}

/** Changes to the app lock ask for the password: someone holding the open phone cannot set their own PIN. */
async function confirmPassword(password: string): Promise<void> {
  await account.unlockWithPassword(await requireBundle(), password);
}

/** After a way is removed: with none left, the device keeps the unlock as "keep me unlocked" says. */
async function afterAppLockChange(): Promise<void> {
  const ring = requireKeyring();
  if (await appLockOn(ring.userId)) await forgetUnlock();
  else if ((await getDevice<boolean>(REMEMBER_KEY)) ?? false) await rememberUnlock(ring.userId, ring.uk, ring.identity);
}

/** Forgets everything on this device: keys, cache, outbox, account material. */
async function wipeLocal(): Promise<void> {
  stopIdle();
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
    const recalled = await recallUnlock(bundle.id).catch(() => null);
    if (recalled?.identity) {
      const ring = { userId: bundle.id, email: bundle.email, uk: recalled.uk, identity: recalled.identity };
      await enterUnlocked(bundle, ring, true, true);
    } else if (recalled) {
      // Kept by an earlier version (the user key only): open it the long way, and keep it anew.
      await enterUnlocked(bundle, account.unlockWithUserKey(bundle, recalled.uk), true);
    } else authStatus.value = 'locked';
    void checkSession();
  },

  async signUp({ email, password, rememberDevice, permit }) {
    await wipeDevice();
    const { bundle, ring, recoveryCode } = await account.signUp(email, password, permit);
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
    stopIdle();
    engine.stop();
    clearKeyring();
    await forgetUnlock();
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

  async appLock() {
    const bundle = await requireBundle();
    const [state, platformSupported, minutes] = await Promise.all([
      appLock.appLockState(bundle.id),
      platformUnlockSupported().catch(() => false),
      idleMinutes(),
    ]);
    return { ...state, platformSupported, idleMinutes: minutes };
  },

  async unlockWithPin(pin) {
    const bundle = await requireBundle();
    const result = await appLock.unlockWithPin(bundle.id, pin, derivePinSecretOffThread);
    if (!result.ok) return { triesLeft: result.triesLeft };
    await enterFromAppLock(result.recalled);
    return null;
  },

  async unlockWithPlatform() {
    const bundle = await requireBundle();
    const credential = await appLock.platformCredential(bundle.id);
    if (!credential) throw new ActionError('platform-unlock-failed');
    const recalled = await appLock.unlockWithPrf(bundle.id, await evaluatePlatformUnlock(credential.credentialId, credential.prfSalt));
    if (!recalled) throw new ActionError('platform-unlock-failed');
    await enterFromAppLock(recalled);
  },

  async setPin({ password, pin }) {
    await confirmPassword(password);
    const ring = requireKeyring();
    await appLock.setPin(ring.userId, pin, ring.uk, ring.identity, derivePinSecretOffThread);
    await afterAppLockChange();
  },

  async removePin(password) {
    await confirmPassword(password);
    await appLock.removePin(requireKeyring().userId);
    await afterAppLockChange();
  },

  async addPlatformUnlock() {
    const ring = requireKeyring();
    const prfSalt = appLock.newPrfSalt();
    const { credentialId, prfOutput } = await createPlatformUnlock(prfSalt);
    try {
      await appLock.setPlatformUnlock(ring.userId, { credentialId, prfSalt }, prfOutput, ring.uk, ring.identity);
    } finally {
      prfOutput.fill(0);
    }
    await afterAppLockChange();
  },

  async removePlatformUnlock(password) {
    await confirmPassword(password);
    await appLock.removePlatformUnlock(requireKeyring().userId);
    await afterAppLockChange();
  },

  async setIdleLock(minutes) {
    await putDevice(IDLE_KEY, minutes);
    if (authStatus.value === 'unlocked') await startIdleLock();
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
