/**
 * The actions the screens call (see Actions in store.ts), loaded on demand by actions.ts. Each
 * one either finishes or throws an ActionError with a stable code, and never leaves the device
 * half signed in.
 */
import type { AccountBundle, InviteInfo, SessionInfo } from '../../shared/api.ts';
import { fromB64, toB64 } from '../../shared/base64.ts';
import { uuidv7 } from '../../shared/ids.ts';
import {
  deriveInviteToken,
  formatInviteFragment,
  generateInviteSecret,
  inviteMac,
  inviteTokenHash,
  openInviteSecret,
  parseInviteFragment,
  sealInviteSecret,
} from '../../crypto/invite.ts';
import { signMembershipEntry } from '../../crypto/membership.ts';
import { safetyCode } from '../../crypto/safety-code.ts';
import { generateSpaceKey, sealSpaceKey } from '../../crypto/space-keys.ts';
import { api } from '../lib/api.ts';
import { engine } from '../sync/index.ts';
import { registerAllKinds } from '../kinds.ts';
import { profileKind, spaceNameKind } from '../spaces/kinds.ts';
import { activateSpaces, deferProfile } from '../spaces/views.ts';
import { getDevice, putDevice, wipeDevice } from '../sync/local-db.ts';
import * as account from '../vault/account.ts';
import { forgetUserKey, recallUserKey, rememberUserKey } from '../vault/device-unlock.ts';
import { clearKeyring, keyring, requireKeyring, setKeyring, type KeyRing } from '../vault/keyring.ts';
import { authStatus, me, removedSpaceIds, spaces, syncState, type Actions } from './store.ts';
import { ActionError, type InviteView } from './types.ts';

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
  registerAllKinds();
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
    const { user } = await api<{ user: AccountBundle }>('GET', '/api/auth/me');
    await putDevice(ACCOUNT_KEY, user);
  } catch (error) {
    if (error instanceof ActionError && error.code === 'unauthenticated') await wipeLocal();
  }
}

function spaceKeyFor(spaceId: string, epoch?: number): { key: Uint8Array; epoch: number } {
  const state = engine.spaceState(spaceId);
  if (!state) throw new ActionError('not-found');
  const e = epoch ?? state.epoch;
  const key = state.keys.get(e);
  if (!key) throw new ActionError('rotation-required');
  return { key, epoch: e };
}

function inviteView(spaceId: string, invite: InviteInfo): InviteView {
  let url: string | null = null;
  if (invite.status === 'open') {
    const state = engine.spaceState(spaceId);
    const key = state?.keys.get(invite.epoch);
    if (key) {
      try {
        const secret = openInviteSecret({ spaceKey: key, spaceId, inviteId: invite.id, epoch: invite.epoch, sealed: fromB64(invite.sealedSecret) });
        url = `${location.origin}/join#${formatInviteFragment(invite.id, secret)}`;
      } catch {
        url = null;
      }
    }
  }
  return { id: invite.id, createdAt: invite.createdAt, expiresAt: invite.expiresAt, status: invite.status, url };
}

function parseFragment(fragment: string) {
  try {
    return parseInviteFragment(fragment);
  } catch {
    throw new ActionError('invite-link-malformed');
  }
}

