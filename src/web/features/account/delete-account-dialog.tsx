import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { FormError } from '../../ui/form-error.tsx';
import { Modal } from '../../ui/modal.tsx';
import { SubmitButton } from '../../ui/submit-button.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { accountActions } from './session.ts';
import { me } from '../../vault/status.ts';
import { t } from './messages.ts';
import { CurrentPasswordField } from './current-password-field.tsx';
import { useChecks } from './use-checks.ts';
import { checkPasswordPresent } from './validate.ts';

/** Deleting the account: says exactly what goes and what stays, and asks for the password. */
export function DeleteAccountDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Modal open={open} onClose={onClose} title={t('delete.title')} role="alertdialog">
      <DeleteAccountForm onClose={onClose} />
    </Modal>
  );
}

function DeleteAccountForm({ onClose }: { onClose: () => void }) {
  const { route } = useLocation();
  const [password, setPassword] = useState('');
  const checks = useChecks(['password']);
  const form = useFormSubmit({
    check: () => checks.show({ password: checkPasswordPresent(password) }),
    action: async () => {
      await accountActions.deleteAccount(password);
      route('/', true);
    },
  });

  return (
    <form class="stack" noValidate onSubmit={form.onSubmit}>
      <p>{t('delete.what')}</p>
      <ul class="explain-list">
        <li>{t('delete.item.account')}</li>
        <li>{t('delete.item.personal')}</li>
        <li>{t('delete.item.memberships')}</li>
        <li>{t('delete.item.sessions')}</li>
      </ul>
      <p>{t('delete.stays')}</p>
      <p>
        <strong>{t('delete.undo')}</strong>
      </p>
      <CurrentPasswordField
        label={t('delete.passwordLabel')}
        username={me.value?.email ?? ''}
        value={password}
        onValue={setPassword}
        check={checks.field('password')}
      />
      <FormError error={form.error} />
      <div class="actions">
        <button type="button" class="button secondary" onClick={onClose}>
          {t('delete.cancel')}
        </button>
        <SubmitButton busy={form.busy} busyLabel={t('delete.busy')} variant="danger">
          {t('delete.confirm')}
        </SubmitButton>
      </div>
    </form>
  );
}
