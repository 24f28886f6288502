import { announce } from '../../ui/live-region.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { spaceActions } from '../actions.ts';
import { t } from '../messages.ts';

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
  if (!member) return null;
  const { name } = member;
  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      title={t('remove.title', { name, space: spaceName })}
      confirmLabel={t('remove.confirm', { name })}
      busyLabel={t('remove.busy')}
      cancelLabel={t('remove.cancel')}
      variant="danger"
      onConfirm={async () => {
        await spaceActions.removeMember(spaceId, member.userId);
        announce(t('live.memberRemoved', { name, space: spaceName }));
      }}
    >
      <ul class="explain-list">
        <li>{t('remove.stopSeeing', { name })}</li>
        <li>{t('remove.alreadySeen', { name })}</li>
        <li>{t('remove.noticed', { name })}</li>
      </ul>
    </ConfirmDialog>
  );
}
