import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { announce } from '../../ui/live-region.tsx';
import { FormError } from '../../ui/form-error.tsx';
import { Modal } from '../../ui/modal.tsx';
import { TakeBackChoice } from '../../ui/take-back-choice.tsx';
import { describeError, type DescribedError } from '../../platform/errors/error-catalog.ts';
import { spaceActions } from '../actions.ts';
import { t } from '../messages.ts';

interface Props {
  open: boolean;
  onClose: () => void;
  spaceId: string;
  spaceName: string;
}

/** Leaving, explained before it happens: what you lose, what the others keep, the new key. */
export function LeaveDialog({ open, onClose, spaceId, spaceName }: Props) {
  const { route } = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DescribedError | null>(null);
  const [erase, setErase] = useState(false);

  async function leave() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await spaceActions.leaveSpace(spaceId, { erase });
      announce(t('live.leftSpace', { space: spaceName }));
      route('/', true);
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  }

  return (
    <Modal open={open} onClose={onClose} title={t('leave.title', { space: spaceName })} role="alertdialog">
      <ul class="explain-list">
        <li>{t('leave.stopSeeing')}</li>
        <li>{t('leave.othersKeep')}</li>
        <li>{t('leave.newKey')}</li>
      </ul>
      <TakeBackChoice id="leave-erase" checked={erase} onChange={setErase} label={t('leave.erase')} hint={t('leave.eraseHint')} />
      <FormError error={error} onRetry={leave} />
      <div class="actions">
        <button type="button" class="button secondary" autoFocus onClick={onClose}>
          {t('leave.cancel')}
        </button>
        <button type="button" class="button danger" aria-disabled={busy ? 'true' : undefined} onClick={leave}>
          {busy ? t('leave.busy') : t('leave.confirm')}
        </button>
      </div>
    </Modal>
  );
}
