import { useState } from 'preact/hooks';
import { announce } from '../../components/live-region.tsx';
import { FormError } from '../../components/form-error.tsx';
import { Modal } from '../../components/modal.tsx';
import { describeError, type DescribedError } from '../errors/error-catalog.ts';
import { actions } from '../../state/actions.ts';
import { t } from '../../i18n/t.ts';

interface Props {
  open: boolean;
  onClose: () => void;
  spaceId: string;
  spaceName: string;
  member: { userId: string; name: string } | null;
}

/**
 * Removing someone, explained before it happens. Never implied by anything else: only this
 * confirmed choice (or their own leaving) takes a member out of a space.
 */
export function RemoveMemberDialog({ open, onClose, spaceId, spaceName, member }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DescribedError | null>(null);
  if (!member) return null;
  const name = member.name;

  async function remove() {
    if (busy || !member) return;
    setBusy(true);
    setError(null);
    try {
      await actions.removeMember(spaceId, member.userId);
      announce(t('live.memberRemoved', { name, space: spaceName }));
      setBusy(false);
      onClose();
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  }

  return (
    <Modal open={open} onClose={onClose} title={t('remove.title', { name, space: spaceName })} role="alertdialog">
      <ul class="explain-list">
        <li>{t('remove.stopSeeing', { name })}</li>
        <li>{t('remove.alreadySeen', { name })}</li>
        <li>{t('remove.noticed', { name })}</li>
      </ul>
      <FormError error={error} onRetry={remove} />
      <div class="actions">
        <button type="button" class="button secondary" autoFocus onClick={onClose}>
          {t('remove.cancel')}
        </button>
        <button type="button" class="button danger" aria-disabled={busy ? 'true' : undefined} onClick={remove}>
          {busy ? t('remove.busy') : t('remove.confirm', { name })}
        </button>
      </div>
    </Modal>
  );
}
