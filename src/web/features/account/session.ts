/**
 * The account actions the screens call. A thin facade: the account, vault, sync and crypto code
 * (most of the app's JavaScript) loads only when an action needs it, so the first screen of
 * someone who is not signed in stays small. `start` decides the first screen without loading any
 * of it.
 */
import type { AccountBundle, SignupPermit } from '../../../shared/api.ts';
import { call, client } from '../../platform/api.ts';
import { lazyActions, loadOnce } from '../../platform/lazy.ts';
import { getDevice, putDevice } from '../../platform/local-db.ts';
import { effect } from '@preact/signals';
import { authStatus, me } from '../../vault/status.ts';
import type { IdleMinutes } from './idle-lock.ts';

export interface SessionView {
  id: string;
  label: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  current: boolean;
}

/** This device's app lock, as Account and the lock screen show it. */
export interface AppLockView {
  pin: boolean;
  /** Face or fingerprint is set up on this device. */
  platform: boolean;
  /** This browser and device can offer face or fingerprint (WebAuthn PRF on a platform authenticator). */
  platformSupported: boolean;
  /** PIN tries left before the password is needed. */
  triesLeft: number;
  idleMinutes: IdleMinutes;
}

export interface AccountActions {
  /** Reads what this device remembers and sets authStatus. Call once at start. */
  start(): Promise<void>;
  /** Creates the account and signs in. Returns the recovery code, to show once. */
  signUp(input: { email: string; password: string; rememberDevice: boolean; permit?: SignupPermit }): Promise<{ recoveryCode: string }>;
  signIn(input: { email: string; password: string; rememberDevice: boolean }): Promise<void>;
  unlock(password: string): Promise<void>;
  /** Wipes keys from memory and from this device; the session stays, the password unlocks. */
  lock(): Promise<void>;
  /** Ends the session and wipes every key and cached record from this device. */
  signOut(): Promise<void>;
  /** Sets a new password with the recovery code; returns the NEW recovery code (the old one stops working). */
  recover(input: { email: string; recoveryCode: string; newPassword: string; rememberDevice: boolean }): Promise<{ recoveryCode: string }>;
  changePassword(input: { currentPassword: string; newPassword: string }): Promise<void>;
  /** A new recovery code (the old one stops working); returns it, to show once. */
  renewRecoveryCode(password: string): Promise<{ recoveryCode: string }>;
  deleteAccount(password: string): Promise<void>;
  appLock(): Promise<AppLockView>;
  /** Null when it opened; otherwise the tries left (0: the PIN is gone, the password opens). */
  unlockWithPin(pin: string): Promise<{ triesLeft: number } | null>;
  unlockWithPlatform(): Promise<void>;
  /** Sets or replaces this device's PIN; asks for the password. */
  setPin(input: { password: string; pin: string }): Promise<void>;
  removePin(password: string): Promise<void>;
  addPlatformUnlock(): Promise<void>;
  removePlatformUnlock(password: string): Promise<void>;
  setIdleLock(minutes: IdleMinutes): Promise<void>;
  listSessions(): Promise<SessionView[]>;
  revokeSession(sessionId: string): Promise<void>;
  revokeOtherSessions(): Promise<void>;
}

const load = loadOnce(() => import('./session-engine.ts').then((m) => m.sessionActions));

/**
 * A note in this browser that someone was signed in here, kept while they are (locked or not).
 * Without it and without keys on the device, nobody can be signed in here but by a cookie left
 * behind when storage was cleared by hand: the welcome shows at once and the server is asked after,
 * rather than every new visitor waiting a round trip for a welcome (Lighthouse's largest paint).
 */
const SIGNED_IN_HERE = 'innermost:signed-in-here';

function noteSignedIn(): void {
  effect(() => {
    const status = authStatus.value;
    try {
      if (status === 'locked' || status === 'unlocked') localStorage.setItem(SIGNED_IN_HERE, '1');
      else if (status === 'signed-out') localStorage.removeItem(SIGNED_IN_HERE);
    } catch {
      // Storage refused (a private window's quota): the note only saves a round trip.
    }
  });
}

function signedInHere(): boolean {
  try {
    return localStorage.getItem(SIGNED_IN_HERE) !== null;
  } catch {
    return true;
  }
}

async function start(): Promise<void> {
  // Nobody signed in here: the welcome is decided before the first frame, not after the device's
  // database answers (that wait held the welcome's words back a frame and more). A device that
  // still keeps an account without the note (kept by an older version) moves on from the welcome
  // as soon as the database answers, and gets the note from then on.
  const noted = signedInHere();
  if (!noted) authStatus.value = 'signed-out';
  const cached = await getDevice<AccountBundle>('account').catch(() => undefined);
  noteSignedIn();
  if (cached) return (await load()).start();
  if (noted) return askServer();
  void askServer();
}

/**
 * Signed in on the server but nothing on this device (for example after "keep me unlocked" was
 * off): the password unlocks, and the keys come from the account material. Asked of a route that
 * answers 200 when signed out too: the welcome screen makes no failed request.
 */
async function askServer(): Promise<void> {
  try {
    const { user } = await call(client.api.auth.session.$get());
    // Asked after the welcome showed: someone may have signed in or up meanwhile.
    if (authStatus.peek() !== 'loading' && authStatus.peek() !== 'signed-out') return;
    if (!user) {
      authStatus.value = 'signed-out';
      return;
    }
    await putDevice('account', user);
    me.value = { id: user.id, email: user.email, personalSpaceId: user.personalSpaceId };
    authStatus.value = 'locked';
  } catch {
    if (authStatus.peek() === 'loading') authStatus.value = 'signed-out';
  }
}

const { start: _start, ...session } = lazyActions<AccountActions>(load, {
  start: true,
  signUp: true,
  signIn: true,
  unlock: true,
  lock: true,
  signOut: true,
  recover: true,
  changePassword: true,
  renewRecoveryCode: true,
  deleteAccount: true,
  appLock: true,
  unlockWithPin: true,
  unlockWithPlatform: true,
  setPin: true,
  removePin: true,
  addPlatformUnlock: true,
  removePlatformUnlock: true,
  setIdleLock: true,
  listSessions: true,
  revokeSession: true,
  revokeOtherSessions: true,
});

/** `start` decides the first screen itself; everything else loads the session code first. */
export const accountActions: AccountActions = { ...session, start };

export type SignupMode = 'open' | 'invite' | 'closed';

/** Who may make an account on this instance (ADR 030); 'open' if the server cannot say (an older one). */
export async function signupMode(): Promise<SignupMode> {
  const { mode } = await call(client.api.auth['signup-mode'].$get());
  return mode;
}
