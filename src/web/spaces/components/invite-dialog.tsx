import { Modal } from '../../ui/modal.tsx';
import { t } from '../messages.ts';
import { InvitePanel } from './invite-panel.tsx';

interface Props {
  open: boolean;
  onClose: () => void;
  spaceId: string;
  spaceName: string;
  myName: string | null;
}

/** Inviting one more person once someone has joined (until then the space's screen leads with it). */
export function InviteDialog({ open, onClose, spaceId, spaceName, myName }: Props) {
  return (
    <Modal open={open} onClose={onClose} title={t('invite.dialogTitle', { space: spaceName })}>
      <InvitePanel spaceId={spaceId} myName={myName} />
      <div class="actions">
        <button type="button" class="button secondary" onClick={onClose}>
          {t('invite.close')}
        </button>
      </div>
    </Modal>
  );
}