export const sessionActions: Actions = {
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
    await api('POST', '/api/auth/signout').catch(() => undefined);
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

  async deleteAccount(password) {
    const bundle = await requireBundle();
    await account.deleteAccount(bundle, password, () => engine.departuresFromAll());
    await wipeLocal();
  },

  async listSessions() {
    const { sessions } = await api<{ sessions: SessionInfo[] }>('GET', '/api/auth/sessions');
    return sessions;
  },

  async revokeSession(sessionId) {
    await api('DELETE', `/api/auth/sessions/${encodeURIComponent(sessionId)}`);
  },

  async revokeOtherSessions() {
    await api('POST', '/api/auth/sessions/revoke-others');
  },

  async createSpace({ name, displayName, pronouns }) {
    const r = requireKeyring();
    const spaceId = uuidv7();
    const spaceKey = generateSpaceKey();
    const sealedKey = sealSpaceKey({
      spaceKey,
      spaceId,
      epoch: 1,
      recipientUserId: r.userId,
      recipientPublicKey: r.identity.x25519.publicKey,
      senderUserId: r.userId,
      senderSigningKey: r.identity.ed25519.secretKey,
    });
    const membershipEntry = signMembershipEntry(
      {
        spaceId,
        epoch: 1,
        action: 'create',
        by: r.userId,
        members: [{ userId: r.userId, x25519: r.identity.x25519.publicKey, ed25519: r.identity.ed25519.publicKey }],
        prevHash: new Uint8Array(32),
        at: Date.now(),
      },
      r.identity.ed25519.secretKey,
    );
    await api('POST', '/api/spaces', { id: spaceId, sealedKey: toB64(sealedKey), membershipEntry: toB64(membershipEntry) });
    await engine.syncNow();
    if (name.trim()) await engine.write(spaceId, spaceNameKind, { name: name.trim() });
    if (displayName.trim()) await engine.write(spaceId, profileKind, { displayName: displayName.trim(), pronouns: pronouns.trim() });
    return { spaceId };
  },

  async setSpaceName(spaceId, name) {
    await engine.write(spaceId, spaceNameKind, { name: name.trim() });
  },

  async setProfile(spaceId, { displayName, pronouns }) {
    const profile = { displayName: displayName.trim(), pronouns: pronouns.trim() };
    const state = engine.spaceState(spaceId);
    const mine = state?.summary.members.find((m) => m.userId === keyring()?.userId);
    if (state && mine?.status === 'pending') {
      await deferProfile(spaceId, profile);
      return;
    }
    await engine.write(spaceId, profileKind, profile);
  },

  async createInvite(spaceId) {
    const { key, epoch } = spaceKeyFor(spaceId);
    const inviteId = uuidv7();
    const secret = generateInviteSecret();
    const tokenHash = inviteTokenHash(deriveInviteToken(secret));
    const sealedSecret = sealInviteSecret({ spaceKey: key, spaceId, inviteId, epoch, secret });
    const { invite } = await api<{ invite: InviteInfo }>('POST', `/api/spaces/${spaceId}/invites`, {
      id: inviteId,
      tokenHash: toB64(tokenHash),
      sealedSecret: toB64(sealedSecret),
    });
    return { ...inviteView(spaceId, invite), url: `${location.origin}/join#${formatInviteFragment(inviteId, secret)}` };
  },

  async listInvites(spaceId) {
    const { invites } = await api<{ invites: InviteInfo[] }>('GET', `/api/spaces/${spaceId}/invites`);
    return invites.map((invite) => inviteView(spaceId, invite)).sort((a, b) => b.createdAt - a.createdAt);
  },

  async revokeInvite(spaceId, inviteId) {
    await api('DELETE', `/api/spaces/${spaceId}/invites/${inviteId}`);
  },

  async previewInvite(fragment) {
    const { inviteId, secret } = parseFragment(fragment);
    return api('POST', `/api/invites/${inviteId}/preview`, { token: toB64(deriveInviteToken(secret)) });
  },

  async acceptInvite(fragment) {
    const r = requireKeyring();
    const { inviteId, secret } = parseFragment(fragment);
    const token = toB64(deriveInviteToken(secret));
    const preview = await api<{ spaceId: string }>('POST', `/api/invites/${inviteId}/preview`, { token });
    const mac = inviteMac({
      secret,
      inviteId,
      spaceId: preview.spaceId,
      userId: r.userId,
      publicKeys: { x25519: r.identity.x25519.publicKey, ed25519: r.identity.ed25519.publicKey },
    });
    const result = await api<{ spaceId: string }>('POST', `/api/invites/${inviteId}/accept`, { token, mac: toB64(mac) });
    const acceptedAt = Date.now();
    await engine.syncNow();
    // A member's device may already have checked our keys against the invite and declined us:
    // a sync completed since the accept and the space is not there.
    const synced = (syncState.value.lastSyncedAt ?? 0) >= acceptedAt;
    if (!engine.spaceState(result.spaceId) && (synced || removedSpaceIds.value.has(result.spaceId))) {
      throw new ActionError('invite-mac-invalid');
    }
    return result;
  },

  async safetyCode(spaceId) {
    const state = engine.spaceState(spaceId);
    if (!state) throw new ActionError('not-found');
    if (state.integrityWarning === 'membership' || !state.head) throw new ActionError('membership-invalid');
    return safetyCode(spaceId, state.logMembers, state.head);
  },

  async removeMember(spaceId, userId) {
    await engine.removeMember(spaceId, userId);
  },

  async leaveSpace(spaceId, { erase } = { erase: false }) {
    await api('POST', `/api/spaces/${spaceId}/leave`, { departure: await engine.departureFrom(spaceId, { erase }) });
    engine.forgetSpace(spaceId);
  },
};
