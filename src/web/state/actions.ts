/**
 * The actions the screens call. A thin facade: the account, vault, sync and crypto code (most of
 * the app's JavaScript) loads only when an action needs it, so the first screen of someone who
 * is not signed in stays small. `start` decides the first screen without loading any of it.
 */
import type { AccountBundle } from '../../shared/api.ts';
import { api } from '../lib/api.ts';
import { lazyActions, loadOnce } from '../lib/lazy.ts';
import { getDevice, putDevice } from '../sync/local-db.ts';
import { authStatus, me, type Actions } from './store.ts';

const load = loadOnce(() => import('./session-actions.ts').then((m) => m.sessionActions));

async function start(): Promise<void> {
  const cached = await getDevice<AccountBundle>('account').catch(() => undefined);
  if (cached) return (await load()).start();
  try {
    // Signed in on the server but nothing on this device (for example after "keep me unlocked"
    // was off): the password unlocks, and the keys come from the account material. Asked of a
    // route that answers 200 when signed out too: the welcome screen makes no failed request.
    const { user } = await api<{ user: AccountBundle | null }>('GET', '/api/auth/session');
    if (!user) {
      authStatus.value = 'signed-out';
      return;
    }
    await putDevice('account', user);
    me.value = { id: user.id, email: user.email, personalSpaceId: user.personalSpaceId };
    authStatus.value = 'locked';
  } catch {
    authStatus.value = 'signed-out';
  }
}

const { start: _start, ...session } = lazyActions<Actions>(load, {
  start: true,
  signUp: true,
  signIn: true,
  unlock: true,
  lock: true,
  signOut: true,
  recover: true,
  changePassword: true,
  deleteAccount: true,
  listSessions: true,
  revokeSession: true,
  revokeOtherSessions: true,
  createSpace: true,
  setSpaceName: true,
  setProfile: true,
  createInvite: true,
  listInvites: true,
  revokeInvite: true,
  previewInvite: true,
  acceptInvite: true,
  safetyCode: true,
  leaveSpace: true,
  removeMember: true,
});

/** `start` decides the first screen itself; everything else loads the session code first. */
export const actions: Actions = { ...session, start };
