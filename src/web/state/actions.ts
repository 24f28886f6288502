/**
 * The actions the screens call. A thin facade: the account, vault, sync and crypto code (most of
 * the app's JavaScript) loads only when an action needs it, so the first screen of someone who
 * is not signed in stays small. `start` decides the first screen without loading any of it.
 */
import type { AccountBundle } from '../../shared/api.ts';
import { api } from '../lib/api.ts';
import { getDevice, putDevice } from '../sync/local-db.ts';
import { authStatus, me, type Actions } from './store.ts';

let loading: Promise<Actions> | null = null;

function load(): Promise<Actions> {
  loading ??= import('./session-actions.ts').then((m) => m.sessionActions);
  return loading;
}

function lazy<K extends keyof Actions>(name: K): Actions[K] {
  return (async (...args: unknown[]) => {
    const impl = await load();
    return (impl[name] as (...a: unknown[]) => unknown)(...args);
  }) as Actions[K];
}

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

export const actions: Actions = {
  start,
  signUp: lazy('signUp'),
  signIn: lazy('signIn'),
  unlock: lazy('unlock'),
  lock: lazy('lock'),
  signOut: lazy('signOut'),
  recover: lazy('recover'),
  changePassword: lazy('changePassword'),
  deleteAccount: lazy('deleteAccount'),
  listSessions: lazy('listSessions'),
  revokeSession: lazy('revokeSession'),
  revokeOtherSessions: lazy('revokeOtherSessions'),
  createSpace: lazy('createSpace'),
  setSpaceName: lazy('setSpaceName'),
  setProfile: lazy('setProfile'),
  createInvite: lazy('createInvite'),
  listInvites: lazy('listInvites'),
  revokeInvite: lazy('revokeInvite'),
  previewInvite: lazy('previewInvite'),
  acceptInvite: lazy('acceptInvite'),
  safetyCode: lazy('safetyCode'),
  leaveSpace: lazy('leaveSpace'),
  removeMember: lazy('removeMember'),
};
