import { syncState } from './status.ts';
import { t } from './messages.ts';

/** A quiet line about the connection: offline, changes waiting, or up to date. Never alarming. */
export function SyncStatus() {
  const s = syncState.value;
  let state: 'offline' | 'pending' | 'held' | 'connecting' | 'ok';
  let text: string;
  if (!s.online) {
    state = 'offline';
    text = t('sync.offline');
  } else if (s.pendingWrites > 0 && s.heldBy) {
    // A server limit (ADR 030): the changes are safe here; say why they wait, kindly.
    state = 'held';
    text = t(`sync.held.${s.heldBy}`);
  } else if (s.pendingWrites > 0) {
    state = 'pending';
    text = t('sync.pending', { count: s.pendingWrites });
  } else if (!s.live && s.lastSyncedAt === null) {
    state = 'connecting';
    text = t('sync.connecting');
  } else {
    state = 'ok';
    text = t('sync.upToDate');
  }
  return (
    <p class={`sync-status sync-${state}`} role="note" aria-label={t('sync.label')}>
      <span class="sync-dot" aria-hidden="true" />
      {text}
    </p>
  );
}
