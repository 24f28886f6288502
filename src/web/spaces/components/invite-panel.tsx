import { useEffect, useState } from 'preact/hooks';
import { announce } from '../../ui/live-region.tsx';
import { CopyButton } from '../../ui/copy-button.tsx';
import { FormError } from '../../ui/form-error.tsx';
import { describeError, type DescribedError } from '../../platform/errors/error-catalog.ts';
import { spaceActions } from '../actions.ts';
import type { InviteView } from '../types.ts';
import { t } from '../messages.ts';
import { formatDateTime, formatRelative } from '../../platform/i18n/format.ts';
import { QrCode } from './qr-code.tsx';

interface Props {
  spaceId: string;
  /** My name, said in the share sheet's message ("Alex invited you…"). */
  myName: string | null;
}

/**
 * The invitation: the newest open link (shared through the phone's share sheet, copied, or shown
 * as a QR code), a new one when none is open, and the open ones to revoke.
 */
export function InvitePanel({ spaceId, myName }: Props) {
  const [invites, setInvites] = useState<InviteView[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DescribedError | null>(null);

  async function refresh() {
    try {
      setInvites(await spaceActions.listInvites(spaceId));
    } catch (err) {
      setError(describeError(err));
    }
  }

  useEffect(() => {
    void refresh();
  }, [spaceId]);

  async function create() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const invite = await spaceActions.createInvite(spaceId);
      setInvites((list) => [invite, ...(list ?? []).filter((i) => i.id !== invite.id)]);
      announce(t('live.inviteCreated'));
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(invite: InviteView) {
    setError(null);
    try {
      await spaceActions.revokeInvite(spaceId, invite.id);
      announce(t('live.inviteRevoked'));
      await refresh();
    } catch (err) {
      setError(describeError(err));
    }
  }

  async function share(url: string) {
    try {
      await navigator.share({ text: myName ? t('invite.shareTextFrom', { name: myName }) : t('invite.shareText'), url });
    } catch {
      // The person closed the share sheet: nothing to do.
    }
  }

  const open = (invites ?? []).filter((i) => i.status === 'open');
  const current = open.find((i) => i.url);
  const canShare = typeof navigator.share === 'function';

  return (
    <div class="stack invite-panel">
      <p>{t('invite.intro')}</p>

      {current?.url ? (
        <div class="stack invite-created">
          <div class="actions-row">
            {canShare && (
              <button type="button" class="button primary" onClick={() => void share(current.url!)}>
                {t('invite.share')}
              </button>
            )}
            <CopyButton text={current.url} label={t('invite.copy')} class={canShare ? 'button secondary' : 'button primary'} />
          </div>
          <div class="field">
            <label for={`invite-link-${current.id}`}>{t('invite.linkLabel')}</label>
            <input
              id={`invite-link-${current.id}`}
              class="link-input"
              type="text"
              readOnly
              value={current.url}
              onFocus={(e) => e.currentTarget.select()}
            />
          </div>
          <p class="muted">{t('invite.expiry', { time: formatDateTime(current.expiresAt) })}</p>
          <details class="disclosure">
            <summary>{t('invite.qrTitle')}</summary>
            <QrCode text={current.url} />
          </details>
          <p class="muted small">{t('invite.afterNote')}</p>
        </div>
      ) : invites === null && !error ? (
        <p class="muted">{t('invite.loading')}</p>
      ) : null}

      {invites !== null && (
        <div class="actions">
          <button type="button" class={current ? 'button secondary' : 'button primary'} aria-disabled={busy ? 'true' : undefined} onClick={create}>
            {busy ? t('invite.creating') : current ? t('invite.createAnother') : t('invite.create')}
          </button>
        </div>
      )}

      <FormError error={error} onRetry={() => void refresh()} />

      {open.length > 0 && (
        <details class="disclosure">
          <summary>{t('invite.openTitle', { count: open.length })}</summary>
          <ul class="plain-list" role="list">
            {open.map((invite) => {
              const made = formatRelative(invite.createdAt);
              return (
                <li key={invite.id} class="list-row">
                  <span>{t('invite.item', { created: made, expires: formatDateTime(invite.expiresAt) })}</span>
                  <button
                    type="button"
                    class="button secondary small"
                    aria-label={t('invite.revokeLabel', { created: made })}
                    onClick={() => void revoke(invite)}
                  >
                    {t('invite.revoke')}
                  </button>
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </div>
  );
}
