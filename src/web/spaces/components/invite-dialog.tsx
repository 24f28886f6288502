import { useEffect, useState } from 'preact/hooks';
import { announce } from '../../ui/live-region.tsx';
import { CopyButton } from '../../ui/copy-button.tsx';
import { FormError } from '../../ui/form-error.tsx';
import { Modal } from '../../ui/modal.tsx';
import { describeError, type DescribedError } from '../../platform/errors/error-catalog.ts';
import { spaceActions } from '../actions.ts';
import type { InviteView } from '../types.ts';
import { t } from '../messages.ts';
import { formatDateTime, formatRelative } from '../../platform/i18n/format.ts';
import { QrCode } from './qr-code.tsx';

interface Props {
  open: boolean;
  onClose: () => void;
  spaceId: string;
  spaceName: string;
}

/** Make a one-time invite link (with a QR code), and see or revoke the invites still open. */
export function InviteDialog({ open, onClose, spaceId, spaceName }: Props) {
  return (
    <Modal open={open} onClose={onClose} title={t('invite.dialogTitle', { space: spaceName })}>
      <InviteDialogBody spaceId={spaceId} onClose={onClose} />
    </Modal>
  );
}

function InviteDialogBody({ spaceId, onClose }: { spaceId: string; onClose: () => void }) {
  const [created, setCreated] = useState<InviteView | null>(null);
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
      setCreated(invite);
      announce(t('live.inviteCreated'));
      void refresh();
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
      if (created?.id === invite.id) setCreated(null);
      announce(t('live.inviteRevoked'));
      await refresh();
    } catch (err) {
      setError(describeError(err));
    }
  }

  async function share(url: string) {
    try {
      await navigator.share({ url });
    } catch {
      // The person closed the share sheet: nothing to do.
    }
  }

  const open = (invites ?? []).filter((i) => i.status === 'open');
  const canShare = typeof navigator.share === 'function';

  return (
    <div class="stack">
      <p>{t('invite.intro')}</p>

      {created?.url ? (
        <div class="stack invite-created">
          <div class="field">
            <label for="invite-link">{t('invite.linkLabel')}</label>
            <input
              id="invite-link"
              class="link-input"
              type="text"
              readOnly
              value={created.url}
              onFocus={(e) => e.currentTarget.select()}
            />
          </div>
          <p class="muted">{t('invite.expiry', { time: formatDateTime(created.expiresAt) })}</p>
          <div class="actions-row">
            <CopyButton text={created.url} label={t('invite.copy')} class="button primary" />
            {canShare && (
              <button type="button" class="button secondary" onClick={() => void share(created.url!)}>
                {t('invite.share')}
              </button>
            )}
          </div>
          <h3>{t('invite.qrTitle')}</h3>
          <QrCode text={created.url} />
          <p class="muted small">{t('invite.afterNote')}</p>
        </div>
      ) : (
        <div class="actions">
          <button type="button" class="button primary" aria-disabled={busy ? 'true' : undefined} onClick={create}>
            {busy ? t('invite.creating') : t('invite.create')}
          </button>
        </div>
      )}

      <FormError error={error} onRetry={() => void refresh()} />

      <section aria-labelledby="open-invites-title" class="stack">
        <h3 id="open-invites-title">{t('invite.openTitle')}</h3>
        {invites === null ? null : open.length === 0 ? (
          <p class="muted">{t('invite.none')}</p>
        ) : (
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
        )}
      </section>

      <div class="actions">
        <button type="button" class="button secondary" onClick={onClose}>
          {t('invite.close')}
        </button>
      </div>
    </div>
  );
}
